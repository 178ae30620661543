/**
 * The AMIs of the selected region as DescribeImages lists them (AWS's, the Marketplace's and the
 * learner's own), and the console's AMI actions: create from an instance, register from a
 * snapshot, deregister, copy to another region, and what the launch wizard needs to launch one.
 * An 'image' event describes them again (a new AMI goes pending → available on the clock).
 * EC2 User Guide: AMIs, creating-an-ami-ebs, CopyingAMIs, deregister-ami.
 */
import { defineStore, storeToRefs } from 'pinia';
import { ref } from 'vue';
import type { Image, RegisterImageRequest } from '@aws-sdk/client-ec2';
import type { QuickStartImage } from '../../shared/lab-operations';
import { toCliCommand } from '../../shared/cli-command';
import { ec2, lab } from '../api/client';
import { collectPages } from '../domain/pages';
import { registerLabData } from './engine-events';
import { useRegionStore } from './region';

export interface CreateImageForm {
  instanceId: string;
  name: string;
  description: string;
  reboot: boolean;
}

export const useImagesStore = defineStore('images', () => {
  const { selected: region } = storeToRefs(useRegionStore());
  const images = ref<Image[]>([]);
  const loading = ref(false);

  async function load(): Promise<void> {
    const regionName = region.value;
    loading.value = true;
    try {
      const pages = await collectPages((NextToken) => ec2.DescribeImages(regionName, { NextToken }));
      if (regionName === region.value) images.value = pages.flatMap((page) => page.Images ?? []);
    } finally {
      loading.value = false;
    }
  }

  /** CreateImage; answers the new AMI's id and its CLI command. */
  async function createFromInstance(form: CreateImageForm): Promise<{ imageId: string; command: string }> {
    const regionName = region.value;
    const input = {
      InstanceId: form.instanceId,
      Name: form.name,
      ...(form.description ? { Description: form.description } : {}),
      ...(form.reboot ? {} : { NoReboot: true }),
    };
    const { ImageId } = await ec2.CreateImage(regionName, input);
    await load();
    return { imageId: ImageId ?? '', command: toCliCommand('CreateImage', input, regionName) };
  }

  /** RegisterImage with the snapshot as the root volume. */
  async function registerFromSnapshot(input: RegisterImageRequest): Promise<{ imageId: string; command: string }> {
    const regionName = region.value;
    const { ImageId } = await ec2.RegisterImage(regionName, input);
    await load();
    return { imageId: ImageId ?? '', command: toCliCommand('RegisterImage', input, regionName) };
  }

  async function deregister(imageId: string, deleteSnapshots: boolean): Promise<string> {
    const regionName = region.value;
    const input = deleteSnapshots ? { ImageId: imageId, DeleteAssociatedSnapshots: true } : { ImageId: imageId };
    await ec2.DeregisterImage(regionName, input);
    await load();
    return toCliCommand('DeregisterImage', input, regionName);
  }

  /** CopyImage is sent to the destination region, naming the source region. */
  async function copy(
    imageId: string,
    destination: string,
    name: string,
    description: string,
  ): Promise<{ imageId: string; command: string }> {
    const input = {
      SourceImageId: imageId,
      SourceRegion: region.value,
      Name: name,
      ...(description ? { Description: description } : {}),
    };
    const { ImageId } = await ec2.CopyImage(destination, input);
    return { imageId: ImageId ?? '', command: toCliCommand('CopyImage', input, destination) };
  }

  /** What the launch wizard needs of any AMI of the region (login user, root device, seller). */
  async function launchInfo(imageId: string): Promise<QuickStartImage> {
    return (await lab.DescribeLaunchImage({ Region: region.value, ImageId: imageId })).Image;
  }

  function changed(regionName: string): void {
    if (regionName === region.value) load().catch(() => undefined);
  }

  return { images, loading, load, createFromInstance, registerFromSnapshot, deregister, copy, launchInfo, changed };
});

registerLabData({
  storeId: useImagesStore.$id,
  stage: 'data',
  regional: true,
  reload: () => useImagesStore().load(),
  changed: { image: (_ids, region) => useImagesStore().changed(region) },
});
