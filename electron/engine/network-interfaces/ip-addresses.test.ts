/** Public IPv4 prefixes per region and the DNS names AWS derives from an address. */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../catalog/load-catalog';
import { IdGenerator, seededRandom } from '../ids';
import { PUBLIC_PREFIXES, allocatePublicIp, privateDnsName, publicDnsName } from './ip-addresses';

const regionNames = loadCatalog().regions.map((r) => r.RegionName);

describe('public IPv4 addresses', () => {
  it('has its own public prefixes for every region the lab serves, and none shared', () => {
    expect(Object.keys(PUBLIC_PREFIXES).sort()).toEqual([...regionNames].sort());
    const owners = new Map<string, string>();
    for (const [region, prefixes] of Object.entries(PUBLIC_PREFIXES)) {
      expect(prefixes.length, region).toBeGreaterThanOrEqual(2);
      for (const prefix of prefixes) {
        expect(prefix).toMatch(/^(\d{1,3})\.(\d{1,3})$/);
        expect(owners.get(prefix), `${prefix} in ${region}`).toBeUndefined();
        owners.set(prefix, region);
      }
    }
  });

  it('allocates an address from the region’s own prefixes, avoiding taken ones', () => {
    const ids = new IdGenerator(seededRandom(7));
    for (const region of ['us-west-1', 'eu-west-2', 'ap-southeast-2', 'me-central-1']) {
      const taken = new Set<string>();
      for (let i = 0; i < 50; i++) {
        const ip = allocatePublicIp(region, taken, ids);
        expect(
          PUBLIC_PREFIXES[region]!.some((p) => ip.startsWith(`${p}.`)),
          `${ip} in ${region}`,
        ).toBe(true);
        expect(taken.has(ip)).toBe(false);
        taken.add(ip);
      }
    }
  });
});

describe('DNS names', () => {
  it('keeps us-east-1’s own naming and names every other region after itself', () => {
    expect(publicDnsName('3.80.1.2', 'us-east-1')).toBe('ec2-3-80-1-2.compute-1.amazonaws.com');
    expect(privateDnsName('172.31.1.2', 'us-east-1')).toBe('ip-172-31-1-2.ec2.internal');
    expect(publicDnsName('13.54.1.2', 'ap-southeast-2')).toBe('ec2-13-54-1-2.ap-southeast-2.compute.amazonaws.com');
    expect(privateDnsName('172.31.1.2', 'eu-west-2')).toBe('ip-172-31-1-2.eu-west-2.compute.internal');
  });
});
