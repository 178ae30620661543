/**
 * English: the EC2 console's own words, one folder per feature (locales/<feature>/en.ts). vue-i18n
 * syntax: {name} interpolates, "a | b" is a plural; a literal @ { } | $ must be written {'@'} and so
 * on. The English messages are the schema: every Korean file must have exactly the same keys.
 */
import { elasticIpsEn, networkInterfacesEn } from './addresses/en';
import { catalogEn } from './catalog/en';
import { dashboardEn } from './dashboard/en';
import { developerEn } from './developer/en';
import { imagesEn } from './images/en';
import { instanceSettingsEn } from './instance-settings/en';
import { instancesEn } from './instances/en';
import { keyPairsEn } from './key-pairs/en';
import { launchTemplatesEn } from './launch-templates/en';
import { launchEn } from './launch/en';
import { regionNamesEn } from './region-names/en';
import { securityGroupsEn } from './security-groups/en';
import { settingsEn } from './settings/en';
import { shellEn } from './shell/en';
import { storageEn } from './storage/en';
import { terminalEn } from './terminal/en';
import { vpcEn } from './vpc/en';

const en = {
  ...shellEn,
  ...instancesEn,
  dashboard: dashboardEn.dashboard,
  launch: launchEn,
  keyPairs: keyPairsEn,
  launchTemplates: launchTemplatesEn,
  securityGroups: securityGroupsEn,
  elasticIps: elasticIpsEn,
  networkInterfaces: networkInterfacesEn,
  ...storageEn,
  ...imagesEn,
  instanceSettings: instanceSettingsEn,
  ...developerEn,
  ...catalogEn,
  settings: settingsEn.settings,
  regionNames: regionNamesEn,
  vpc: vpcEn,
  ...terminalEn,
};

export type MessageSchema = typeof en;
export default en;
