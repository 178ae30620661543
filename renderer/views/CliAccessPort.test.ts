// @vitest-environment happy-dom
/** The CLI access page's "EC2 API port" setting: SetApiPort, then the 'api-access' event that ends the move. */
import { afterEach, describe, expect, it } from 'vitest';
import { enableAutoUnmount } from '@vue/test-utils';
import { defineComponent, h } from 'vue';
import type { ApiAccess } from '../../shared/lab-operations';
import CliAccessView from './CliAccessView.vue';
import FlashBanners from '../components/shell/FlashBanners.vue';
import { RUNNING_API as API_ACCESS } from '../testing/api-door';
import { createEngineLab, type EngineLab } from '../testing/engine-lab';
import { flushPromises, mountLab } from '../testing/mount-lab';
import { getByRole, getByText, queryAllByRole, queryAllByText } from '../testing/queries';

enableAutoUnmount(afterEach);
const Page = defineComponent(() => () => h('div', [h(FlashBanners), h(CliAccessView)]));
const body = () => document.body;
const ON_4566: ApiAccess = { ...API_ACCESS, Port: 4566, PortSource: 'default' };

/** A lab whose EC2 API door reports `access`; it answers SetApiPort at once, still on the old port. */
function labWithApi(access: ApiAccess = ON_4566): EngineLab {
  return createEngineLab({ apiAccess: access });
}

const portInput = (name = 'EC2 API port') => getByRole(body(), 'spinbutton', name) as HTMLInputElement;
const changeButton = (name = 'Change port') => getByRole(body(), 'button', name) as HTMLButtonElement;
const describedBy = (element: HTMLElement) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

async function type(input: HTMLInputElement, text: string): Promise<void> {
  input.value = text;
  input.dispatchEvent(new Event('input'));
  await flushPromises();
}

async function click(element: HTMLElement): Promise<void> {
  element.click();
  await flushPromises();
}

describe('CliAccessView: EC2 API port', () => {
  it('is prefilled with the current port and says what is wrong with a port it cannot take', async () => {
    const { bridge } = await mountLab(Page, { lab: labWithApi() });
    const input = portInput();
    expect(input.value).toBe('4566');
    expect(input.min).toBe('1024');
    expect(input.max).toBe('65535');
    expect(input.getAttribute('aria-invalid')).toBeNull();

    await type(input, '80');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(getByText(body(), 'alert', /The port must be from 1024 to 65535/).textContent).toContain(
      'administrator rights',
    );
    expect(describedBy(input)).toContain('The port must be from 1024 to 65535');

    await type(input, '70000');
    expect(getByText(body(), 'alert', /The port must be from 1024 to 65535/)).toBeTruthy();
    await type(input, '4567.5');
    expect(getByText(body(), 'alert', /Enter a whole number from 1024 to 65535/)).toBeTruthy();
    await type(input, '');
    expect(getByText(body(), 'alert', /Enter a whole number from 1024 to 65535/)).toBeTruthy();

    await click(changeButton());
    expect(bridge.inputsOf('SetApiPort')).toHaveLength(0);
    expect(document.activeElement).toBe(input);

    await type(input, '4567');
    expect(input.getAttribute('aria-invalid')).toBeNull();
    expect(queryAllByText(body(), 'alert', /1024 to 65535/)).toHaveLength(0);
  });

  it('takes the port from the endpoint when the answer has no Port', async () => {
    const { Port: _port, ...withoutPort } = API_ACCESS;
    await mountLab(Page, { lab: labWithApi({ ...withoutPort, Endpoint: 'http://127.0.0.1:4999/' }) });
    expect(portInput().value).toBe('4999');
  });

  it('moves the API with SetApiPort, waits for the api-access event, then shows the new endpoint everywhere', async () => {
    const { bridge, lab } = await mountLab(Page, { lab: labWithApi() });
    await type(portInput(), '4567');
    await click(changeButton());
    expect(bridge.inputsOf('SetApiPort')).toEqual([{ Port: 4567 }]);

    // Pending: said in the page's language, the button waits, the old endpoint still works.
    expect(getByText(body(), 'status', /Moving the EC2 API to port 4567…/)).toBeTruthy();
    expect(changeButton().disabled).toBe(true);
    expect(queryAllByRole(body(), 'alert')).toHaveLength(0);
    expect(body().querySelector('[data-testid="api-endpoint"]')?.textContent).toBe('http://127.0.0.1:4566/');

    lab.apiDoor.announce({ ...API_ACCESS, Endpoint: 'http://127.0.0.1:4567/', Port: 4567, PortSource: 'setting' });
    await flushPromises();
    expect(queryAllByText(body(), 'status', /Moving the EC2 API/)).toHaveLength(0);
    expect(changeButton().disabled).toBe(false);
    expect(portInput().value).toBe('4567');
    expect(body().querySelector('[data-testid="api-endpoint"]')?.textContent).toBe('http://127.0.0.1:4567/');
    expect(getByText(body(), 'status', /The EC2 API now listens at http:\/\/127\.0\.0\.1:4567\//)).toBeTruthy();
    const text = body().textContent ?? '';
    expect(text).toContain('aws --endpoint-url http://127.0.0.1:4567/ ec2 describe-instances');
    expect(text).toContain('aws --endpoint-url http://127.0.0.1:4567/ ec2 run-instances');
    expect(text).toContain('export AWS_ENDPOINT_URL=http://127.0.0.1:4567/');
    expect(text).not.toContain('127.0.0.1:4566');

    await click(getByRole(body(), 'button', 'Copy endpoint'));
    expect(await navigator.clipboard.readText()).toBe('http://127.0.0.1:4567/');
  });

  it('shows the Notice when the API stayed on its old port', async () => {
    const { lab } = await mountLab(Page, { lab: labWithApi() });
    await type(portInput(), '8080');
    await click(changeButton());
    const notice = 'Port 8080 on 127.0.0.1 is in use by another program. The EC2 API stays on port 4566.';
    lab.apiDoor.announce({ ...ON_4566, Notice: notice });
    await flushPromises();

    const alert = getByText(body(), 'alert', /Port 8080 on 127\.0\.0\.1 is in use/);
    expect(alert.textContent).toContain(notice);
    expect(alert.closest('section')).toBe(getByRole(body(), 'region', 'EC2 API port'));
    expect(portInput().value).toBe('4566');
    expect(queryAllByText(body(), 'status', /now listens/)).toHaveLength(0);
    expect(body().textContent).toContain('aws --endpoint-url http://127.0.0.1:4566/ ec2 describe-instances');
  });

  it('cannot change a port fixed with --api-port, and says why', async () => {
    await mountLab(Page, {
      lab: labWithApi({
        ...API_ACCESS,
        Endpoint: 'http://127.0.0.1:4570/',
        Port: 4570,
        PortSource: 'command-line',
      }),
    });
    const input = portInput();
    expect(input.disabled).toBe(true);
    expect(input.value).toBe('4570');
    expect(changeButton().disabled).toBe(true);
    const why = 'This run was started with --api-port 4570; restart without it to choose the port here.';
    expect(describedBy(input)).toContain(why);
    expect(describedBy(changeButton())).toContain(why);
  });

  it('says so when SetApiPort is refused, and lets the learner try again', async () => {
    const lab = labWithApi();
    lab.bridge.fail('SetApiPort', 'OperationNotPermitted', 'The EC2 API is not running.');
    const { bridge } = await mountLab(Page, { lab });
    await type(portInput(), '4567');
    await click(changeButton());
    expect(bridge.inputsOf('SetApiPort')).toEqual([{ Port: 4567 }]);
    expect(getByText(body(), 'alert', /Failed to change the EC2 API port to 4567/).textContent).toContain(
      'The EC2 API is not running.',
    );
    expect(queryAllByText(body(), 'status', /Moving the EC2 API/)).toHaveLength(0);
    expect(changeButton().disabled).toBe(false);
  });

  it('lets the learner move an API whose port was taken, and then shows the examples', async () => {
    const reason = 'Port 4566 on 127.0.0.1 is in use by another program.';
    const { bridge, lab } = await mountLab(Page, {
      lab: labWithApi({ Available: false, Reason: reason, Port: 4566, PortSource: 'default' }),
    });
    expect(getByRole(body(), 'region', 'The EC2 API is not running')).toBeTruthy();
    await type(portInput(), '4600');
    await click(changeButton());
    expect(bridge.inputsOf('SetApiPort')).toEqual([{ Port: 4600 }]);
    expect(queryAllByRole(body(), 'region', 'The EC2 API is not running')).toHaveLength(0);
    expect(getByText(body(), 'status', /Moving the EC2 API to port 4600…/)).toBeTruthy();

    lab.apiDoor.announce({ ...API_ACCESS, Endpoint: 'http://127.0.0.1:4600/', Port: 4600, PortSource: 'setting' });
    await flushPromises();
    expect(body().textContent).toContain('aws --endpoint-url http://127.0.0.1:4600/ ec2 describe-instances');
  });

  it('speaks Korean', async () => {
    await mountLab(Page, {
      locale: 'ko',
      lab: labWithApi({ ...ON_4566, Notice: 'Port 8080 on 127.0.0.1 is in use by another program.' }),
    });
    const input = portInput('EC2 API 포트');
    expect(changeButton('포트 변경')).toBeTruthy();
    expect(getByText(body(), 'alert', /포트 변경: Port 8080/)).toBeTruthy();
    await type(input, '99999');
    expect(getByText(body(), 'alert', /포트는 1024~65535 사이여야 합니다/)).toBeTruthy();
    await type(input, 'abc');
    expect(getByText(body(), 'alert', /1024~65535 사이의 정수를 입력하세요/)).toBeTruthy();
    await type(input, '4567');
    await click(changeButton('포트 변경'));
    expect(getByText(body(), 'status', /EC2 API를 포트 4567\(으\)로 옮기는 중…/)).toBeTruthy();
  });

  it('explains a port fixed with --api-port in Korean', async () => {
    await mountLab(Page, {
      locale: 'ko',
      lab: labWithApi({ ...ON_4566, PortSource: 'command-line' }),
    });
    expect(describedBy(portInput('EC2 API 포트'))).toContain(
      '이번 실행은 --api-port 4566 옵션으로 시작되었습니다. 여기에서 포트를 선택하려면 이 옵션 없이 다시 시작하세요.',
    );
  });
});
