/** 한국어 메시지: 인스턴스 유형과 AMI 페이지. */
import type { catalogEn } from './en';

export const catalogKo: typeof catalogEn = {
  instanceTypes: {
    title: '인스턴스 유형',
    find: '인스턴스 유형 찾기',
    ebsOnly: 'EBS 전용',
    columns: {
      type: '인스턴스 유형',
      category: '패밀리',
      vcpus: 'vCPU',
      architecture: '아키텍처',
      memory: '메모리(GiB)',
      storage: '인스턴스 스토리지',
      network: '네트워크 성능',
      price: '온디맨드 Linux 요금',
    },
    categories: {
      general: '범용',
      compute: '컴퓨팅 최적화',
      memory: '메모리 최적화',
      storage: '스토리지 최적화',
      accelerated: '가속화된 컴퓨팅',
      hpc: '고성능 컴퓨팅',
      other: '기타',
    },
  },
  amis: {
    title: 'Amazon Machine Image(AMI)',
    find: '속성 또는 태그로 AMI 찾기',
    columns: {
      name: 'AMI 이름',
      id: 'AMI ID',
      architecture: '아키텍처',
      platform: '플랫폼',
      rootDevice: '루트 디바이스 유형',
      owner: '소유자 별칭',
      created: '생성 날짜',
    },
  },
};
