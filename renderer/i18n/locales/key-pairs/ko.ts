/** 키 페어 페이지와 생성·가져오기·삭제 대화 상자의 한국어 메시지(한국어 EC2 콘솔의 용어). */
import type { keyPairsEn } from './en';

export const keyPairsKo: typeof keyPairsEn = {
  title: '키 페어',
  find: '키 페어 필터링',
  tableCaption: '키 페어',
  empty: '이 리전에 키 페어가 없습니다',
  selectAll: '모든 키 페어 선택',
  selectKeyPair: '{name} 선택',
  create: '키 페어 생성',
  import: '키 페어 가져오기',
  actions: '작업',
  delete: '삭제',
  columns: {
    name: '이름',
    type: '유형',
    created: '생성됨',
    fingerprint: '지문',
    id: 'ID',
    tags: '태그',
  },
  name: '이름',
  nameHint: '이름에는 최대 255개의 ASCII 문자를 포함할 수 있습니다. 앞뒤 공백은 포함할 수 없습니다.',
  tags: '태그 - 선택 사항',
  createDialog: {
    type: '키 페어 유형',
    rsa: 'RSA',
    rsaHint: 'RSA 암호화된 프라이빗 및 퍼블릭 키 페어',
    ed25519: 'ED25519',
    ed25519Hint: 'ED25519 암호화된 프라이빗 및 퍼블릭 키 페어(Windows 인스턴스에서는 지원되지 않음)',
    format: '프라이빗 키 파일 형식',
    pem: '.pem',
    pemHint: 'OpenSSH와 함께 사용',
    ppk: '.ppk',
    ppkHint: 'PuTTY와 함께 사용',
    store:
      '메시지가 표시되면 컴퓨터의 안전하고 액세스 가능한 위치에 프라이빗 키를 저장합니다. 나중에 인스턴스에 연결할 때 필요합니다.',
    onlyOnce:
      '지금 저장하세요: 프라이빗 키를 받을 수 있는 기회는 이번 한 번뿐입니다. AWS는 사본을 보관하지 않으며, 실습도 마찬가지입니다.',
    downloadsAs: '프라이빗 키는 {file} 파일로 다운로드됩니다.',
  },
  importDialog: {
    file: '키 페어 파일',
    browse: '찾아보기',
    contents: '퍼블릭 키 콘텐츠',
    contentsHint: '퍼블릭 키를 붙여 넣거나 파일을 선택하세요. 형식: OpenSSH, PEM, RFC 4716(SSH2).',
  },
  deleteDialog: {
    title: '키 페어를 삭제하시겠습니까?',
    question: '키 페어 {name}을(를) 삭제하시겠습니까?',
    instances: '이 키 페어로 시작한 인스턴스는 계속 실행되며, 프라이빗 키를 가진 사람은 여전히 로그인할 수 있습니다.',
    confirmHint: '삭제를 확인하려면 필드에 {word}을(를) 입력합니다.',
    confirmWord: '삭제',
    confirmField: '삭제 확인',
  },
  errors: {
    nameRequired: '키 페어의 이름을 입력하세요.',
    nameTooLong: '이름은 최대 {max}자까지 입력할 수 있습니다.',
    nameAscii: '이름에는 ASCII 문자만 포함할 수 있습니다.',
    nameSpaces: '이름에는 앞뒤 공백을 포함할 수 없습니다.',
    publicKeyRequired: '퍼블릭 키를 붙여 넣거나 파일을 선택하세요.',
  },
  flash: {
    created:
      '키 페어 {name}을(를) 생성했습니다. 프라이빗 키는 {file} 파일로 다운로드되었고, 랩 노트북의 {laptopPath}에도 저장되었습니다.',
    imported: '키 페어 {name}을(를) 가져왔습니다',
    deleted: '키 페어 {name}을(를) 삭제했습니다',
    deleteFailed: '키 페어를 삭제하지 못했습니다',
    refreshFailed: '키 페어를 새로 고치지 못했습니다',
  },
};
