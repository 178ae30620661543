/**
 * RunInstances: validates a launch request the way EC2 does and creates the instances in
 * `pending`. EC2 API Reference: API_RunInstances; EC2 User Guide: hibernating-prerequisites.
 */
import {
  MAX_HIBERNATION_RAM_MIB,
  MAX_USER_DATA_BYTES,
  hibernationRootMinimumGiB,
  needsDedicatedHost,
} from '../../../shared/rules/instances';
import type { InstanceTypeInfo, Reservation, RunInstancesRequest } from '@aws-sdk/client-ec2';
import type { CatalogImage } from '../catalog/catalog';
import { findLaunchImage } from '../images/launch-image';
import type { EngineContext } from '../context';
import { errors } from '../errors';
import { KEY_PAIRS, keyPairNamed } from '../key-pairs/key-pair-record';
import { addressesUsedIn, takenAddresses, usableAddresses } from '../network-interfaces/addresses-in-use';
import { createPrimaryInterface } from '../network-interfaces/primary-interface';
import { privateDnsName } from '../network-interfaces/ip-addresses';
import { INSTANCES, type InstanceRecord, type Tag } from './instance-record';
import { TIMINGS } from './lifecycle';
import { checkClientToken, instancesLaunchedWith, requestFingerprint } from './client-token';
import { launchNetwork } from './launch-network';
import { checkRunInstancesMembers } from './run-instances-members';
import { createInstanceStore, createLaunchVolumes, planLaunchVolumes } from './launch-volumes';
import { toInstance } from './instance-view';
import { validateTags } from '../tags/tag-rules';
import { applyLaunchTemplate } from '../launch-templates/apply-launch-template';

/** The console's default for a free-tier launch; AWS's API default (m1.small) is not in the lab catalog. */
const DEFAULT_INSTANCE_TYPE = 't2.micro';
/** Per request, to keep the lab responsive; AWS's real cap is the account's vCPU quota. */
const MAX_COUNT_PER_REQUEST = 1000;

export function runInstances(ctx: EngineContext, region: string, asked: RunInstancesRequest): Reservation {
  // A repeated request (same client token) answers the first launch, whatever changed since.
  const fingerprint = asked.ClientToken ? requestFingerprint(asked) : undefined;
  if (asked.ClientToken) {
    checkClientToken(asked.ClientToken);
    const existing = instancesLaunchedWith(ctx.records(INSTANCES), region, asked.ClientToken);
    if (existing.length) {
      const launchedBy = existing[0]!.clientRequest;
      if (launchedBy !== undefined && launchedBy !== fingerprint) throw errors.idempotentParameterMismatch();
      return reservationOf(ctx, existing);
    }
  }
  const { request, instanceTags } = applyLaunchTemplate(ctx, region, asked);
  const minCount = requireCount(request.MinCount, 'MinCount');
  const maxCount = requireCount(request.MaxCount, 'MaxCount');
  if (minCount > maxCount) {
    throw errors.invalidParameterValue(
      `Value (${minCount}) for parameter minCount is invalid. Expected a value less than or equal to maxCount (${maxCount}).`,
    );
  }
  if (maxCount > MAX_COUNT_PER_REQUEST) {
    throw errors.instanceLimitExceeded(maxCount, MAX_COUNT_PER_REQUEST);
  }

  const image = findLaunchImage(ctx, region, request.ImageId);
  checkRunInstancesMembers(request);
  const typeName = request.InstanceType ?? DEFAULT_INSTANCE_TYPE;
  const type = ctx.catalog.instanceTypes.find((t) => t.InstanceType === typeName);
  if (!type) throw errors.invalidInstanceType(typeName);
  checkArchitecture(type, image);
  if (needsDedicatedHost(typeName)) throw errors.dedicatedHostRequired(typeName);
  if (request.KeyName !== undefined && !keyPairNamed(ctx.records(KEY_PAIRS).inRegion(region), request.KeyName)) {
    throw errors.keyPairNotFound(request.KeyName);
  }
  const shutdownBehavior = request.InstanceInitiatedShutdownBehavior ?? 'stop';
  if (shutdownBehavior !== 'stop' && shutdownBehavior !== 'terminate') {
    throw errors.invalidParameterValue(
      `Value (${String(shutdownBehavior)}) for parameter instanceInitiatedShutdownBehavior is invalid. Expected: 'stop', 'terminate'.`,
    );
  }
  const userData = validateUserData(request.UserData);
  const volumes = planLaunchVolumes(ctx, region, request, image);
  const root = volumes.find((v) => v.root)!;
  const hibernation = request.HibernationOptions?.Configured === true;
  if (hibernation) checkHibernation(type, image, { sizeGiB: root.spec.sizeGiB, encrypted: root.encrypted });
  const tags = tagsFor(request, 'instance');
  const volumeTags = tagsFor(request, 'volume');
  const interfaceTags = tagsFor(request, 'network-interface');
  const network = launchNetwork(ctx, region, request, typeName, maxCount);
  const { subnet } = network;
  // As many as the subnet has addresses for, between MinCount and MaxCount (API_RunInstances).
  const free = usableAddresses(subnet.cidrBlock) - addressesUsedIn(ctx, subnet.subnetId);
  if (free < minCount) throw errors.insufficientFreeAddresses(subnet.subnetId);
  const count = Math.min(maxCount, free);

  const now = ctx.clock.now();
  const reservationId = ctx.ids.next('r');
  const taken = takenAddresses(ctx, region);
  const records: InstanceRecord[] = [];
  for (let index = 0; index < count; index++) {
    const instanceId = ctx.ids.next('i');
    const eni = createPrimaryInterface(
      ctx,
      {
        instanceId,
        subnet,
        privateIpAddress: network.privateIpAddress,
        assignPublicIp: network.assignPublicIp,
        deleteOnTermination: network.deleteOnTermination,
        description: network.description,
        groups: network.groups,
        tags: interfaceTags,
        at: now,
      },
      taken,
    );
    const rootDeviceName = image.image.RootDeviceName ?? '/dev/xvda';
    const blockDevices = createLaunchVolumes(ctx, volumes, {
      instanceId,
      region,
      availabilityZone: subnet.availabilityZone,
      image,
      hostname: privateDnsName(eni.privateIpAddress, region),
      tags: volumeTags,
      at: now,
    });
    const record: InstanceRecord = {
      instanceId,
      reservationId,
      region,
      ownerId: ctx.accountId(),
      amiLaunchIndex: index,
      imageId: image.image.ImageId!,
      instanceType: typeName,
      architecture: image.image.Architecture ?? 'x86_64',
      platform: (image.image.Platform as string | undefined) === 'windows' ? 'windows' : undefined,
      platformDetails: image.image.PlatformDetails ?? 'Linux/UNIX',
      usageOperation: image.image.UsageOperation ?? 'RunInstances',
      availabilityZone: subnet.availabilityZone,
      vpcId: subnet.vpcId,
      subnetId: subnet.subnetId,
      networkInterfaceIds: [eni.networkInterfaceId],
      assignPublicIp: network.assignPublicIp,
      keyName: request.KeyName,
      state: 'pending',
      launchTime: now,
      transitionDueAt: now + TIMINGS.pendingMs,
      hasRun: false,
      lastAction: { action: 'launch', at: now },
      stateTransitionReason: '',
      shutdownBehavior,
      disableApiTermination: request.DisableApiTermination === true,
      disableApiStop: request.DisableApiStop === true,
      hibernationConfigured: hibernation,
      hibernated: false,
      userData,
      // An AMI registered with ImdsSupport v2.0 (Amazon Linux 2023) launches instances that require IMDSv2.
      httpTokens: image.image.ImdsSupport === 'v2.0' ? 'required' : 'optional',
      rootDeviceName,
      blockDevices,
      instanceStore: createInstanceStore(ctx, type, instanceId, region),
      ebsOptimized: request.EbsOptimized ?? type.EbsInfo?.EbsOptimizedSupport === 'default',
      clientToken: request.ClientToken,
      clientRequest: fingerprint,
      tags: [...tags, ...instanceTags].map((t) => ({ ...t })),
    };
    records.push(ctx.records(INSTANCES).put(instanceId, record));
    ctx.changed(region, 'instance', instanceId);
  }
  return reservationOf(ctx, records);
}

export function reservationOf(ctx: EngineContext, records: readonly InstanceRecord[]): Reservation {
  const first = records[0]!;
  return {
    ReservationId: first.reservationId,
    OwnerId: first.ownerId,
    Groups: [],
    // RunInstances answers a new instance's StateReason as pending (EC2 API Reference:
    // API_RunInstances, example response); DescribeInstances does not.
    Instances: records.map((record) => {
      const instance = toInstance(ctx, record);
      return record.state === 'pending'
        ? { ...instance, StateReason: { Code: 'pending', Message: 'pending' } }
        : instance;
    }),
  };
}

function requireCount(value: number | undefined, name: 'MinCount' | 'MaxCount'): number {
  if (value === undefined || value === null) throw errors.missingParameter(name);
  if (!Number.isInteger(value) || value < 1) {
    throw errors.invalidParameterValue(
      `Value (${value}) for parameter ${name === 'MinCount' ? 'minCount' : 'maxCount'} is invalid. Expected a positive integer.`,
    );
  }
  return value;
}

function checkArchitecture(type: InstanceTypeInfo, image: CatalogImage): void {
  const imageArch = image.image.Architecture ?? 'x86_64';
  const typeArchs = (type.ProcessorInfo?.SupportedArchitectures ?? []) as string[];
  if (typeArchs.includes(imageArch)) return;
  throw errors.invalidParameterValue(
    `The architecture '${typeArchs[0] ?? 'unknown'}' of the specified instance type does not match the architecture '${imageArch}' of the specified AMI. Specify an instance type and an AMI that have matching architectures, and try again. You can use 'describe-instance-types' or 'describe-images' to discover the architecture of the instance type or AMI.`,
  );
}

function validateUserData(userData: string | undefined): string | undefined {
  if (userData === undefined || userData === '') return undefined;
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(userData) || userData.length % 4 !== 0) {
    throw errors.invalidParameterValue('Invalid BASE64 encoding of user data.');
  }
  if ((userData.length / 4) * 3 > MAX_USER_DATA_BYTES + 2) {
    throw errors.invalidParameterValue(`User data is limited to ${MAX_USER_DATA_BYTES} bytes.`);
  }
  return userData;
}

/** EC2 User Guide: hibernating-prerequisites — supported type, encrypted EBS root large enough for RAM, RAM ≤ 150 GiB. */
function checkHibernation(
  type: InstanceTypeInfo,
  image: CatalogImage,
  root: { sizeGiB: number; encrypted: boolean },
): void {
  const name = type.InstanceType!;
  const memoryMiB = type.MemoryInfo?.SizeInMiB ?? 0;
  if (!type.HibernationSupported || memoryMiB > MAX_HIBERNATION_RAM_MIB) {
    throw errors.unsupportedHibernation(`Hibernation is not supported for the instance type '${name}'.`);
  }
  if (image.quickStart.Os === 'macos') {
    throw errors.unsupportedHibernation(`Hibernation is not supported for the AMI '${image.image.ImageId}'.`);
  }
  if (!root.encrypted) {
    throw errors.unsupportedHibernation(
      'For hibernation, the root volume must be encrypted. Set Encrypted to true for the root device and try again.',
    );
  }
  const needed = hibernationRootMinimumGiB(image.quickStart.RootVolumeSizeGiB, memoryMiB);
  if (root.sizeGiB < needed) {
    throw errors.unsupportedHibernation(
      `For hibernation, the root volume must be large enough to store the instance memory: at least ${needed} GiB for '${name}'.`,
    );
  }
}

/** The resource types RunInstances can tag at launch, as the lab makes them (API_TagSpecification). */
const LAUNCH_TAG_TYPES = ['instance', 'volume', 'network-interface'] as const;
type LaunchTagType = (typeof LAUNCH_TAG_TYPES)[number];

function tagsFor(request: RunInstancesRequest, resourceType: LaunchTagType): Tag[] {
  const tags: Tag[] = [];
  for (const spec of request.TagSpecifications ?? []) {
    if (!LAUNCH_TAG_TYPES.includes(spec.ResourceType as LaunchTagType)) {
      throw errors.invalidParameterValue(
        `'${String(spec.ResourceType)}' is not a valid taggable resource type for this operation.`,
      );
    }
    if (spec.ResourceType !== resourceType) continue;
    for (const tag of spec.Tags ?? []) tags.push({ Key: tag.Key ?? '', Value: tag.Value ?? '' });
  }
  validateTags(tags);
  return tags;
}
