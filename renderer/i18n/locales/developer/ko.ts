/** 개발자 도구(CLI 액세스, 활동) 페이지의 한국어 메시지. CloudTrail 한국어 콘솔의 용어를 따릅니다. */
import type { developerEn } from './en';

export const developerKo: typeof developerEn = {
  cliAccess: {
    title: 'CLI 액세스',
    intro:
      'EC2 Lab은 실제 EC2 엔드포인트처럼 EC2의 Query API를 그대로 사용하고 서명 버전 4(SigV4) 서명을 검사합니다. 그래서 실제 AWS CLI, AWS SDK, Terraform을 바꾸지 않고 그대로 쓸 수 있습니다. 아래 엔드포인트를 지정하고 실습 환경의 액세스 키를 입력하세요.',
    local:
      '엔드포인트는 이 컴퓨터(127.0.0.1)에서만 열려 있습니다. AWS로는 아무것도 전송되지 않고 요금도 청구되지 않습니다.',
    activityNote: '이 도구들이 보낸 모든 호출은 콘솔에서 한 작업과 함께 {activity}에 표시됩니다.',
    loading: 'EC2 API 설정을 불러오는 중…',
    loadFailed: 'EC2 API 설정을 읽지 못했습니다.',
    credentials: '엔드포인트 및 액세스 키',
    endpoint: '엔드포인트',
    accessKeyId: '액세스 키 ID',
    secretAccessKey: '비밀 액세스 키',
    region: '리전',
    regionHint: '상단에서 선택한 리전입니다. 바꾸려면 상단에서 선택하세요.',
    keySource: '키 출처',
    keySources: {
      generated: '이 컴퓨터에서 실습 환경이 무작위로 생성',
      environment: 'EC2LAB_ACCESS_KEY_ID 및 EC2LAB_SECRET_ACCESS_KEY 환경 변수로 설정',
    },
    hidden: '숨김',
    show: '표시',
    hide: '숨기기',
    showSecret: '비밀 액세스 키 표시',
    hideSecret: '비밀 액세스 키 숨기기',
    copyEndpoint: '엔드포인트 복사',
    copyAccessKeyId: '액세스 키 ID 복사',
    copySecret: '비밀 액세스 키 복사',
    configure: {
      title: 'AWS CLI 구성',
      intro: 'aws configure를 실행하고 다음과 같이 입력하세요.',
      copy: 'aws configure 입력값 복사',
      profileHint:
        '이렇게 하면 기본 프로필의 키가 바뀝니다. 실제 AWS 계정도 사용한다면 대신 aws configure --profile ec2lab을 실행하고 각 명령에 --profile ec2lab을 붙이세요.',
    },
    environment: {
      title: '환경 변수',
      intro: '또는 현재 셸에서만 키와 리전을 설정하세요.',
      copy: '환경 변수 복사',
      endpointHint:
        'AWS CLI 2.13 이상과 최신 SDK는 AWS_ENDPOINT_URL도 읽습니다. 이 값을 엔드포인트로 설정하면 --endpoint-url을 생략할 수 있습니다.',
    },
    examples: {
      title: '사용해 보기',
      intro: '이제 터미널에서 실습 환경을 다뤄 보세요. 각 명령은 구성한 리전으로 전송됩니다.',
      describe: '인스턴스 목록 보기',
      run: 'Amazon Linux 2023 인스턴스 시작',
      wait: '인스턴스가 실행될 때까지 대기',
      waitHint: 'run-instances가 출력한 InstanceId를 넣으세요.',
      copy: '명령 복사: {name}',
    },
    regenerate: {
      button: '액세스 키 다시 생성',
      hint: '실습 환경의 키 페어를 무작위로 새로 만듭니다. 이전 키는 즉시 사용할 수 없게 됩니다.',
      environmentHint:
        '이 키는 실습 환경을 시작할 때 환경 변수로 설정되었으므로 실습 환경이 바꿀 수 없습니다. 바꾸려면 EC2LAB_ACCESS_KEY_ID와 EC2LAB_SECRET_ACCESS_KEY에 다른 값을 주고 실습 환경을 다시 시작하세요.',
      dialogTitle: '액세스 키를 다시 생성하시겠습니까?',
      warning:
        '새 액세스 키 ID와 비밀 액세스 키를 만듭니다. 이전 키를 사용하는 스크립트, AWS CLI 프로필, SDK 프로그램은 새 키를 입력할 때까지(aws configure 다시 실행) 즉시 작동하지 않습니다.',
      confirm: '다시 생성',
    },
    unavailable: {
      title: 'EC2 API가 실행되고 있지 않습니다',
      reason: '이유:',
      fix: '대개 다른 프로그램(예: LocalStack)이 이미 포트를 사용하고 있기 때문입니다. 아래 ‘EC2 API 포트’에서 다른 포트를 선택하거나, 그 프로그램을 중지하고 EC2 Lab을 다시 시작하거나, 브라우저 모드를 EC2 API용 다른 포트로 시작하세요.',
    },
    port: {
      title: 'EC2 API 포트',
      intro:
        'AWS CLI와 SDK는 127.0.0.1의 이 포트로 실습 환경에 연결합니다. 다른 프로그램(예: 4566 포트를 쓰는 LocalStack)이 이 포트를 써야 한다면 바꾸세요. 실습 환경은 다음에 시작할 때도 이 포트를 사용합니다.',
      label: 'EC2 API 포트',
      change: '포트 변경',
      hint: '{min}~{max} 사이의 정수입니다. 새 엔드포인트가 열리면 이전 엔드포인트는 작동하지 않으며, 이 페이지의 명령은 새 엔드포인트를 따릅니다.',
      commandLine:
        '이번 실행은 --api-port {port} 옵션으로 시작되었습니다. 여기에서 포트를 선택하려면 이 옵션 없이 다시 시작하세요.',
      notWhole: '{min}~{max} 사이의 정수를 입력하세요.',
      outOfRange: '포트는 {min}~{max} 사이여야 합니다. {min}보다 작은 포트는 관리자 권한이 필요합니다.',
      moving: 'EC2 API를 포트 {port}(으)로 옮기는 중…',
      moved:
        '이제 EC2 API가 {endpoint}에서 요청을 받습니다. AWS CLI에 새 엔드포인트(--endpoint-url 또는 AWS_ENDPOINT_URL)를 알려 주세요.',
      noticeLabel: '포트 변경:',
      failed: 'EC2 API 포트를 {port}(으)로 변경하지 못했습니다',
    },
  },
  activity: {
    title: '활동',
    intro:
      'AWS CloudTrail의 이벤트 기록처럼, 콘솔에서 한 모든 변경과 AWS CLI 또는 SDK에서 온 모든 호출을 최신순으로 보여 줍니다. 콘솔 자체의 조회(Describe 호출)는 기록하지 않습니다.',
    caption: '이벤트 기록',
    loadFailed: '활동 기록을 불러오지 못했습니다.',
    filters: {
      label: '이벤트 필터',
      caller: '호출자',
      allCallers: '모든 호출자',
      readOnly: '읽기 전용',
      all: '모두',
      changesOnly: 'false(변경만)',
      readsOnly: 'true(조회만)',
      find: '이벤트 이름 또는 리소스 ID로 이벤트 찾기',
    },
    columns: {
      details: '세부 정보',
      time: '이벤트 시간',
      name: '이벤트 이름',
      caller: '호출자',
      region: '리전',
      resources: '리소스 ID',
      result: '결과',
    },
    callers: { console: '콘솔', cli: 'AWS CLI', sdk: 'SDK', api: 'API' },
    success: '성공',
    showDetails: '{name} {id} 세부 정보 보기',
    eventId: '이벤트 ID',
    readOnly: '읽기 전용',
    parameters: '요청 파라미터',
    errorMessage: '오류 메시지',
    cliCommand: '같은 작업의 AWS CLI 명령',
    copyCommand: '{name} {id}의 CLI 명령 복사',
    empty: '아직 이벤트가 없습니다. 콘솔에서 변경하거나 AWS CLI로 EC2 API를 호출해 보세요.',
    noMatches: '필터와 일치하는 이벤트가 없습니다.',
    loadMore: '더 보기',
    trimmed: '이 페이지는 최근 이벤트 {max}개만 보관합니다. 가장 최근 이벤트부터 다시 보려면 새로 고치세요.',
  },
};
