/** The console's region names: one in English and one in Korean for every region the lab serves. */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../../electron/engine/catalog/load-catalog';
import { regionNamesEn } from './en';
import { regionNamesKo } from './ko';

const regions = loadCatalog().regions;

describe('region names', () => {
  it('names every lab region, and only those, in both languages', () => {
    const served = regions.map((r) => r.RegionName).sort();
    expect(Object.keys(regionNamesEn).sort()).toEqual(served);
    expect(Object.keys(regionNamesKo).sort()).toEqual(served);
    expect(served).toHaveLength(30);
  });

  it('uses AWS’s English long name, as DescribeAvailabilityZones’ zone groups do', () => {
    for (const region of regions) {
      expect(regionNamesEn[region.RegionName as keyof typeof regionNamesEn], region.RegionName).toBe(region.LongName);
    }
  });

  it('uses the Korean console’s names: an area, then the place in parentheses', () => {
    expect(regionNamesKo['us-east-1']).toBe('미국 동부(버지니아 북부)');
    expect(regionNamesKo['us-west-1']).toBe('미국 서부(캘리포니아 북부)');
    expect(regionNamesKo['ap-northeast-2']).toBe('아시아 태평양(서울)');
    expect(regionNamesKo['eu-west-2']).toBe('유럽(런던)');
    expect(regionNamesKo['ap-southeast-2']).toBe('아시아 태평양(시드니)');
    for (const [code, name] of Object.entries(regionNamesKo)) {
      expect(name, code).toMatch(/^[가-힣 ]+\([가-힣A-Z ]+\)$/);
    }
    expect(new Set(Object.values(regionNamesKo)).size).toBe(30);
  });
});
