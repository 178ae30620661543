/**
 * EBS volume sizes by type, in GiB (EC2 User Guide: ebs-volume-types): gp2 and gp3 1–16,384,
 * io1 and io2 4–16,384, st1 and sc1 125–16,384, magnetic (standard) 1–1,024.
 */
export const VOLUME_SIZE_LIMITS_GIB: Readonly<Record<string, readonly [min: number, max: number]>> = {
  gp2: [1, 16384],
  gp3: [1, 16384],
  io1: [4, 16384],
  io2: [4, 16384],
  st1: [125, 16384],
  sc1: [125, 16384],
  standard: [1, 1024],
};

export const MAX_VOLUME_SIZE_GIB = 16384;

/**
 * Provisioned IOPS by type (EBS User Guide: ebs-volume-types, general-purpose and provisioned-iops):
 * the range, the most per GiB, and what a volume gets when the request names none.
 */
export const VOLUME_IOPS_LIMITS: Readonly<
  Record<string, { min: number; max: number; perGiB: number; required: boolean; default?: number }>
> = {
  gp3: { min: 3000, max: 16000, perGiB: 500, required: false, default: 3000 },
  io1: { min: 100, max: 64000, perGiB: 50, required: true },
  io2: { min: 100, max: 256000, perGiB: 1000, required: true },
};

/** gp2's baseline: 3 IOPS per GiB, at least 100, at most 16,000. */
export function gp2BaselineIops(sizeGiB: number): number {
  return Math.min(16000, Math.max(100, 3 * sizeGiB));
}

/** gp3 throughput in MiB/s: 125–1,000, default 125, at most 0.25 MiB/s per provisioned IOPS. */
export const GP3_THROUGHPUT = { min: 125, max: 1000, default: 125, perIops: 0.25 } as const;

export const VOLUME_TYPES = ['gp3', 'gp2', 'io1', 'io2', 'st1', 'sc1', 'standard'] as const;
