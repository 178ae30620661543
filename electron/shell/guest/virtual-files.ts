/**
 * The files an instance's kernel makes up: /proc (cpuinfo, meminfo, uptime, loadavg, version,
 * mounts) and the block devices under /dev (`/dev/nvme1n1`, `/dev/xvdf`, and Amazon Linux's
 * `/dev/sdf` names for them, EC2 User Guide: nvme-ebs-volumes).
 */
import type { VirtualNode } from '../machines/guest-fs';
import type { GuestInstance } from './guest-instance';
import { mountTable } from './disk-commands';
import { cpuinfo, isArm, kernelOf, loadAverages, meminfo, uptimeSeconds } from './system-facts';

export function virtualFiles(guest: GuestInstance): ReadonlyMap<string, VirtualNode> {
  const proc = (read: () => string): VirtualNode => ({ type: 'file', mode: 0o444, read });
  const nodes = new Map<string, VirtualNode>([
    ['/proc', { type: 'directory' }],
    ['/proc/cpuinfo', proc(() => cpuinfo(guest.view()))],
    ['/proc/meminfo', proc(() => meminfo(guest.view()))],
    [
      '/proc/uptime',
      proc(() => {
        const view = guest.view();
        const up = uptimeSeconds(view);
        return `${up.toFixed(2)} ${(up * view.vcpus * (1 - view.cpuUtilization / 100)).toFixed(2)}\n`;
      }),
    ],
    [
      '/proc/loadavg',
      proc(() => {
        const view = guest.view();
        const running = view.loads.reduce((n, l) => n + l.cpus, 0);
        return `${loadAverages(view)
          .map((n) => n.toFixed(2))
          .join(' ')} ${1 + running}/${110 + running} ${2000 + view.loads.length}\n`;
      }),
    ],
    [
      '/proc/version',
      proc(() => {
        const kernel = kernelOf(guest.facts.os, isArm(guest.view()));
        return `Linux version ${kernel.release} (builder@localhost) (gcc (GCC) 11.4.1) ${kernel.version}\n`;
      }),
    ],
    ['/proc/mounts', proc(() => mountTable(guest))],
  ]);
  const device: VirtualNode = { type: 'file', mode: 0o660, read: () => new Uint8Array(0) };
  for (const disk of guest.devices()) {
    nodes.set(`/dev/${disk.name}`, device);
    if (disk.partition) nodes.set(`/dev/${disk.partition}`, device);
    if (guest.facts.os === 'amazon-linux' && disk.apiName.startsWith('/dev/') && !nodes.has(disk.apiName))
      nodes.set(disk.apiName, device);
  }
  return nodes;
}
