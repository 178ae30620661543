/** 한국어 메시지: EC2 대시보드. */
import type { dashboardEn } from './en';

export const dashboardKo: typeof dashboardEn = {
  dashboard: {
    title: 'EC2 대시보드',
    resources: '리소스',
    resourcesIn: '{region}에서 다음 Amazon EC2 리소스를 사용하고 있습니다.',
    runningInstances: '인스턴스(실행 중)',
    instances: '인스턴스',
    launchTitle: '인스턴스 시작',
    launchText: '시작하려면 클라우드의 가상 서버인 Amazon EC2 인스턴스를 시작하세요.',
    launch: '인스턴스 시작',
    health: '서비스 상태',
    region: '리전',
    zones: '영역',
    zoneName: '영역 이름',
    zoneId: '영역 ID',
    zoneStatus: '상태',
    zoneOk: '영역이 정상적으로 작동 중',
    clock: '실습 시계',
    clockSpeed: '속도: {speed}',
    clockHint: '인스턴스 상태는 실습 시계에 따라 바뀝니다. 속도를 높이거나 건너뛰면 전환이 더 빨리 끝납니다.',
  },
};
