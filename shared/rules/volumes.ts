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
