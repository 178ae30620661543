/** The order the console lists instance types in: by family, then by size. */
/** t3.micro < t3.small < t3.medium < t3.large < t3.xlarge < t3.2xlarge, as the console lists sizes. */
const SIZE_ORDER = ['nano', 'micro', 'small', 'medium', 'large', 'xlarge'];

function sizeRank(size: string): number {
  const index = SIZE_ORDER.indexOf(size);
  if (index >= 0) return index;
  const multiple = /^(\d+)xlarge$/.exec(size);
  if (multiple) return SIZE_ORDER.length + Number(multiple[1]);
  return 1000; // metal and the like come last
}

export function compareTypes(a: string, b: string): number {
  const [familyA = '', sizeA = ''] = a.split('.');
  const [familyB = '', sizeB = ''] = b.split('.');
  if (familyA !== familyB) return familyA.localeCompare(familyB, 'en', { numeric: true });
  return sizeRank(sizeA) - sizeRank(sizeB) || sizeA.localeCompare(sizeB);
}
