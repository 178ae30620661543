/**
 * The learner's simulated laptop: its files (downloads now; the laptop terminal works on them
 * later). Its public IPv4 ("My IP") is a lab setting (lab/lab-settings.ts). No EC2 operations: the
 * console reaches it through the lab operations SaveLaptopDownload and DescribeLaptopFiles.
 */
import { checkFields, time } from '../import-checks';
import { defineFamily } from '../resource-family';
import { MAX_DOWNLOAD_BYTES } from './laptop-downloads';
import { LAPTOP_FILES, LAPTOP_HOME } from './laptop-file-record';

export const LAPTOP_FAMILY = defineFamily({
  name: 'laptop',
  collection: LAPTOP_FILES,
  importCheck: checkFields({
    path: (v) =>
      typeof v === 'string' && v.startsWith(`${LAPTOP_HOME}/`) && !v.split('/').includes('..') && v.length <= 4096,
    mode: (v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 0o7777,
    content: (v) => typeof v === 'string' && v.length <= MAX_DOWNLOAD_BYTES,
    modifiedAt: time,
  }),
  handlers: {},
});
