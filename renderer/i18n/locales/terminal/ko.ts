/** 터미널 창, 상단 표시줄의 노트북 터미널 버튼, 인스턴스 연결 페이지(SSH 클라이언트 탭)의 한국어 메시지(한국어 EC2 콘솔의 용어). */
import type { terminalEn } from './en';

export const terminalKo: typeof terminalEn = {
  terminal: {
    laptop: '노트북 터미널',
    laptopTab: '노트북',
    pane: '터미널',
    tabs: '터미널 세션',
    screen: '터미널: {title}',
    newTab: '새 노트북 터미널',
    close: '{title} 닫기',
    collapse: '접기',
    expand: '펼치기',
    resize: '터미널 창 크기 조정',
    pasteHint: '여기에서는 클립보드를 읽을 수 없습니다. Ctrl+Shift+V로 붙여 넣으세요.',
    openFailed: '터미널을 열지 못했습니다',
    closeFailed: '터미널을 닫지 못했습니다',
  },
  connect: {
    action: '연결',
    title: '인스턴스에 연결',
    intro: '다음 옵션 중 하나를 사용하여 인스턴스 {id}에 연결',
    tabsLabel: '연결 방법',
    tabs: {
      instanceConnect: 'EC2 Instance Connect',
      sessionManager: 'Session Manager',
      sshClient: 'SSH 클라이언트',
      serialConsole: 'EC2 직렬 콘솔',
    },
    notSimulated: '실습에서는 시뮬레이션되지 않습니다',
    instanceId: '인스턴스 ID',
    steps: {
      open: 'SSH 클라이언트를 엽니다.',
      locate: '프라이빗 키 파일을 찾습니다. 이 인스턴스를 시작하는 데 사용되는 키는 {key}입니다.',
      chmod: '필요한 경우 이 명령을 실행하여 키를 공개적으로 볼 수 없도록 합니다.',
      connectDns: '퍼블릭 DNS을(를) 사용하여 인스턴스에 연결:',
      connectIp: '퍼블릭 IP을(를) 사용하여 인스턴스에 연결:',
    },
    example: '예:',
    usernameNote:
      '참고: 대부분의 경우 추측된 사용자 이름이 정확합니다. 그러나 AMI 사용 지침을 읽고 AMI 소유자가 기본 AMI 사용자 이름을 변경했는지 확인하세요.',
    noKeyPair:
      '이 인스턴스에는 연결된 키 페어가 없습니다. 키 페어가 없으면 직접 설정한 암호로만 이 인스턴스에 연결할 수 있습니다.',
    noPublicAddress:
      '이 인스턴스에는 퍼블릭 IPv4 주소가 없으므로 VPC 외부의 SSH 클라이언트가 연결할 수 없습니다. 탄력적 IP 주소를 연결하거나 퍼블릭 IPv4 주소를 할당하는 서브넷에서 시작하세요.',
    notRunning: '인스턴스가 {state} 상태입니다. 연결하려면 인스턴스가 실행 중이어야 합니다.',
    typeInto: '노트북 터미널에 입력',
    typeIntoHint: '이 명령을 실습 노트북의 터미널에 하나씩 입력합니다. 다운로드한 키는 ~/Downloads에 있습니다.',
    typeFailed: '노트북 터미널에 입력하지 못했습니다',
    notFound: '{region}에서 인스턴스 {id}을(를) 찾을 수 없습니다.',
    back: '취소',
    copyChmod: 'chmod 명령 복사',
    copyHost: '주소 복사',
    copySsh: 'ssh 명령 복사',
    own: {
      title: '내 터미널에서 연결',
      intro:
        'EC2 Lab은 이 인스턴스를 이 컴퓨터의 포트에서 실제 SSH로도 제공하므로, 다운로드한 키로 내 OpenSSH 또는 PuTTY에서 로그인할 수 있습니다.',
      port: '127.0.0.1의 포트',
      fingerprint: '호스트 키 지문',
      fingerprintHint:
        '처음 연결할 때 ssh가 이 호스트 키를 신뢰할지 묻습니다. 표시되는 지문이 이 지문과 같은지 확인하세요.',
      openSsh: 'OpenSSH(macOS, Linux, Windows):',
      putty: 'PuTTY(PuTTYgen으로 키를 .ppk로 변환한 경우):',
      copySsh: '내 터미널용 ssh 명령 복사',
      copyPutty: 'PuTTY 명령 복사',
      copyConfig: 'ssh -F 명령 복사',
      downloadConfig: 'SSH 구성 다운로드',
      configHint:
        '실습에서 제공하는 모든 인스턴스의 Host 항목이 담긴 ssh_config입니다. {file}(으)로 저장하고 다음으로 연결합니다.',
      unavailable: '내 터미널에서의 실제 SSH는 EC2 Lab 데스크톱 앱과 브라우저 모드에서만 제공됩니다.',
      off: '실습의 SSH 서버가 꺼져 있어 내 터미널에서 어떤 인스턴스에도 연결할 수 없습니다.',
      turnOn: 'SSH 서버 켜기',
      turnOnFailed: 'SSH 서버를 켜지 못했습니다',
      portInUse:
        '이 컴퓨터의 포트 {port}을(를) 다른 프로그램이 사용하고 있어 이 인스턴스를 제공할 수 없습니다: {error}',
      notServed: '실습은 실행 중이고 키 페어가 있는 인스턴스만 내 터미널에서 SSH로 연결할 수 있게 제공합니다.',
    },
  },
};
