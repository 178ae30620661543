/** 한국어 메시지: 실습 설정 페이지. */
import type { settingsEn } from './en';

export const settingsKo: typeof settingsEn = {
  settings: {
    title: '실습 설정',
    about: '이 실습 정보',
    dataDirectory: '데이터 디렉터리',
    stateFile: '저장된 상태 (SQLite 파일)',
    schemaVersion: '스키마 버전',
    version: '버전',
    clock: '실습 시계',
    speed: '시뮬레이션 속도',
    clockHint: '모든 상태 전환은 실습 시계로 진행됩니다. 일시 중지하면 멈추고, 60×에서는 1초에 1분이 흐릅니다.',
    data: '실습 데이터',
    export: {
      button: '실습 내보내기',
      hint: '실습 전체를 JSON 파일 하나로 저장합니다.',
    },
    import: {
      label: '실습 파일 가져오기',
      hint: '내보낸 JSON 파일로 실습 전체를 교체합니다.',
      dialogTitle: '실습을 가져오시겠습니까?',
      warning: '{file}을(를) 가져오면 이 실습의 모든 리소스가 교체됩니다.',
      confirm: '가져오기',
    },
    reset: {
      button: '실습 초기화',
      hint: '모든 리소스를 삭제하고 새 실습을 시작합니다.',
      dialogTitle: '실습을 초기화하시겠습니까?',
      warning: '모든 리전의 인스턴스와 다른 모든 리소스가 삭제됩니다. 되돌릴 수 없습니다.',
      word: '초기화',
      typeToConfirm: '확인하려면 "{word}"을(를) 입력하세요',
      confirm: '초기화',
    },
    ssh: {
      title: 'SSH 서버',
      label: 'SSH 서버',
      on: '켜짐',
      off: '꺼짐',
      hint: '키 페어가 있는 실행 중인 모든 인스턴스를 127.0.0.1의 포트에서 실제 SSH로 제공하므로 내 ssh 또는 PuTTY에서 로그인할 수 있습니다. 끄면 모든 포트가 닫힙니다.',
      unavailable: '내 터미널에서의 실제 SSH는 EC2 Lab 데스크톱 앱과 브라우저 모드에서만 제공됩니다.',
      failed: 'SSH 서버 설정을 변경하지 못했습니다',
    },
  },
};
