/**
 * 한국어: 한국어 EC2 콘솔의 용어를 따르며, 기능마다 폴더 하나(locales/<기능>/ko.ts)에 있습니다.
 * 각 파일은 영어 파일과 키가 정확히 같아야 합니다(다르면 타입 오류). vue-i18n 문법은 en.ts 주석을 참고하세요.
 */
import type { MessageSchema } from './en';
import { elasticIpsKo, networkInterfacesKo } from './addresses/ko';
import { catalogKo } from './catalog/ko';
import { dashboardKo } from './dashboard/ko';
import { developerKo } from './developer/ko';
import { imagesKo } from './images/ko';
import { instanceSettingsKo } from './instance-settings/ko';
import { instancesKo } from './instances/ko';
import { keyPairsKo } from './key-pairs/ko';
import { launchTemplatesKo } from './launch-templates/ko';
import { launchKo } from './launch/ko';
import { regionNamesKo } from './region-names/ko';
import { securityGroupsKo } from './security-groups/ko';
import { settingsKo } from './settings/ko';
import { shellKo } from './shell/ko';
import { storageKo } from './storage/ko';
import { terminalKo } from './terminal/ko';
import { vpcKo } from './vpc/ko';

const ko: MessageSchema = {
  ...shellKo,
  ...instancesKo,
  dashboard: dashboardKo.dashboard,
  launch: launchKo,
  keyPairs: keyPairsKo,
  launchTemplates: launchTemplatesKo,
  securityGroups: securityGroupsKo,
  elasticIps: elasticIpsKo,
  networkInterfaces: networkInterfacesKo,
  ...storageKo,
  ...imagesKo,
  instanceSettings: instanceSettingsKo,
  ...developerKo,
  ...catalogKo,
  settings: settingsKo.settings,
  regionNames: regionNamesKo,
  vpc: vpcKo,
  ...terminalKo,
};

export default ko;
