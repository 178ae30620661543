/** Maps an AMI the learner made to AWS's `Image` shape (EC2 API Reference: Image). */
import type { Image } from '@aws-sdk/client-ec2';
import type { ImageRecord } from './image-record';

export function toImage(record: ImageRecord): Image {
  return {
    ImageId: record.imageId,
    ImageLocation: `${record.ownerId}/${record.name}`,
    ImageType: 'machine',
    Public: false,
    OwnerId: record.ownerId,
    Name: record.name,
    Description: record.description,
    Architecture: record.architecture as Image['Architecture'],
    CreationDate: new Date(record.creationTime).toISOString(),
    PlatformDetails: record.platformDetails,
    UsageOperation: record.usageOperation,
    // EC2 answers the lowercase 'windows' on the wire; the SDK's type spells it 'Windows'.
    Platform: record.platform as Image['Platform'],
    RootDeviceName: record.rootDeviceName,
    RootDeviceType: 'ebs',
    BlockDeviceMappings: record.blockDevices.map((device) =>
      device.ebs
        ? {
            DeviceName: device.deviceName,
            Ebs: {
              SnapshotId: device.ebs.snapshotId,
              VolumeSize: device.ebs.sizeGiB,
              VolumeType: device.ebs.volumeType as 'gp3',
              Iops: device.ebs.iops,
              Throughput: device.ebs.throughput,
              DeleteOnTermination: device.ebs.deleteOnTermination,
              Encrypted: device.ebs.encrypted,
            },
          }
        : { DeviceName: device.deviceName, VirtualName: device.virtualName },
    ),
    VirtualizationType: 'hvm',
    Hypervisor: 'xen',
    EnaSupport: true,
    SourceInstanceId: record.sourceInstanceId,
    State: record.state,
    Tags: record.tags.length ? record.tags.map((t) => ({ ...t })) : undefined,
  };
}
