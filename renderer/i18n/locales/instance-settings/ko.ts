/** 작업 → 인스턴스 설정의 한국어 메시지. 한국어 EC2 콘솔의 용어를 따릅니다. */
import type { instanceSettingsEn } from './en';

export const instanceSettingsKo: typeof instanceSettingsEn = {
  actions: '작업',
  group: '인스턴스 설정',
  menu: {
    terminationProtection: '종료 방지 변경',
    stopProtection: '중지 방지 변경',
    shutdownBehavior: '종료 동작 변경',
    instanceType: '인스턴스 유형 변경',
    userData: '사용자 데이터 편집',
  },
  instanceId: '인스턴스 ID',
  loading: '불러오는 중…',
  terminationProtection: {
    title: '종료 방지 변경',
    label: '종료 방지',
    description:
      '콘솔, CLI, API에서 인스턴스를 종료하지 못하게 합니다. 종료 동작이 종료로 설정되어 있으면 운영 체제에서 종료할 때는 인스턴스가 종료됩니다.',
  },
  stopProtection: {
    title: '중지 방지 변경',
    label: '중지 방지',
    description: '콘솔, CLI, API에서 인스턴스를 중지(또는 최대 절전 모드로 전환)하지 못하게 합니다.',
  },
  shutdownBehavior: {
    title: '종료 동작 변경',
    label: '종료 동작',
    description: '운영 체제가 종료될 때(예: "sudo shutdown -h now") 인스턴스에 일어나는 일입니다.',
    values: { stop: '중지', terminate: '종료' },
  },
  instanceType: {
    title: '인스턴스 유형 변경',
    current: '현재 인스턴스 유형',
    label: '새 인스턴스 유형',
    mustBeStopped: '인스턴스 유형을 변경하려면 인스턴스를 중지해야 합니다.',
    hibernationEnabled: '이 인스턴스는 최대 절전 모드가 활성화되어 있어 인스턴스 유형을 변경할 수 없습니다.',
    hint: '{zone}에서 제공되는 {architecture} 아키텍처용 유형입니다.',
    apply: '적용',
  },
  userData: {
    title: '사용자 데이터 편집',
    label: '사용자 데이터',
    mustBeStopped: '사용자 데이터를 편집하려면 인스턴스를 중지해야 합니다.',
    hint: '사용자 데이터는 인스턴스가 처음 부팅될 때 root 권한으로 한 번 실행됩니다(cloud-init).',
    tooLong: '사용자 데이터는 최대 {max}KB입니다.',
  },
};
