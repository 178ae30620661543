/**
 * Key pairs of the selected region (DescribeKeyPairs), and the console's create, import and delete.
 * A 'key-pair' event describes the region's key pairs again: they are few, and a deleted one must
 * drop off. CreateKeyPair's private key is handed to the caller (to save as a file) and never kept
 * here: like AWS, the lab holds only the public key. EC2 User Guide: create-key-pairs.
 */
import { defineStore, storeToRefs } from 'pinia';
import { ref } from 'vue';
import type { KeyFormat, KeyPair, KeyPairInfo, KeyType, Tag, TagSpecification } from '@aws-sdk/client-ec2';
import { ec2 } from '../api/client';
import { toCliCommand } from '../../shared/cli-command';
import { registerLabData } from './engine-events';
import { useRegionStore } from './region';

export interface NewKeyPair {
  name: string;
  type: KeyType;
  format: KeyFormat;
  tags: Tag[];
}

/** What the console got back from CreateKeyPair: the private key, once, and the CLI command. */
export interface CreatedKeyPair {
  keyPair: KeyPair;
  cliCommand: string;
}

function tagSpecifications(tags: Tag[]): TagSpecification[] | undefined {
  return tags.length ? [{ ResourceType: 'key-pair', Tags: tags }] : undefined;
}

export const useKeyPairsStore = defineStore('key-pairs', () => {
  const { selected: region } = storeToRefs(useRegionStore());
  const keyPairs = ref<KeyPairInfo[]>([]);
  const loading = ref(false);

  async function load(): Promise<void> {
    const regionName = region.value;
    loading.value = true;
    try {
      const described = await ec2.DescribeKeyPairs(regionName, {});
      if (regionName === region.value) keyPairs.value = described.KeyPairs ?? [];
    } finally {
      loading.value = false;
    }
  }

  async function create(request: NewKeyPair): Promise<CreatedKeyPair> {
    const regionName = region.value;
    const input = {
      KeyName: request.name,
      KeyType: request.type,
      KeyFormat: request.format,
      TagSpecifications: tagSpecifications(request.tags),
    };
    const keyPair = await ec2.CreateKeyPair(regionName, input);
    await load();
    return { keyPair, cliCommand: toCliCommand('CreateKeyPair', input, regionName) };
  }

  /** ImportKeyPair with the public key's text (OpenSSH, PEM or RFC 4716), as the file holds it. */
  async function importKey(name: string, publicKey: string, tags: Tag[]): Promise<string> {
    const regionName = region.value;
    const input = {
      KeyName: name,
      PublicKeyMaterial: new TextEncoder().encode(publicKey),
      TagSpecifications: tagSpecifications(tags),
    };
    await ec2.ImportKeyPair(regionName, input);
    await load();
    return toCliCommand('ImportKeyPair', input, regionName);
  }

  async function remove(keyPairId: string): Promise<string> {
    const regionName = region.value;
    const input = { KeyPairId: keyPairId };
    await ec2.DeleteKeyPair(regionName, input);
    await load();
    return toCliCommand('DeleteKeyPair', input, regionName);
  }

  /** Describes the region's key pairs again after an event named some in the region shown. */
  function changed(regionName: string): void {
    if (regionName === region.value) load().catch(() => undefined);
  }

  return { keyPairs, loading, load, create, importKey, remove, changed };
});

registerLabData({
  storeId: useKeyPairsStore.$id,
  stage: 'data',
  regional: true,
  reload: () => useKeyPairsStore().load(),
  changed: { 'key-pair': (_ids, region) => useKeyPairsStore().changed(region) },
});
