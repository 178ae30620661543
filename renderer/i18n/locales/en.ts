/**
 * English: the EC2 console's own words, one folder per feature (locales/<feature>/en.ts). vue-i18n
 * syntax: {name} interpolates, "a | b" is a plural; a literal @ { } | $ must be written {'@'} and so
 * on. The English messages are the schema: every Korean file must have exactly the same keys.
 */
import { catalogEn } from './catalog/en';
import { dashboardEn } from './dashboard/en';
import { developerEn } from './developer/en';
import { instanceSettingsEn } from './instance-settings/en';
import { instancesEn } from './instances/en';
import { keyPairsEn } from './key-pairs/en';
import { launchEn } from './launch/en';
import { regionNamesEn } from './region-names/en';
import { securityGroupsEn } from './security-groups/en';
import { settingsEn } from './settings/en';
import { shellEn } from './shell/en';
import { vpcEn } from './vpc/en';

const en = {
  ...shellEn,
  ...instancesEn,
  dashboard: dashboardEn.dashboard,
  launch: launchEn,
  keyPairs: keyPairsEn,
  securityGroups: securityGroupsEn,
  instanceSettings: instanceSettingsEn,
  ...developerEn,
  ...catalogEn,
  settings: settingsEn.settings,
  regionNames: regionNamesEn,
  vpc: vpcEn,
};

export type MessageSchema = typeof en;
export default en;
