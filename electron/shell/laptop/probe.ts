/**
 * Whether a connection from the laptop to an instance's port gets an answer, asked of the engine's
 * gate (the lab operation DescribeReachability — the one reachability check, never a copy of it)
 * and then of the instance itself: dropped packets (no public IP, no route, a network ACL, no
 * security-group rule, a stopped instance) mean a timeout; an instance still booting, or a port
 * nothing listens on, answers with a reset ("Connection refused"); otherwise it is open. Also the
 * short "why" a hint line gives for a blocked path.
 */
import type { ReachabilityAnswer } from '../../../shared/lab-operations';
import type { ShellWorld } from '../shell-world';
import type { ResolvedHost } from './resolve-host';

type ProbeResult =
  | { kind: 'open'; instanceId: string; region: string }
  | { kind: 'refused'; why: string }
  | { kind: 'timeout'; why: string };

export function probe(
  world: ShellWorld,
  host: ResolvedHost,
  protocol: 'tcp' | 'udp' | 'icmp',
  port: number,
): ProbeResult {
  if (host.address === '127.0.0.1') return { kind: 'refused', why: 'nothing listens on the laptop itself' };
  if (!host.instance) {
    const why = isPrivate(host.address)
      ? `${host.address} is a private address, reachable only inside its VPC; from the laptop use the instance's public IPv4 address or public DNS name`
      : `no running instance has the public address ${host.address} now`;
    return { kind: 'timeout', why };
  }
  const { region, instance } = host.instance;
  const instanceId = instance.InstanceId!;
  let answer: ReachabilityAnswer;
  try {
    answer = world.instances.reader.lab('DescribeReachability', {
      Region: region,
      InstanceId: instanceId,
      Protocol: protocol,
      Port: port,
    });
  } catch (error) {
    return { kind: 'timeout', why: (error as Error).message };
  }
  if (!answer.Allowed) {
    const dropping = answer.Reasons.filter((reason) => reason.Code !== 'instance-booting');
    if (dropping.length === 0) {
      return {
        kind: 'refused',
        why: `instance ${instanceId} is still booting: ${protocol === 'tcp' && port === 22 ? 'sshd' : 'nothing'} listens yet (wait for its status checks)`,
      };
    }
    return { kind: 'timeout', why: reasonText(dropping[0]!, answer.SourceIp, protocol, port) };
  }
  if (protocol !== 'icmp' && !world.services.listening(instanceId, protocol, port)) {
    return { kind: 'refused', why: `nothing listens on ${protocol}/${port} inside instance ${instanceId}` };
  }
  return { kind: 'open', instanceId, region };
}

function reasonText(
  reason: ReachabilityAnswer['Reasons'][number],
  source: string,
  protocol: string,
  port: number,
): string {
  if (reason.Code === 'no-inbound-rule') {
    const groups = reason.GroupIds ?? [];
    const what = protocol === 'icmp' ? 'icmp (ping)' : `${protocol}/${port}`;
    return `${groups.length === 1 ? `security group ${groups[0]}` : `security groups ${groups.join(', ') || '(none)'}`} ${groups.length === 1 ? 'has' : 'have'} no inbound rule for ${what} from ${source}/32`;
  }
  return reason.Message.replace(/\.$/, '');
}

/** RFC 1918 private ranges: a VPC's addresses, never routed from the internet. */
function isPrivate(address: string): boolean {
  const [a = 0, b = 0] = address.split('.').map(Number);
  return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}
