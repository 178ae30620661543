/**
 * Lab-only operations: things a real AWS account has no API for (the simulation clock, reset,
 * export/import, the curated catalog extras). They live apart from EC2's operations on purpose.
 */

/** Simulation speed: 0 is paused; 1, 10 and 60 run the lab clock that many times faster than real time. */
export type ClockSpeed = 0 | 1 | 10 | 60;
export const CLOCK_SPEEDS: readonly ClockSpeed[] = [0, 1, 10, 60];

export interface ClockState {
  /** Simulation time, epoch milliseconds. */
  now: number;
  speed: ClockSpeed;
}

/** Something the user must be told at start-up, e.g. a database that was moved aside. */
export interface LabNotice {
  code: 'StateRecovered' | 'StateReset' | 'StateImported' | 'RecordQuarantined';
  message: string;
  /** Where the unreadable database was moved (StateRecovered), or the file a set-aside record stays in (RecordQuarantined). */
  path?: string;
  /** For RecordQuarantined: the record set aside (`collection/id`) and what was wrong with it (English). */
  record?: string;
  problem?: string;
  at: number;
}

export interface LabStatus {
  version: string;
  /** The folder the lab is saved in. */
  dataDirectory: string;
  /** The database file inside it (":memory:" for a lab kept only in memory). */
  stateFile: string;
  schemaVersion: number;
  notices: LabNotice[];
  defaultRegion: string;
  /** The lab's 12-digit AWS account id (random per lab): what STS GetCallerIdentity answers. */
  accountId: string;
}

/** A Quick Start AMI as the launch wizard lists it: AWS's image plus what the console adds. */
export interface QuickStartImage {
  ImageId: string;
  /** Family shown as a tile: 'amazon-linux' | 'ubuntu' | 'debian' | 'rhel' | 'suse' | 'windows' | 'macos'. */
  Os: QuickStartOs;
  Title: string;
  Description: string;
  Architecture: 'x86_64' | 'arm64' | 'x86_64_mac' | 'arm64_mac';
  /** The user name `ssh` must use (EC2 User Guide: managing-users). */
  DefaultUser: string;
  FreeTierEligible: boolean;
  RootDeviceName: string;
  RootVolumeSizeGiB: number;
  /** An AWS Marketplace AMI's seller; Quick Start images have none. */
  Vendor?: string;
  /** The software stack a Marketplace AMI's root volume carries on top of its OS. */
  Software?: MarketplaceSoftware;
}

export type MarketplaceSoftware = 'wordpress' | 'nginx';

export type QuickStartOs = 'amazon-linux' | 'ubuntu' | 'debian' | 'rhel' | 'suse' | 'windows' | 'macos';

export interface InstanceTypePrice {
  InstanceType: string;
  /** On-demand Linux price in USD per hour, approximate. */
  UsdPerHour: number;
}

export interface PriceList {
  Region: string;
  /** ISO date the prices were taken from AWS's public price pages. */
  AsOf: string;
  Approximate: true;
  Prices: InstanceTypePrice[];
}

export interface LabExport {
  fileName: string;
  /** The whole lab as one JSON document. */
  content: string;
}

/**
 * How the AWS CLI and SDKs reach the lab: the EC2 API endpoint on 127.0.0.1 and the lab's access key
 * pair (random per install, or from EC2LAB_ACCESS_KEY_ID / EC2LAB_SECRET_ACCESS_KEY).
 */
export interface ApiAccess {
  /** False when the EC2 API is not running (e.g. its port was taken); the rest is then absent. */
  Available: boolean;
  /** e.g. http://127.0.0.1:4566/ */
  Endpoint?: string;
  AccessKeyId?: string;
  SecretAccessKey?: string;
  /** 'generated': made by the lab and regenerable; 'environment': set by the person who started it. */
  KeySource?: 'generated' | 'environment';
  /** Why it is unavailable, in English, when Available is false. */
  Reason?: string;
  /** The port the EC2 API listens on, or will listen on once it could start. */
  Port?: number;
  /** 'command-line': --api-port fixed it for this run; 'setting': chosen in the lab; 'default': 4566. */
  PortSource?: 'default' | 'setting' | 'command-line';
  /** Something to tell about the last port change, e.g. that the new port was taken (English). */
  Notice?: string;
}

/** One API call, as the activity log (like CloudTrail's event history) shows it. */
export interface ActivityEvent {
  EventId: string;
  /** Simulation time of the call, epoch milliseconds. */
  EventTime: number;
  /** The operation, e.g. 'StopInstances'. */
  EventName: string;
  Caller: 'console' | 'cli' | 'sdk' | 'api';
  Region: string;
  ReadOnly: boolean;
  /** The request as the engine received it (user data shortened). */
  Parameters: unknown;
  /** Instance ids (and other resource ids) the call named or created. */
  ResourceIds: string[];
  ErrorCode?: string;
  ErrorMessage?: string;
  /** The equivalent AWS CLI command. */
  CliCommand: string;
}

export interface LabOperations {
  GetStatus: { input: Record<string, never>; output: LabStatus };
  DismissNotice: { input: { at: number }; output: LabStatus };
  GetClock: { input: Record<string, never>; output: ClockState };
  SetClockSpeed: { input: { speed: ClockSpeed }; output: ClockState };
  /** Jump the clock forward (e.g. "skip 1 minute"); finishes any transitions that fall due. */
  AdvanceClock: { input: { milliseconds: number }; output: ClockState };
  DescribeQuickStartImages: { input: { Region: string }; output: { Images: QuickStartImage[] } };
  /**
   * What the launch wizard needs of any AMI it may launch (a Quick Start, Marketplace or the
   * learner's own): architecture, root device and size, login user, vendor. Errors as RunInstances'.
   */
  DescribeLaunchImage: { input: { Region: string; ImageId: string }; output: { Image: QuickStartImage } };
  DescribePrices: { input: { Region: string }; output: PriceList };
  ResetLab: { input: Record<string, never>; output: LabStatus };
  ExportLab: { input: Record<string, never>; output: LabExport };
  ImportLab: { input: { content: string }; output: LabStatus };
  GetApiAccess: { input: Record<string, never>; output: ApiAccess };
  /**
   * Moves the EC2 API to another port (1024–65535) and remembers it for later starts. The answer
   * comes at once; the move itself is reported by an 'api-access' event.
   */
  SetApiPort: { input: { Port: number }; output: ApiAccess };
  /** A new random key pair; the old one stops working at once. */
  RegenerateApiAccessKey: { input: Record<string, never>; output: ApiAccess };
  /** Newest first. Console reads (Describe*) are not logged; every change and every CLI/SDK call is. */
  DescribeActivity: {
    input: { MaxResults?: number; NextToken?: string };
    output: { Events: ActivityEvent[]; NextToken?: string };
  };
  /** The learner's simulated laptop: its public IPv4 ("My IP"), the source of every connection it makes. */
  GetLaptop: { input: Record<string, never>; output: LaptopInfo };
  /**
   * A file the console downloaded (a private key) arrives on the laptop as a browser saves it:
   * `~/Downloads/<FileName>` with mode 0644, renamed `<name> (1).<ext>` if the name is taken.
   */
  SaveLaptopDownload: { input: { FileName: string; Content: string }; output: LaptopFile };
  /** The laptop's files, by path. */
  DescribeLaptopFiles: { input: Record<string, never>; output: { Files: LaptopFile[] } };
  /**
   * The gate: can traffic of a protocol to a port, from an address (the laptop's by default), reach
   * an instance now? Allowed, or every reason it is blocked, in order.
   */
  DescribeReachability: { input: ReachabilityQuestion; output: ReachabilityAnswer };
}

/** The disk that holds the laptop's files (the terminal's `learner@laptop`), beside the lab's volumes. */
export const LAPTOP_DISK_ID = 'laptop';

export interface LaptopInfo {
  /** In a documentation range (203.0.113.0/24), random per lab and kept with it. */
  PublicIp: string;
  /** The laptop's user (`learner`) and home directory (`/home/learner`). */
  User: string;
  HomeDirectory: string;
}

export interface LaptopFile {
  /** Absolute, e.g. /home/learner/Downloads/my-key.pem. */
  Path: string;
  /** Permission bits as a number (0o644 = 420). */
  Mode: number;
  /** Bytes. */
  Size: number;
  /** Simulation time, epoch milliseconds. */
  ModifiedTime: number;
}

export interface ReachabilityQuestion {
  Region: string;
  InstanceId: string;
  /** tcp, udp, icmp, or a protocol number. */
  Protocol: string;
  /** The destination port (for ICMP, the type). */
  Port: number;
  /** The source IPv4 address; the laptop's public IP when absent. */
  SourceIp?: string;
}

export interface ReachabilityAnswer {
  Allowed: boolean;
  SourceIp: string;
  /**
   * Why it is blocked, in order: instance-not-running, instance-booting, no-public-ip,
   * no-route-to-internet-gateway, network-acl-inbound, network-acl-outbound, no-inbound-rule.
   */
  Reasons: {
    Code: string;
    Message: string;
    /** no-inbound-rule: the groups checked. */
    GroupIds?: string[];
    /** The route table (no-route-to-internet-gateway) or network ACL (network-acl-*) that blocks. */
    ResourceId?: string;
    /** network-acl-*: the rule number that denies (or `*`, the default deny). */
    Rule?: string;
  }[];
}

export type LabOperationName = keyof LabOperations;

export const LAB_OPERATION_NAMES = [
  'GetStatus',
  'DismissNotice',
  'GetClock',
  'SetClockSpeed',
  'AdvanceClock',
  'DescribeQuickStartImages',
  'DescribeLaunchImage',
  'DescribePrices',
  'ResetLab',
  'ExportLab',
  'ImportLab',
  'GetApiAccess',
  'SetApiPort',
  'RegenerateApiAccessKey',
  'DescribeActivity',
  'GetLaptop',
  'SaveLaptopDownload',
  'DescribeLaptopFiles',
  'DescribeReachability',
] as const satisfies readonly LabOperationName[];
