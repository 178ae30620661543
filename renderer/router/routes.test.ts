// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { hrefTo, parseHash } from '../composables/useRoute';
import { HOME_ROUTE, NAV_GROUPS, ROUTES, navCurrentOf, navLinks, type RouteName } from './routes';

describe('route table', () => {
  it('parses every page of the table from its hash, with its parameter', () => {
    for (const name of Object.keys(ROUTES) as RouteName[]) {
      expect(parseHash(hrefTo(name))).toEqual({ name });
      expect(parseHash(hrefTo(name, 'i-0123456789abcdef0'))).toEqual({ name, param: 'i-0123456789abcdef0' });
    }
    expect(parseHash('#/no-such-page')).toEqual({ name: HOME_ROUTE });
    expect(parseHash('')).toEqual({ name: HOME_ROUTE });
    expect(parseHash('#/toString')).toEqual({ name: HOME_ROUTE });
  });

  it('lists the navigation groups and their links in table order', () => {
    expect(navLinks('home')).toEqual([{ route: 'dashboard', label: 'nav.dashboard' }]);
    expect(NAV_GROUPS.map((group) => navLinks(group.section).map((link) => link.route))).toEqual([
      ['instances', 'instance-types', 'launch-templates'],
      ['amis'],
      ['volumes', 'snapshots'],
      ['security-groups', 'elastic-ips', 'key-pairs', 'network-interfaces'],
      ['vpcs', 'subnets', 'route-tables', 'internet-gateways', 'network-acls'],
      ['cli-access', 'activity'],
      ['settings'],
    ]);
  });

  it('marks Instances current while launching or connecting, and every listed page as itself', () => {
    const underInstances: RouteName[] = ['launch', 'launch-from-template', 'connect-to-instance'];
    for (const name of underInstances) expect(navCurrentOf(name)).toBe('instances');
    for (const name of Object.keys(ROUTES) as RouteName[]) {
      if (!underInstances.includes(name)) expect(navCurrentOf(name)).toBe(name);
    }
  });
});
