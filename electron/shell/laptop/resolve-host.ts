/**
 * Name resolution as the laptop's clients see it: a public IPv4 address (an instance's
 * auto-assigned address or an Elastic IP), or an EC2 public DNS name — `ec2-54-180-1-2.compute-1.
 * amazonaws.com` in us-east-1, `ec2-….REGION.compute.amazonaws.com` elsewhere (EC2 User Guide:
 * ec2-instance-naming, "Public IPv4 DNS") — which AWS's DNS answers with the address in its name.
 * The address then leads to the running instance that holds it now, in any region; an address no
 * instance holds answers nothing (the packets are dropped: a timeout, not a refusal).
 */
import type { ShellWorld } from '../shell-world';
import type { Instance } from '../machines/instance-machines';

export interface ResolvedHost {
  /** The IPv4 address the name resolves to. */
  address: string;
  /** The instance holding that public address, if any (with its region). */
  instance?: { region: string; instance: Instance };
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const PUBLIC_DNS =
  /^ec2-(\d{1,3})-(\d{1,3})-(\d{1,3})-(\d{1,3})\.(?:compute-1|[a-z]{2}(?:-gov)?-[a-z]+-\d\.compute)\.amazonaws\.com\.?$/i;

function addressOf(name: string): string | undefined {
  if (name === 'localhost') return '127.0.0.1';
  const match = IPV4.exec(name) ?? PUBLIC_DNS.exec(name);
  if (!match) return undefined;
  const parts = match.slice(1, 5).map(Number);
  return parts.every((part) => part <= 255) ? parts.join('.') : undefined;
}

/** Undefined when the name does not resolve (`Name or service not known`). */
export function resolveHost(world: ShellWorld, name: string): ResolvedHost | undefined {
  const address = addressOf(name);
  if (!address) return undefined;
  const reader = world.instances.reader;
  let regions: string[];
  try {
    regions = (reader.ec2('us-east-1', 'DescribeRegions', {}).Regions ?? []).map((r) => r.RegionName!);
  } catch {
    return { address };
  }
  for (const region of regions) {
    let reservations;
    try {
      reservations = reader.ec2(region, 'DescribeInstances', {}).Reservations ?? [];
    } catch {
      continue;
    }
    for (const reservation of reservations) {
      for (const instance of reservation.Instances ?? []) {
        if (instance.PublicIpAddress === address && instance.State?.Name !== 'terminated') {
          return { address, instance: { region, instance } };
        }
      }
    }
  }
  return { address };
}
