import { describe, expect, it } from 'vitest';
import { TIMINGS } from '../instances/lifecycle';
import { createTestLab, type TestLab } from '../test-support/test-lab';
import { VOLUME_TIMINGS } from '../volumes/volume-lifecycle';
import { filesystemUuid } from './block-devices';
import { GUESTS } from './guest-record';

const ZONE = 'ap-northeast-2a';

function running(lab: TestLab, extra: Record<string, unknown> = {}): string {
  const id = lab.launch({ Placement: { AvailabilityZone: ZONE }, ...extra });
  lab.pass(TIMINGS.pendingMs);
  return id;
}

function attachedVolume(lab: TestLab, instanceId: string, device = '/dev/sdf'): string {
  const volumeId = lab.ec2('CreateVolume', { AvailabilityZone: ZONE, Size: 4 }).VolumeId!;
  lab.pass(VOLUME_TIMINGS.creatingMs);
  lab.ec2('AttachVolume', { VolumeId: volumeId, InstanceId: instanceId, Device: device });
  lab.pass(VOLUME_TIMINGS.attachingMs);
  return volumeId;
}

function rootOf(lab: TestLab, instanceId: string): string {
  return lab.engine.disks.disksOf(instanceId).find((d) => d.root)!.diskId;
}

describe('the guest runtime', () => {
  it('boots with the instance: sshd runs, boot time is when it reached running', () => {
    const lab = createTestLab();
    const id = lab.launch();
    expect(lab.engine.guests.view(id)?.up).toBe(false);
    lab.pass(TIMINGS.pendingMs);
    const view = lab.engine.guests.view(id)!;
    expect(view).toMatchObject({ up: true, running: ['sshd'], vcpus: 2, memoryMiB: 1024, hypervisor: 'nitro' });
    expect(view.bootedAt).toBe(view.now);
  });

  it('loses mounts, running services and load on stop, keeps enabled services and the user-data mark, and starts enabled ones at boot', () => {
    const lab = createTestLab();
    const id = running(lab, { UserData: Buffer.from('#!/bin/bash\ntrue\n').toString('base64') });
    const volumeId = attachedVolume(lab, id);
    lab.engine.disks.change(volumeId, (fs) => fs.format('xfs'));
    lab.engine.guests.mount(id, { diskId: volumeId, mountPoint: '/data', fsType: 'xfs' });
    lab.engine.guests.setService(id, 'httpd', { running: true, enabled: true });
    lab.engine.guests.setService(id, 'nginx', { running: true });
    lab.engine.guests.startLoad(id, { cpus: 2, command: 'stress' });
    expect(lab.engine.guests.claimUserData(id)).toBe('#!/bin/bash\ntrue\n');
    expect(lab.engine.guests.claimUserData(id)).toBeUndefined();
    expect(lab.engine.guests.view(id)?.cpuUtilization).toBe(100);

    lab.ec2('StopInstances', { InstanceIds: [id] });
    lab.pass(TIMINGS.stoppingMs);
    expect(lab.engine.guests.view(id)).toMatchObject({
      up: false,
      mounts: [],
      running: [],
      loads: [],
      cpuUtilization: 0,
    });
    lab.ec2('StartInstances', { InstanceIds: [id] });
    lab.pass(TIMINGS.pendingMs);
    expect(lab.engine.guests.view(id)).toMatchObject({
      up: true,
      mounts: [],
      running: ['sshd', 'httpd'],
      enabled: ['httpd'],
      userDataRan: true,
    });
    expect(lab.engine.guests.claimUserData(id)).toBeUndefined();
  });

  it('applies /etc/fstab at boot, by UUID or device name, and drops a mount whose volume is detached', () => {
    const lab = createTestLab();
    const id = running(lab);
    const byUuid = attachedVolume(lab, id, '/dev/sdf');
    const byName = attachedVolume(lab, id, '/dev/sdg');
    const missing = 'UUID=00000000-0000-4000-8000-000000000000';
    lab.engine.disks.change(byUuid, (fs) => fs.format('xfs'));
    lab.engine.disks.change(byName, (fs) => fs.format('ext4'));
    lab.engine.disks.change(rootOf(lab, id), (fs) => {
      fs.writeFile(
        '/etc/fstab',
        `${fs.readText('/etc/fstab')}UUID=${filesystemUuid(byUuid)} /data xfs defaults,nofail 0 2\n/dev/nvme2n1 /logs ext4 defaults,nofail 0 2\n${missing} /gone xfs defaults,nofail 0 2\n`,
      );
    });
    lab.engine.guests.shutdown(id, 'reboot');
    expect(lab.engine.guests.view(id)?.up).toBe(false);
    lab.pass(TIMINGS.rebootMs);
    expect(lab.engine.guests.view(id)?.mounts).toEqual([
      { diskId: byUuid, mountPoint: '/data', fsType: 'xfs' },
      { diskId: byName, mountPoint: '/logs', fsType: 'ext4' },
    ]);
    lab.ec2('DetachVolume', { VolumeId: byUuid });
    lab.pass(VOLUME_TIMINGS.detachingMs);
    expect(lab.engine.guests.view(id)?.mounts.map((m) => m.mountPoint)).toEqual(['/logs']);
  });

  it('names devices NVMe on Nitro and xvd on Xen, with a filesystem UUID that moves with the volume', () => {
    const lab = createTestLab();
    const nitro = running(lab);
    const xen = running(lab, { InstanceType: 't2.micro' });
    const volumeId = attachedVolume(lab, nitro);
    lab.engine.disks.change(volumeId, (fs) => fs.format('xfs'));
    expect(lab.engine.guests.devices(nitro).map((d) => [d.name, d.partition, d.apiName])).toEqual([
      ['nvme0n1', 'nvme0n1p1', '/dev/xvda'],
      ['nvme1n1', undefined, '/dev/sdf'],
    ]);
    const uuid = lab.engine.guests.devices(nitro)[1]!.uuid;
    lab.ec2('DetachVolume', { VolumeId: volumeId });
    lab.pass(VOLUME_TIMINGS.detachingMs);
    lab.ec2('AttachVolume', { VolumeId: volumeId, InstanceId: xen, Device: '/dev/sdh' });
    lab.pass(VOLUME_TIMINGS.attachingMs);
    expect(lab.engine.guests.devices(xen).map((d) => [d.name, d.partition, d.major, d.minor, d.uuid])).toEqual([
      ['xvda', 'xvda1', 202, 0, expect.any(String)],
      ['xvdh', undefined, 202, 112, uuid],
    ]);
  });

  it('is saved with the lab, exported with it, and gone with a terminated instance', () => {
    let lab = createTestLab();
    const id = running(lab);
    lab.engine.guests.setService(id, 'nginx', { running: true, enabled: true });
    lab = lab.reopen();
    expect(lab.engine.guests.view(id)?.running).toContain('nginx');
    const exported = JSON.parse(lab.lab('ExportLab', {}).content) as unknown;
    expect(JSON.stringify(exported)).toContain(`"${GUESTS.name}"`);
    const saved = () => lab.store.loadAll().some((r) => r.collection === GUESTS.name && r.id === id);
    expect(saved()).toBe(true);
    lab.ec2('TerminateInstances', { InstanceIds: [id] });
    lab.pass(TIMINGS.shuttingDownMs);
    lab.pass(1);
    expect(saved()).toBe(false);
  });
});
