/**
 * A terminal harness for the laptop's clients: a lab with an instance that lets SSH in from the
 * laptop's "My IP" (or not), its key pair's private key saved on the laptop as the console saves
 * it (SaveLaptopDownload: ~/Downloads, mode 0644), dropped connections waited out at once (the
 * wait asked for is recorded), and a helper to read what the laptop's disk holds.
 */
import { LAPTOP_DISK_ID } from '../../../shared/lab-operations';
import { createTestLab, quickStartImage, TEST_REGION } from '../../engine/test-support/test-lab';
import { TIMINGS } from '../../engine/instances/lifecycle';
import { laptopClients } from '../laptop/laptop-clients';
import type { GuestServices } from '../machines/guest-services';
import { terminalHarness, type TerminalHarness } from './terminal-harness';

export interface ClientsHarness extends TerminalHarness {
  /** The waits the clients asked for (milliseconds), in order. */
  waits: number[];
  laptopIp: string;
  /** Reads a laptop file as text (undefined if absent). */
  laptopFile(path: string): string | undefined;
  /** Saves a key pair's private key as the console's download does; returns the saved path. */
  saveKeyFile(fileName: string, material: string): string;
}

/** `endlessWaits`: a dropped connection waits until Ctrl-C (to test giving up), not a moment. */
export function clientsHarness(options: { services?: GuestServices; endlessWaits?: boolean } = {}): ClientsHarness {
  const lab = createTestLab();
  const waits: number[] = [];
  const harness = terminalHarness({
    lab,
    services: options.services,
    laptopCommands: (world) =>
      laptopClients(world, {
        wait: async (milliseconds, signal) => {
          waits.push(milliseconds);
          await new Promise((resolve) => {
            if (options.endlessWaits) signal.addEventListener('abort', resolve, { once: true });
            else setTimeout(resolve, 1);
          });
          return !signal.aborted;
        },
      }),
  });
  const laptopIp = lab.lab('GetLaptop', {}).PublicIp;
  const laptopFile = (path: string) => {
    try {
      return lab.engine.disks.inspect(LAPTOP_DISK_ID, (fs) => fs.readText(path));
    } catch {
      return undefined;
    }
  };
  return {
    ...harness,
    waits,
    laptopIp,
    laptopFile,
    saveKeyFile: (fileName, material) => lab.lab('SaveLaptopDownload', { FileName: fileName, Content: material }).Path,
  };
}

export interface LaunchedInstance {
  instanceId: string;
  publicIp: string;
  publicDns: string;
  groupId: string;
  keyMaterial: string;
}

/** A key pair, a security group (SSH from My IP unless `sshRule` is false) and a running, booted instance. */
export function launchReachable(
  h: ClientsHarness,
  options: { os?: string; sshRule?: boolean; keyName?: string; keyType?: 'rsa' | 'ed25519'; boot?: boolean } = {},
): LaunchedInstance {
  const lab = h.lab;
  const keyName = options.keyName ?? 'lab-key';
  const existing = lab.ec2('DescribeKeyPairs', {}).KeyPairs?.some((k) => k.KeyName === keyName);
  const keyMaterial = existing
    ? ''
    : lab.ec2('CreateKeyPair', { KeyName: keyName, KeyType: options.keyType ?? 'ed25519' }).KeyMaterial!;
  const vpcId = lab.ec2('DescribeVpcs', {}).Vpcs!.find((v) => v.IsDefault)!.VpcId!;
  const groupName = `ssh-${Math.random().toString(36).slice(2, 8)}`;
  const groupId = lab.ec2('CreateSecurityGroup', { GroupName: groupName, Description: 'ssh', VpcId: vpcId }).GroupId!;
  if (options.sshRule !== false) {
    lab.ec2('AuthorizeSecurityGroupIngress', {
      GroupId: groupId,
      IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: `${h.laptopIp}/32` }] }],
    });
  }
  const instanceId = lab.launch({
    ImageId: quickStartImage(options.os ?? 'amazon-linux'),
    KeyName: keyName,
    SecurityGroupIds: [groupId],
  });
  if (options.boot !== false) lab.pass(TIMINGS.pendingMs + TIMINGS.statusChecksMs + 1000);
  else lab.pass(TIMINGS.pendingMs + 1000);
  const instance = lab.ec2('DescribeInstances', { InstanceIds: [instanceId] }).Reservations![0]!.Instances![0]!;
  return {
    instanceId,
    publicIp: instance.PublicIpAddress!,
    publicDns: instance.PublicDnsName!,
    groupId,
    keyMaterial,
  };
}

export { TEST_REGION };
