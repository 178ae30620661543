/** The launch wizard's form: what the learner picks, before it becomes a RunInstances request. */
import type { QuickStartImage, QuickStartOs } from '../../../shared/lab-operations';
import type { TagRow } from '../tags/tag-rules';

export type ImageArchitecture = QuickStartImage['Architecture'];

export interface LaunchForm {
  name: string;
  tags: TagRow[];
  os: QuickStartOs | '';
  architecture: ImageArchitecture | '';
  imageId: string;
  instanceType: string;
  typeQuery: string;
  /** '' proceeds without a key pair. */
  keyName: string;
  /** The VPC to launch in: its default VPC until the learner picks another. */
  vpcId: string;
  /** A subnet of that VPC; '' is "No preference" (the engine picks a default subnet). */
  subnetId: string;
  /** "Auto-assign public IP": follows the subnet's MapPublicIpOnLaunch until changed. */
  autoAssignPublicIp: boolean;
  /** Firewall: create a launch-wizard-N group, or select existing groups of the chosen VPC. */
  firewall: 'create' | 'existing';
  allowSsh: boolean;
  sshSource: 'anywhere' | 'my-ip' | 'custom';
  /** The CIDR typed for a Custom SSH source. */
  sshCidr: string;
  allowHttps: boolean;
  allowHttp: boolean;
  securityGroupIds: string[];
  /** Inputs of type number give numbers, or '' while empty. */
  rootSize: number | string;
  rootVolumeType: 'gp3' | 'gp2';
  rootEncrypted: boolean;
  shutdownBehavior: 'stop' | 'terminate';
  terminationProtection: boolean;
  stopProtection: boolean;
  hibernation: boolean;
  userData: string;
  count: number | string;
}

export function emptyLaunchForm(): LaunchForm {
  return {
    name: '',
    tags: [],
    os: '',
    architecture: '',
    imageId: '',
    instanceType: '',
    typeQuery: '',
    keyName: '',
    vpcId: '',
    subnetId: '',
    autoAssignPublicIp: true,
    firewall: 'create',
    allowSsh: true,
    sshSource: 'anywhere',
    sshCidr: '',
    allowHttps: false,
    allowHttp: false,
    securityGroupIds: [],
    rootSize: '',
    rootVolumeType: 'gp3',
    rootEncrypted: false,
    shutdownBehavior: 'stop',
    terminationProtection: false,
    stopProtection: false,
    hibernation: false,
    userData: '',
    count: 1,
  };
}

/** The Quick Start tiles, in the console's order. */
export const OS_ORDER: readonly QuickStartOs[] = [
  'amazon-linux',
  'macos',
  'ubuntu',
  'windows',
  'rhel',
  'suse',
  'debian',
];

/** A whole number from a number input, or NaN. */
export function wholeNumber(value: number | string): number {
  const parsed = typeof value === 'number' ? value : value.trim() === '' ? NaN : Number(value);
  return Number.isInteger(parsed) ? parsed : NaN;
}
