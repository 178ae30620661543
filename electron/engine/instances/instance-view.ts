/** Maps an engine record to AWS's `Instance` shape, as DescribeInstances and RunInstances return it. */
import type { Instance, InstanceState } from '@aws-sdk/client-ec2';
import { privateDnsName, publicDnsName } from '../network/ip-addresses';
import type { InstanceRecord } from './instance-record';
import { STATE_CODES } from './lifecycle';

export function instanceState(record: InstanceRecord): InstanceState {
  return { Code: STATE_CODES[record.state], Name: record.state };
}

export function toInstance(record: InstanceRecord): Instance {
  const terminated = record.state === 'terminated';
  const privateDns = terminated ? '' : privateDnsName(record.privateIpAddress, record.region);
  const publicDns = record.publicIpAddress ? publicDnsName(record.publicIpAddress, record.region) : '';
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
    PrivateIpAddress: terminated ? undefined : record.privateIpAddress,
    PublicIpAddress: record.publicIpAddress,
    StateReason: record.stateReason,
    Architecture: record.architecture as Instance['Architecture'],
    RootDeviceType: 'ebs',
    RootDeviceName: record.rootDeviceName,
    BlockDeviceMappings: terminated
      ? []
      : [
          {
            DeviceName: record.rootVolume.deviceName,
            Ebs: {
              AttachTime: new Date(record.rootVolume.attachTime),
              DeleteOnTermination: record.rootVolume.deleteOnTermination,
              Status: 'attached',
              VolumeId: record.rootVolume.volumeId,
            },
          },
        ],
    VirtualizationType: 'hvm',
    ClientToken: record.clientToken ?? '',
    Tags: record.tags.length ? record.tags.map((t) => ({ ...t })) : undefined,
    SecurityGroups: [],
    SourceDestCheck: true,
    Hypervisor: 'xen',
    NetworkInterfaces: terminated
      ? []
      : [
          {
            Attachment: {
              AttachTime: new Date(record.rootVolume.attachTime),
              AttachmentId: `eni-attach-${record.networkInterfaceId.slice(4)}`,
              DeleteOnTermination: true,
              DeviceIndex: 0,
              Status: 'attached',
              NetworkCardIndex: 0,
            },
            Description: '',
            Groups: [],
            Ipv6Addresses: [],
            MacAddress: record.macAddress,
            NetworkInterfaceId: record.networkInterfaceId,
            OwnerId: record.ownerId,
            PrivateDnsName: privateDns,
            PrivateIpAddress: record.privateIpAddress,
            PrivateIpAddresses: [
              {
                Primary: true,
                PrivateDnsName: privateDns,
                PrivateIpAddress: record.privateIpAddress,
                Association: record.publicIpAddress
                  ? { IpOwnerId: 'amazon', PublicDnsName: publicDns, PublicIp: record.publicIpAddress }
                  : undefined,
              },
            ],
            Association: record.publicIpAddress
              ? { IpOwnerId: 'amazon', PublicDnsName: publicDns, PublicIp: record.publicIpAddress }
              : undefined,
            SourceDestCheck: true,
            Status: 'in-use',
            SubnetId: record.subnetId,
            VpcId: record.vpcId,
            InterfaceType: 'interface',
          },
        ],
    EbsOptimized: record.ebsOptimized,
    EnaSupport: true,
    CpuOptions: undefined,
    HibernationOptions: { Configured: record.hibernationConfigured },
    MetadataOptions: {
      State: 'applied',
      HttpTokens: 'required',
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
