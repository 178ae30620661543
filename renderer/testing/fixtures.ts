/**
 * A small world for component tests: two regions, four zones, a few instance types, Quick Start
 * images and prices, and a mutable list of instances the fake DescribeInstances answers from.
 */
import type { Instance, InstanceStateName, InstanceStatus, InstanceTypeInfo } from '@aws-sdk/client-ec2';
import type { ActivityEvent, ApiAccess, LabStatus, QuickStartImage } from '../../shared/lab-operations';
import { toCliCommand } from '../../shared/cli-command';
import { INSTANCE_STATE_CODES } from '../../shared/rules/instances';
import { FakeBridge } from './fake-bridge';

export function instance(id: string, state: InstanceStateName, extra: Partial<Instance> = {}): Instance {
  return {
    InstanceId: id,
    ImageId: 'ami-0a1b2c3d4e5f60718',
    InstanceType: 't3.micro',
    State: { Name: state, Code: INSTANCE_STATE_CODES[state] },
    Placement: { AvailabilityZone: 'ap-northeast-2a' },
    PrivateIpAddress: '172.31.5.10',
    PublicIpAddress: state === 'running' ? '54.180.1.2' : undefined,
    LaunchTime: new Date('2025-05-01T09:30:00Z'),
    Tags: [],
    ...extra,
  };
}

function type(
  name: string,
  architectures: string[],
  vcpus: number,
  memoryMiB: number,
  options: { hibernation?: boolean; freeTier?: boolean } = {},
): InstanceTypeInfo {
  return {
    InstanceType: name as InstanceTypeInfo['InstanceType'],
    ProcessorInfo: { SupportedArchitectures: architectures as never },
    VCpuInfo: { DefaultVCpus: vcpus },
    MemoryInfo: { SizeInMiB: memoryMiB },
    HibernationSupported: options.hibernation ?? false,
    FreeTierEligible: options.freeTier ?? false,
    NetworkInfo: { NetworkPerformance: 'Up to 5 Gigabit' },
  };
}

export const INSTANCE_TYPES: InstanceTypeInfo[] = [
  type('t3.micro', ['x86_64'], 2, 1024, { hibernation: true, freeTier: true }),
  type('m5.large', ['x86_64'], 2, 8192, { hibernation: true }),
  type('c5d.large', ['x86_64'], 2, 4096),
  type('t4g.micro', ['arm64'], 2, 1024, { hibernation: true }),
  type('mac2.metal', ['arm64_mac'], 12, 16384),
];

export const QUICK_START: QuickStartImage[] = [
  {
    ImageId: 'ami-0a1b2c3d4e5f60718',
    Os: 'amazon-linux',
    Title: 'Amazon Linux 2023 AMI',
    Description: 'Amazon Linux 2023 is a modern, general purpose Linux-based OS.',
    Architecture: 'x86_64',
    DefaultUser: 'ec2-user',
    FreeTierEligible: true,
    RootDeviceName: '/dev/xvda',
    RootVolumeSizeGiB: 8,
  },
  {
    ImageId: 'ami-0b1b2c3d4e5f60718',
    Os: 'amazon-linux',
    Title: 'Amazon Linux 2023 AMI (Arm)',
    Description: 'Amazon Linux 2023 for 64-bit Arm.',
    Architecture: 'arm64',
    DefaultUser: 'ec2-user',
    FreeTierEligible: true,
    RootDeviceName: '/dev/xvda',
    RootVolumeSizeGiB: 8,
  },
  {
    ImageId: 'ami-0c1b2c3d4e5f60718',
    Os: 'ubuntu',
    Title: 'Ubuntu Server 24.04 LTS (HVM), SSD Volume Type',
    Description: 'Canonical, Ubuntu, 24.04, amd64 noble image',
    Architecture: 'x86_64',
    DefaultUser: 'ubuntu',
    FreeTierEligible: true,
    RootDeviceName: '/dev/sda1',
    RootVolumeSizeGiB: 8,
  },
  {
    ImageId: 'ami-0d1b2c3d4e5f60718',
    Os: 'macos',
    Title: 'macOS Sonoma 14',
    Description: 'macOS Sonoma 14 for EC2 Mac instances',
    Architecture: 'arm64_mac',
    DefaultUser: 'ec2-user',
    FreeTierEligible: false,
    RootDeviceName: '/dev/sda1',
    RootVolumeSizeGiB: 100,
  },
];

export const STATUS: LabStatus = {
  version: '0.1.0',
  dataDirectory: '/home/learner/.config/EC2 Lab',
  stateFile: '/home/learner/.config/EC2 Lab/lab.sqlite',
  schemaVersion: 1,
  notices: [],
  defaultRegion: 'ap-northeast-2',
};

export const API_ACCESS: ApiAccess = {
  Available: true,
  Endpoint: 'http://127.0.0.1:4566/',
  AccessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  SecretAccessKey: 'wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY12',
  KeySource: 'generated',
};

/** An activity event as the engine logs it; the CLI command follows from the name and parameters. */
export function activityEvent(
  eventId: string,
  eventName: string,
  parameters: Record<string, unknown>,
  extra: Partial<ActivityEvent> = {},
): ActivityEvent {
  const region = extra.Region ?? 'ap-northeast-2';
  return {
    EventId: eventId,
    EventTime: Date.parse('2025-05-01T10:00:00Z'),
    EventName: eventName,
    Caller: 'console',
    Region: region,
    ReadOnly: eventName.startsWith('Describe'),
    Parameters: parameters,
    ResourceIds: (parameters.InstanceIds as string[] | undefined) ?? [],
    CliCommand: toCliCommand(eventName, parameters, region),
    ...extra,
  };
}

export interface FakeWorld {
  bridge: FakeBridge;
  instances: Instance[];
  statuses: InstanceStatus[];
  status: LabStatus;
  apiAccess: ApiAccess;
  /** The activity log, newest first; DescribeActivity pages through it. */
  activity: ActivityEvent[];
}

/** A FakeBridge answering every call the console makes at start-up from a small, mutable world. */
export function createWorld(): FakeWorld {
  const bridge = new FakeBridge();
  const world: FakeWorld = {
    bridge,
    instances: [],
    statuses: [],
    status: structuredClone(STATUS),
    apiAccess: structuredClone(API_ACCESS),
    activity: [],
  };
  const zones = ['ap-northeast-2a', 'ap-northeast-2b', 'ap-northeast-2c', 'ap-northeast-2d'];
  bridge
    .handle('GetStatus', () => world.status)
    .handle('DismissNotice', (input: { at: number }) => {
      world.status.notices = world.status.notices.filter((notice) => notice.at !== input.at);
      return world.status;
    })
    .handle('GetClock', () => ({ now: Date.parse('2025-05-01T10:00:00Z'), speed: 1 }))
    .handle('SetClockSpeed', (input: { speed: number }) => ({
      now: Date.parse('2025-05-01T10:00:00Z'),
      speed: input.speed,
    }))
    .handle('DescribeRegions', () => ({
      Regions: [
        {
          RegionName: 'ap-northeast-2',
          Endpoint: 'ec2.ap-northeast-2.amazonaws.com',
          OptInStatus: 'opt-in-not-required',
        },
        { RegionName: 'us-east-1', Endpoint: 'ec2.us-east-1.amazonaws.com', OptInStatus: 'opt-in-not-required' },
      ],
    }))
    .handle('DescribeAvailabilityZones', () => ({
      AvailabilityZones: zones.map((ZoneName, index) => ({
        ZoneName,
        ZoneId: `apne2-az${index + 1}`,
        State: 'available',
        RegionName: 'ap-northeast-2',
      })),
    }))
    .handle('DescribeInstanceTypes', () => ({ InstanceTypes: INSTANCE_TYPES }))
    .handle('DescribeInstanceTypeOfferings', (input: { Filters?: { Name: string; Values: string[] }[] }) => {
      const locations = input.Filters?.find((filter) => filter.Name === 'location')?.Values;
      return {
        InstanceTypeOfferings: INSTANCE_TYPES.flatMap((info) =>
          (info.InstanceType === 'm5.large' ? zones.slice(0, 1) : zones.slice(0, 2))
            .filter((Location) => !locations || locations.includes(Location))
            .map((Location) => ({ InstanceType: info.InstanceType, LocationType: 'availability-zone', Location })),
        ),
      };
    })
    .handle('DescribeImages', () => ({
      Images: QUICK_START.map((image) => ({
        ImageId: image.ImageId,
        Name: image.Title,
        Architecture: image.Architecture,
        RootDeviceType: 'ebs',
        ImageOwnerAlias: 'amazon',
        CreationDate: '2025-04-01T00:00:00.000Z',
      })),
    }))
    .handle('DescribeQuickStartImages', () => ({ Images: QUICK_START }))
    .handle('DescribePrices', (input: { Region: string }) => ({
      Region: input.Region,
      AsOf: '2025-06-01',
      Approximate: true,
      Prices: [
        { InstanceType: 't3.micro', UsdPerHour: 0.013 },
        { InstanceType: 'm5.large', UsdPerHour: 0.118 },
      ],
    }))
    .handle('DescribeVpcs', () => ({
      Vpcs: [{ VpcId: 'vpc-0a1b2c3d4e5f60718', CidrBlock: '172.31.0.0/16', IsDefault: true }],
    }))
    .handle('DescribeInstances', (input: { InstanceIds?: string[] }) => {
      const wanted = input.InstanceIds;
      const found = world.instances.filter((i) => !wanted || wanted.includes(i.InstanceId ?? ''));
      if (wanted && found.length < wanted.length) {
        const missing = wanted.find((id) => !found.some((i) => i.InstanceId === id));
        throw { code: 'InvalidInstanceID.NotFound', message: `The instance ID '${missing}' does not exist` };
      }
      return { Reservations: found.length ? [{ ReservationId: 'r-0123456789abcdef0', Instances: found }] : [] };
    })
    .handle('DescribeInstanceStatus', (input: { InstanceIds?: string[] }) => ({
      InstanceStatuses: world.statuses.filter(
        (s) => !input.InstanceIds || input.InstanceIds.includes(s.InstanceId ?? ''),
      ),
    }))
    .handle('GetApiAccess', () => world.apiAccess)
    .handle('DescribeActivity', (input: { MaxResults?: number; NextToken?: string }) => {
      const start = input.NextToken ? Number(input.NextToken) : 0;
      const end = start + (input.MaxResults ?? 50);
      const Events = world.activity.slice(start, end);
      return end < world.activity.length ? { Events, NextToken: String(end) } : { Events };
    });
  return world;
}
