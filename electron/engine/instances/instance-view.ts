/**
 * Maps an engine record to AWS's `Instance` shape, as DescribeInstances and RunInstances return it,
 * with its network interfaces and block devices read from their own records. DescribeInstances keeps
 * each view (frozen) until the instance or a record it shows changes, so describing unchanged
 * instances builds nothing and the EC2 API door reuses their XML.
 */
import type {
  Instance,
  InstanceBlockDeviceMapping,
  InstanceNetworkInterface,
  InstanceState,
} from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { privateAddressesOf } from '../network-interfaces/addresses-in-use';
import { privateDnsName, publicDnsName } from '../network-interfaces/ip-addresses';
import { publicAssociation } from '../network-interfaces/public-addresses';
import { NETWORK_INTERFACES, type NetworkInterfaceRecord } from '../network-interfaces/network-interface-record';
import { ADDRESSES } from '../addresses/address-record';
import type { Repository } from '../state/repository';
import { VOLUMES } from '../volumes/volume-record';
import { INSTANCES, type InstanceRecord } from './instance-record';
import { STATE_CODES } from './lifecycle';

export function instanceState(record: InstanceRecord): InstanceState {
  return { Code: STATE_CODES[record.state], Name: record.state };
}

/** The instance's primary network interface (device index 0), while it has one. */
export function primaryInterface(ctx: EngineContext, record: InstanceRecord): NetworkInterfaceRecord | undefined {
  const id = record.networkInterfaceIds[0];
  return id === undefined ? undefined : ctx.records(NETWORK_INTERFACES).get(id);
}

/** The public IPv4 address an instance shows through its primary interface, and its DNS name ('' for none). */
export function publicAddressOf(
  primary: NetworkInterfaceRecord | undefined,
  region: string,
): { publicIp?: string; publicDns: string } {
  const publicIp = primary?.publicIp;
  return { publicIp, publicDns: publicIp ? publicDnsName(publicIp, region) : '' };
}

/** Parts of a view made from other records than the instance's own: a new view may take them from the last one. */
type LinkedParts = Pick<Instance, 'BlockDeviceMappings' | 'SecurityGroups' | 'NetworkInterfaces'>;

/**
 * The instance's view; `linked` gives the parts made from its interfaces, volumes and the region's
 * Elastic IPs when those are known not to have changed since they were made (describedInstance).
 */
export function toInstance(ctx: EngineContext, record: InstanceRecord, linked?: LinkedParts): Instance {
  const terminated = record.state === 'terminated';
  const primary = terminated ? undefined : primaryInterface(ctx, record);
  const privateIp = primary?.privateIpAddress;
  const privateDns = privateIp ? privateDnsName(privateIp, record.region) : '';
  const { publicIp, publicDns } = publicAddressOf(primary, record.region);
  const instance: Instance = {
    InstanceId: record.instanceId,
    ImageId: record.imageId,
    State: instanceState(record),
    PrivateDnsName: privateDns,
    PublicDnsName: publicDns,
    StateTransitionReason: record.stateTransitionReason,
    KeyName: record.keyName,
    AmiLaunchIndex: record.amiLaunchIndex,
    ProductCodes: [],
    InstanceType: record.instanceType as Instance['InstanceType'],
    LaunchTime: new Date(record.launchTime),
    Placement: { AvailabilityZone: record.availabilityZone, GroupName: '', Tenancy: 'default' },
    Monitoring: { State: 'disabled' },
    SubnetId: terminated ? undefined : record.subnetId,
    VpcId: terminated ? undefined : record.vpcId,
    PrivateIpAddress: privateIp,
    PublicIpAddress: publicIp,
    StateReason: record.stateReason,
    Architecture: record.architecture as Instance['Architecture'],
    RootDeviceType: 'ebs',
    RootDeviceName: record.rootDeviceName,
    BlockDeviceMappings: linked ? linked.BlockDeviceMappings : terminated ? [] : blockDeviceMappings(ctx, record),
    VirtualizationType: 'hvm',
    ClientToken: record.clientToken ?? '',
    Tags: record.tags.length ? record.tags.map((t) => ({ ...t })) : undefined,
    SecurityGroups: linked
      ? linked.SecurityGroups
      : (primary?.groups ?? []).map((g) => ({ GroupId: g.groupId, GroupName: g.groupName })),
    SourceDestCheck: primary?.sourceDestCheck ?? true,
    Hypervisor: 'xen',
    NetworkInterfaces: linked ? linked.NetworkInterfaces : terminated ? [] : networkInterfaces(ctx, record),
    EbsOptimized: record.ebsOptimized,
    EnaSupport: true,
    CpuOptions: undefined,
    HibernationOptions: { Configured: record.hibernationConfigured },
    MetadataOptions: {
      State: 'applied',
      HttpTokens: record.httpTokens ?? 'required',
      HttpPutResponseHopLimit: 2,
      HttpEndpoint: 'enabled',
      HttpProtocolIpv6: 'disabled',
      InstanceMetadataTags: 'disabled',
    },
    EnclaveOptions: { Enabled: false },
    PlatformDetails: record.platformDetails,
    UsageOperation: record.usageOperation,
    UsageOperationUpdateTime: new Date(record.launchTime),
    // EC2 answers the lowercase 'windows' on the wire; the SDK's type spells it 'Windows'.
    Platform: record.platform as Instance['Platform'],
    PrivateDnsNameOptions: {
      HostnameType: 'ip-name',
      EnableResourceNameDnsARecord: false,
      EnableResourceNameDnsAAAARecord: false,
    },
    MaintenanceOptions: { AutoRecovery: 'default' },
    CurrentInstanceBootMode: 'legacy-bios',
  };
  return instance;
}

/** At most this many views are kept (about 4 KB each), the oldest made going first. */
const MAX_KEPT_VIEWS = 5_000;
const keptViews = new WeakMap<
  Repository<InstanceRecord>,
  Map<string, { stamp: string; linked: string; instance: Instance; checkedAt: number }>
>();

/**
 * The instance as DescribeInstances answers it: the kept view while the instance, its interfaces, its
 * volumes and the region's Elastic IPs are unchanged, else a new one (kept, frozen). When only the
 * instance's own record changed (a tag, its state), the new view takes its interfaces, block devices
 * and groups from the last one, so their XML is reused too. A command that has changed something
 * already gets a view of its own, never kept: its records may change again.
 */
export function describedInstance(ctx: EngineContext, record: InstanceRecord): Instance {
  const instances = ctx.records(INSTANCES);
  if (instances.commandHasChanges()) return toInstance(ctx, record);
  let kept = keptViews.get(instances);
  if (!kept) keptViews.set(instances, (kept = new Map()));
  const found = kept.get(record.instanceId);
  // Revisions only grow: while none of the four collections changed, no view kept can be stale.
  const checkedAt = Math.max(
    instances.revision,
    ctx.records(NETWORK_INTERFACES).revision,
    ctx.records(VOLUMES).revision,
    ctx.records(ADDRESSES).revision,
  );
  if (found?.checkedAt === checkedAt) return found.instance;
  const linked = linkedStampOf(ctx, record);
  const stamp = `${instances.revisionOf(record.instanceId)}/${linked}`;
  if (found?.stamp === stamp) {
    found.checkedAt = checkedAt;
    return found.instance;
  }
  // A terminated instance shows none of them whatever its records say: never carried across that line.
  const reusable =
    found?.linked === linked && (found.instance.State?.Name === 'terminated') === (record.state === 'terminated');
  const instance = deepFreeze(toInstance(ctx, record, reusable ? found.instance : undefined));
  kept.delete(record.instanceId);
  kept.set(record.instanceId, { stamp, linked, instance, checkedAt });
  if (kept.size > MAX_KEPT_VIEWS) kept.delete(kept.keys().next().value!);
  return instance;
}

/** The revisions of every record the view shows besides the instance's own, by id. */
function linkedStampOf(ctx: EngineContext, record: InstanceRecord): string {
  const interfaces = ctx.records(NETWORK_INTERFACES);
  const volumes = ctx.records(VOLUMES);
  let stamp = String(ctx.records(ADDRESSES).revision);
  for (const id of record.networkInterfaceIds) stamp += `/${id}:${interfaces.revisionOf(id)}`;
  for (const device of record.blockDevices)
    stamp += `/${device.deviceName}=${device.volumeId}:${volumes.revisionOf(device.volumeId)}`;
  return stamp;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
}

function blockDeviceMappings(ctx: EngineContext, record: InstanceRecord): InstanceBlockDeviceMapping[] {
  const volumes = ctx.records(VOLUMES);
  return record.blockDevices.flatMap(({ deviceName, volumeId }) => {
    const attachment = volumes.get(volumeId)?.attachment;
    if (!attachment) return [];
    return [
      {
        DeviceName: deviceName,
        Ebs: {
          AttachTime: new Date(attachment.attachTime),
          DeleteOnTermination: attachment.deleteOnTermination,
          Status: attachment.state ?? 'attached',
          VolumeId: volumeId,
        },
      },
    ];
  });
}

function networkInterfaces(ctx: EngineContext, record: InstanceRecord): InstanceNetworkInterface[] {
  const enis = ctx.records(NETWORK_INTERFACES);
  return record.networkInterfaceIds.flatMap((id) => {
    const eni = enis.get(id);
    if (!eni?.attachment) return [];
    const association = (privateIp: string) => {
      const found = publicAssociation(ctx, eni, privateIp);
      return found && { IpOwnerId: found.ipOwnerId, PublicDnsName: found.publicDnsName, PublicIp: found.publicIp };
    };
    return [
      {
        Attachment: {
          AttachTime: new Date(eni.attachment.attachTime),
          AttachmentId: eni.attachment.attachmentId,
          DeleteOnTermination: eni.attachment.deleteOnTermination,
          DeviceIndex: eni.attachment.deviceIndex,
          Status: 'attached',
          NetworkCardIndex: 0,
        },
        Description: eni.description,
        Groups: eni.groups.map((g) => ({ GroupId: g.groupId, GroupName: g.groupName })),
        Ipv6Addresses: [],
        MacAddress: eni.macAddress,
        NetworkInterfaceId: eni.networkInterfaceId,
        OwnerId: eni.ownerId,
        PrivateDnsName: privateDnsName(eni.privateIpAddress, eni.region),
        PrivateIpAddress: eni.privateIpAddress,
        PrivateIpAddresses: privateAddressesOf(eni).map((address, index) => ({
          Primary: index === 0,
          PrivateDnsName: privateDnsName(address, eni.region),
          PrivateIpAddress: address,
          Association: association(address),
        })),
        Association: association(eni.privateIpAddress),
        SourceDestCheck: eni.sourceDestCheck,
        Status: eni.status,
        SubnetId: eni.subnetId,
        VpcId: eni.vpcId,
        InterfaceType: 'interface',
      },
    ];
  });
}
