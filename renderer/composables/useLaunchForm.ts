/**
 * The launch wizard's state, shared by its sections through provide/inject: the form, what the
 * catalog offers for it (images by OS and architecture, instance types by architecture and zone),
 * the VPCs and subnets to launch into (the default VPC preselected; auto-assign public IP following
 * the chosen subnet's MapPublicIpOnLaunch), the validation errors and the price.
 */
import { computed, inject, provide, reactive, ref, watch, type InjectionKey } from 'vue';
import { storeToRefs } from 'pinia';
import type { InstanceTypeInfo } from '@aws-sdk/client-ec2';
import type { QuickStartImage } from '../../shared/lab-operations';
import { useCatalogStore } from '../stores/catalog';
import { useVpcsStore } from '../stores/vpcs';
import { emptyLaunchForm, OS_ORDER, wholeNumber, type ImageArchitecture } from '../domain/launch/launch-form';
import { supportsArchitecture, validateLaunch } from '../domain/launch/launch-validation';

function createLaunchForm() {
  const catalog = useCatalogStore();
  const { quickStartImages, instanceTypes, offerings } = storeToRefs(catalog);
  const form = reactive(emptyLaunchForm());
  const { vpcs, subnets: allSubnets } = storeToRefs(useVpcsStore());

  const vpc = computed(() => vpcs.value.find((candidate) => candidate.VpcId === form.vpcId));
  /** The chosen VPC's subnets, by Availability Zone then CIDR. */
  const subnets = computed(() =>
    allSubnets.value
      .filter((subnet) => subnet.VpcId === form.vpcId)
      .sort(
        (a, b) =>
          (a.AvailabilityZone ?? '').localeCompare(b.AvailabilityZone ?? '') ||
          (a.CidrBlock ?? '').localeCompare(b.CidrBlock ?? '', undefined, { numeric: true }),
      ),
  );
  const subnet = computed(() => subnets.value.find((candidate) => candidate.SubnetId === form.subnetId));
  /** The zone the instance goes to, when the subnet decides it. */
  const availabilityZone = computed(() => subnet.value?.AvailabilityZone ?? '');

  const osList = computed(() => OS_ORDER.filter((os) => quickStartImages.value.some((image) => image.Os === os)));
  const architectures = computed(() => {
    const found = new Set(quickStartImages.value.filter((i) => i.Os === form.os).map((i) => i.Architecture));
    return (['x86_64', 'arm64', 'x86_64_mac', 'arm64_mac'] as ImageArchitecture[]).filter((arch) => found.has(arch));
  });
  const images = computed(() =>
    quickStartImages.value.filter((image) => image.Os === form.os && image.Architecture === form.architecture),
  );
  /** An AMI chosen outside the Quick Start list: the AMIs page's "Launch instance from AMI" (#/launch/ami-…). */
  const pinnedImage = ref<QuickStartImage | undefined>();
  const image = computed(() =>
    pinnedImage.value && pinnedImage.value.ImageId === form.imageId
      ? pinnedImage.value
      : quickStartImages.value.find((candidate) => candidate.ImageId === form.imageId),
  );

  /** Types that run the AMI's architecture and are offered in the region (or the chosen zone). */
  const eligibleTypes = computed<InstanceTypeInfo[]>(() => {
    const architecture = image.value?.Architecture;
    if (!architecture) return [];
    return instanceTypes.value.filter((info) => {
      const zones = offerings.value[info.InstanceType ?? ''] ?? [];
      const offered = availabilityZone.value ? zones.includes(availabilityZone.value) : zones.length > 0;
      return offered && supportsArchitecture(info, architecture);
    });
  });
  const listedTypes = computed(() => {
    const words = form.typeQuery.toLowerCase().split(/\s+/).filter(Boolean);
    return eligibleTypes.value.filter(
      (info) =>
        info.InstanceType === form.instanceType ||
        words.every((word) => (info.InstanceType ?? '').toLowerCase().includes(word)),
    );
  });
  const typeInfo = computed(() => eligibleTypes.value.find((info) => info.InstanceType === form.instanceType));
  const hibernationSupported = computed(() => !!typeInfo.value?.HibernationSupported);
  const pricePerHour = computed(() => catalog.priceOf(form.instanceType));
  const errors = computed(() =>
    validateLaunch(form, {
      image: image.value,
      typeInfo: typeInfo.value,
      subnetRequired: vpc.value !== undefined && !vpc.value.IsDefault,
    }),
  );
  /** The total for a valid number of instances only: never a price for -3 or 2.5 instances. */
  const totalPerHour = computed(() => {
    const count = wholeNumber(form.count);
    return pricePerHour.value === undefined || errors.value.count ? undefined : pricePerHour.value * count;
  });
  const valid = computed(() => Object.keys(errors.value).length === 0);

  // Defaults follow the choices above them, as in the console: OS → architecture → AMI → type.
  watch(
    osList,
    (list) => {
      if (!form.os || !list.includes(form.os)) form.os = list[0] ?? '';
    },
    { immediate: true },
  );
  watch(
    architectures,
    (list) => {
      if (!form.architecture || !list.includes(form.architecture)) form.architecture = list[0] ?? '';
    },
    { immediate: true },
  );
  watch(
    images,
    (list) => {
      if (pinnedImage.value && pinnedImage.value.ImageId === form.imageId) return;
      if (!list.some((candidate) => candidate.ImageId === form.imageId)) form.imageId = list[0]?.ImageId ?? '';
    },
    { immediate: true },
  );
  watch(
    image,
    (current) => {
      if (current) form.rootSize = current.RootVolumeSizeGiB;
    },
    { immediate: true },
  );
  watch(
    eligibleTypes,
    (list) => {
      if (list.some((info) => info.InstanceType === form.instanceType)) return;
      const preferred = list.find((info) => info.FreeTierEligible) ?? list[0];
      form.instanceType = preferred?.InstanceType ?? '';
    },
    { immediate: true },
  );
  // The default VPC until another is chosen; in another VPC its first subnet, as there is no
  // "No preference" outside the default VPC; the groups chosen belong to the VPC left behind.
  watch(
    vpcs,
    (list) => {
      if (!list.some((candidate) => candidate.VpcId === form.vpcId)) {
        form.vpcId = list.find((candidate) => candidate.IsDefault)?.VpcId ?? list[0]?.VpcId ?? '';
      }
    },
    { immediate: true },
  );
  watch(
    () => form.vpcId,
    () => {
      form.securityGroupIds = [];
    },
  );
  watch(
    [subnets, vpc],
    ([list, current]) => {
      if (list.some((candidate) => candidate.SubnetId === form.subnetId)) return;
      form.subnetId = current && !current.IsDefault ? (list[0]?.SubnetId ?? '') : '';
    },
    { immediate: true },
  );
  // "Auto-assign public IP" starts from the subnet's setting; "No preference" lands in a default
  // subnet, which maps public IPs (EC2 User Guide: using-instance-addressing).
  watch(
    [() => form.subnetId, () => subnet.value?.MapPublicIpOnLaunch],
    ([subnetId, maps]) => {
      form.autoAssignPublicIp = subnetId ? !!maps : true;
    },
    { immediate: true },
  );
  watch(hibernationSupported, (supported) => {
    if (!supported) form.hibernation = false;
  });
  // Hibernation saves RAM to the root volume, which must therefore be encrypted (EC2 User Guide:
  // hibernating-prerequisites).
  watch(
    () => form.hibernation,
    (enabled) => {
      if (enabled) form.rootEncrypted = true;
    },
  );

  return {
    form,
    vpcs,
    vpc,
    subnets,
    subnet,
    osList,
    architectures,
    images,
    image,
    pinnedImage,
    eligibleTypes,
    listedTypes,
    typeInfo,
    hibernationSupported,
    pricePerHour,
    totalPerHour,
    errors,
    valid,
  };
}

export type LaunchFormState = ReturnType<typeof createLaunchForm>;
const KEY: InjectionKey<LaunchFormState> = Symbol('launch-form');

export function provideLaunchForm(): LaunchFormState {
  const state = createLaunchForm();
  provide(KEY, state);
  return state;
}

export function useLaunchForm(): LaunchFormState {
  const state = inject(KEY);
  if (!state) throw new Error('useLaunchForm() needs provideLaunchForm() in an ancestor');
  return state;
}
