/**
 * `ip addr` / `ip link` / `ip route` inside an instance: its network interfaces by device index
 * (`ens5`, `ens6` on Nitro types, `eth0` on Xen), each with its MAC and private IPv4 address in its
 * subnet, and the default route through the subnet's router (the subnet's base address + 1, EC2
 * User Guide: subnet-sizing). AWS's Linux images have no `ifconfig`.
 */
import { fail, ok, type LabCommand } from '../machines/machine';
import { engineReader } from '../machines/instance-machines';
import type { GuestInstance } from './guest-instance';

const toNumber = (address: string) => address.split('.').reduce((n, part) => n * 256 + Number(part), 0);
const toAddress = (value: number) => [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');

/** The EUI-64 link-local address: the MAC with ff:fe in the middle and the universal/local bit flipped. */
function linkLocal(mac: string): string {
  const octets = mac.split(':').map((octet) => parseInt(octet, 16));
  const group = (high: number, low: number) => ((high << 8) | low).toString(16);
  return `fe80::${group(octets[0]! ^ 2, octets[1]!)}:${group(octets[2]!, 0xff)}:${group(0xfe, octets[3]!)}:${group(octets[4]!, octets[5]!)}`;
}

export function ipCommand(guest: GuestInstance): LabCommand {
  return ({ request }) => {
    const object = request.args.find((a) => !a.startsWith('-')) ?? '';
    const instance = guest.described();
    const nitro = guest.view().hypervisor === 'nitro';
    const interfaces = [...(instance?.NetworkInterfaces ?? [])].sort(
      (a, b) => (a.Attachment?.DeviceIndex ?? 0) - (b.Attachment?.DeviceIndex ?? 0),
    );
    const nameOf = (index: number) => (nitro ? `ens${5 + index}` : `eth${index}`);
    const prefixOf = (subnetId: string | undefined) => {
      try {
        const subnets = engineReader(guest.engine).ec2(guest.facts.region, 'DescribeSubnets', {
          SubnetIds: subnetId ? [subnetId] : [],
        }).Subnets;
        return Number(subnets?.[0]?.CidrBlock?.split('/')[1] ?? 20);
      } catch {
        return 20;
      }
    };
    const network = (address: string, prefix: number) => {
      const size = 2 ** (32 - prefix);
      const base = toNumber(address) - (toNumber(address) % size);
      return { base, broadcast: base + size - 1 };
    };

    if ('route'.startsWith(object) && object !== '') {
      const primary = interfaces[0];
      const address = primary?.PrivateIpAddress ?? guest.facts.privateIp;
      const prefix = prefixOf(primary?.SubnetId);
      const { base } = network(address, prefix);
      return ok(
        `default via ${toAddress(base + 1)} dev ${nameOf(0)} proto dhcp src ${address} metric 1024 \n` +
          `${toAddress(base)}/${prefix} dev ${nameOf(0)} proto kernel scope link src ${address} metric 1024 \n`,
      );
    }
    if (object && !'address'.startsWith(object) && !'link'.startsWith(object))
      return fail(`Object "${object}" is unknown, try "ip help".\n`, 255);
    const linkOnly = object !== '' && 'link'.startsWith(object);
    const lines = [
      '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000',
      '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
      ...(linkOnly ? [] : ['    inet 127.0.0.1/8 scope host lo', '       valid_lft forever preferred_lft forever']),
    ];
    interfaces.forEach((eni, index) => {
      const name = nameOf(index);
      const mac = eni.MacAddress ?? '02:00:00:00:00:00';
      lines.push(
        `${index + 2}: ${name}: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 9001 qdisc mq state UP group default qlen 1000`,
        `    link/ether ${mac} brd ff:ff:ff:ff:ff:ff`,
        ...(nitro ? [`    altname enp0s${5 + index}`] : []),
      );
      if (linkOnly) return;
      const address = eni.PrivateIpAddress ?? '';
      const prefix = prefixOf(eni.SubnetId);
      lines.push(
        `    inet ${address}/${prefix} metric 1024 brd ${toAddress(network(address, prefix).broadcast)} scope global dynamic ${name}`,
        '       valid_lft 3505sec preferred_lft 3505sec',
        `    inet6 ${linkLocal(mac)}/64 scope link `,
        '       valid_lft forever preferred_lft forever',
      );
    });
    return ok(`${lines.join('\n')}\n`);
  };
}
