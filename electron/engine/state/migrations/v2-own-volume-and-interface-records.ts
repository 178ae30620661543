/**
 * Schema v1 → v2: an instance's root volume and primary network interface become records of their
 * own (collections `volumes` and `network-interfaces`), and the instance names them
 * (`blockDevices`, `networkInterfaceIds`) instead of embedding them. Used by the SQLite migration and
 * by the import of a lab file exported by a v1 lab, so both upgrade the same way.
 *
 * A live instance (any state but terminated) keeps its interface — MAC, private address, public
 * address — and its root volume attached, exactly as v1 showed them. A terminated instance's
 * interface is gone, as is its root volume unless it was kept (DeleteOnTermination false), which
 * is then an available volume.
 *
 * Written in erasable TypeScript with no runtime imports: the schema module loads it under plain Node.
 */

interface StoredRecordV1 {
  collection: string;
  id: string;
  data: unknown;
}

interface RootVolumeV1 {
  volumeId: string;
  deviceName: string;
  sizeGiB: number;
  volumeType: string;
  encrypted: boolean;
  deleteOnTermination: boolean;
  attachTime: number;
}

type InstanceV1 = Record<string, unknown> & {
  instanceId: string;
  region: string;
  ownerId: string;
  state: string;
  availabilityZone: string;
  vpcId: string;
  subnetId: string;
  networkInterfaceId: string;
  macAddress: string;
  privateIpAddress: string;
  publicIpAddress?: string;
  rootVolume: RootVolumeV1;
};

export function ownVolumeAndInterfaceRecords<R extends StoredRecordV1>(records: readonly R[]): StoredRecordV1[] {
  const out: StoredRecordV1[] = [];
  for (const record of records) {
    if (record.collection !== 'instances' || !isInstanceV1(record.data)) {
      out.push(record);
      continue;
    }
    const v1 = record.data;
    const live = v1.state !== 'terminated';
    const root = v1.rootVolume;
    const {
      networkInterfaceId: _eni,
      macAddress: _mac,
      privateIpAddress: _private,
      publicIpAddress: _public,
      rootVolume: _root,
      ...rest
    } = v1;
    out.push({
      ...record,
      data: {
        ...rest,
        networkInterfaceIds: [v1.networkInterfaceId],
        blockDevices: [{ deviceName: root.deviceName, volumeId: root.volumeId }],
      },
    });
    if (live) {
      out.push({
        collection: 'network-interfaces',
        id: v1.networkInterfaceId,
        data: {
          networkInterfaceId: v1.networkInterfaceId,
          region: v1.region,
          availabilityZone: v1.availabilityZone,
          vpcId: v1.vpcId,
          subnetId: v1.subnetId,
          ownerId: v1.ownerId,
          description: '',
          macAddress: v1.macAddress,
          privateIpAddress: v1.privateIpAddress,
          ...(v1.publicIpAddress ? { publicIp: v1.publicIpAddress } : {}),
          groups: [],
          sourceDestCheck: true,
          status: 'in-use',
          attachment: {
            attachmentId: `eni-attach-${v1.networkInterfaceId.slice(4)}`,
            instanceId: v1.instanceId,
            deviceIndex: 0,
            attachTime: root.attachTime,
            deleteOnTermination: true,
          },
          tags: [],
        },
      });
    }
    if (live || !root.deleteOnTermination) {
      out.push({
        collection: 'volumes',
        id: root.volumeId,
        data: {
          volumeId: root.volumeId,
          region: v1.region,
          availabilityZone: v1.availabilityZone,
          sizeGiB: root.sizeGiB,
          volumeType: root.volumeType,
          encrypted: root.encrypted,
          createTime: root.attachTime,
          state: live ? 'in-use' : 'available',
          ...(live
            ? {
                attachment: {
                  instanceId: v1.instanceId,
                  device: root.deviceName,
                  attachTime: root.attachTime,
                  deleteOnTermination: root.deleteOnTermination,
                },
              }
            : {}),
          tags: [],
        },
      });
    }
  }
  return out;
}

function isInstanceV1(data: unknown): data is InstanceV1 {
  if (typeof data !== 'object' || data === null) return false;
  const d = data as Record<string, unknown>;
  const root = d.rootVolume as Record<string, unknown> | undefined;
  return (
    typeof d.instanceId === 'string' &&
    typeof d.networkInterfaceId === 'string' &&
    typeof root === 'object' &&
    root !== null &&
    typeof root.volumeId === 'string' &&
    typeof root.deviceName === 'string'
  );
}
