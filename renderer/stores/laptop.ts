/**
 * The learner's simulated laptop as the console knows it: the files the console downloaded onto it
 * (SaveLaptopDownload puts a private key in ~/Downloads with mode 0644, as a browser leaves it) and
 * what is there (DescribeLaptopFiles). The laptop terminal works on the same files.
 */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { LaptopFile } from '../../shared/lab-operations';
import { lab } from '../api/client';

export const useLaptopStore = defineStore('laptop', () => {
  const files = ref<LaptopFile[]>([]);
  const home = ref('/home/learner');

  async function load(): Promise<void> {
    const [laptop, described] = await Promise.all([lab.GetLaptop({}), lab.DescribeLaptopFiles({})]);
    home.value = laptop.HomeDirectory;
    files.value = described.Files;
  }

  /** The laptop's copy of a file the console just downloaded; answers where it landed. */
  async function saveDownload(fileName: string, content: string): Promise<LaptopFile> {
    const saved = await lab.SaveLaptopDownload({ FileName: fileName, Content: content });
    await load();
    return saved;
  }

  return { files, home, load, saveDownload };
});
