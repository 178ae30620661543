// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { enableAutoUnmount } from '@vue/test-utils';
import { defineComponent, h } from 'vue';
import CliAccessView from './CliAccessView.vue';
import FlashBanners from '../components/shell/FlashBanners.vue';
import { RUNNING_API as API_ACCESS } from '../testing/api-door';
import { createEngineLab } from '../testing/engine-lab';
import { flushPromises, mountLab } from '../testing/mount-lab';
import { getByRole, getByText, queryAllByRole } from '../testing/queries';

enableAutoUnmount(afterEach);
const Page = defineComponent(() => () => h('div', [h(FlashBanners), h(CliAccessView)]));
const body = () => document.body;
const SECRET = API_ACCESS.SecretAccessKey!;

async function click(element: HTMLElement): Promise<void> {
  element.click();
  await flushPromises();
}

describe('CliAccessView', () => {
  it('shows the endpoint, the key id and the Region, and keeps the secret hidden until Show', async () => {
    await mountLab(Page);
    expect(getByRole(body(), 'heading', 'CLI access')).toBeTruthy();
    expect(body().textContent).toContain('http://127.0.0.1:4566/');
    expect(body().textContent).toContain('AKIAIOSFODNN7EXAMPLE');
    expect(body().querySelector('[data-testid="api-region"]')?.textContent).toBe('ap-northeast-2');
    expect(body().textContent).toContain('Signature Version 4');
    expect(getByRole(body(), 'link', 'Activity').getAttribute('href')).toBe('#/activity');
    // Hidden everywhere: the value, the aws configure answers and the export line.
    expect(body().textContent).not.toContain(SECRET);

    await click(getByRole(body(), 'button', 'Show secret access key'));
    expect(body().querySelector('[data-testid="secret-access-key"]')?.textContent).toBe(SECRET);
    expect(body().textContent).toContain(`AWS Secret Access Key [None]: ${SECRET}`);
    expect(body().textContent).toContain(
      `export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE AWS_SECRET_ACCESS_KEY=${SECRET} AWS_DEFAULT_REGION=ap-northeast-2`,
    );

    await click(getByRole(body(), 'button', 'Hide secret access key'));
    expect(body().textContent).not.toContain(SECRET);
  });

  it('gives aws configure answers and example commands for the endpoint and the Region’s AL2023 AMI', async () => {
    const lab = createEngineLab();
    const pending = lab.launch().InstanceId!;
    const image = lab.quickStart('amazon-linux').ImageId;
    await mountLab(Page, { lab });
    const text = body().textContent ?? '';
    expect(text).toContain('AWS Access Key ID [None]: AKIAIOSFODNN7EXAMPLE');
    expect(text).toContain('Default region name [None]: ap-northeast-2');
    expect(text).toContain('Default output format [None]: json');
    expect(text).toContain('aws --endpoint-url http://127.0.0.1:4566/ ec2 describe-instances');
    expect(text).toContain(
      `aws --endpoint-url http://127.0.0.1:4566/ ec2 run-instances --image-id ${image} --instance-type t3.micro --count 1`,
    );
    expect(text).toContain(
      `aws --endpoint-url http://127.0.0.1:4566/ ec2 wait instance-running --instance-ids ${pending}`,
    );
  });

  it('copies the real secret even while it is hidden', async () => {
    await mountLab(Page);
    await click(getByRole(body(), 'button', 'Copy secret access key'));
    expect(await navigator.clipboard.readText()).toBe(SECRET);
    expect(getByText(body(), 'status', /^Copied$/)).toBeTruthy();
    await click(getByRole(body(), 'button', 'Copy aws configure answers'));
    expect(await navigator.clipboard.readText()).toBe(
      ['AKIAIOSFODNN7EXAMPLE', SECRET, 'ap-northeast-2', 'json'].join('\n'),
    );
    await click(getByRole(body(), 'button', 'Copy endpoint'));
    expect(await navigator.clipboard.readText()).toBe('http://127.0.0.1:4566/');
  });

  it('regenerates the key only after confirmation and shows the new key', async () => {
    const { bridge, lab } = await mountLab(Page);

    await click(getByRole(body(), 'button', 'Regenerate access key'));
    let dialog = getByRole(body(), 'dialog', 'Regenerate access key?');
    expect(dialog.textContent).toContain('stop working');
    await click(getByRole(dialog, 'button', 'Cancel'));
    expect(bridge.inputsOf('RegenerateApiAccessKey')).toHaveLength(0);
    expect(body().textContent).toContain('AKIAIOSFODNN7EXAMPLE');

    await click(getByRole(body(), 'button', 'Regenerate access key'));
    dialog = getByRole(body(), 'dialog', 'Regenerate access key?');
    await click(getByRole(dialog, 'button', 'Regenerate'));
    expect(bridge.inputsOf('RegenerateApiAccessKey')).toEqual([{}]);
    expect(queryAllByRole(body(), 'dialog')).toHaveLength(0);
    const fresh = lab.apiDoor.access().AccessKeyId!;
    expect(fresh).not.toBe('AKIAIOSFODNN7EXAMPLE');
    expect(body().textContent).toContain(fresh);
    expect(body().textContent).not.toContain('AKIAIOSFODNN7EXAMPLE');
    expect(getByText(body(), 'status', /A new access key was made/)).toBeTruthy();
  });

  it('cannot regenerate a key set by environment variables, and says why', async () => {
    await mountLab(Page, { lab: createEngineLab({ apiAccess: { ...API_ACCESS, KeySource: 'environment' } }) });
    const button = getByRole(body(), 'button', 'Regenerate access key') as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    const hint = document.getElementById(button.getAttribute('aria-describedby') ?? '');
    expect(hint?.textContent).toContain('EC2LAB_ACCESS_KEY_ID');
  });

  it('shows why the EC2 API is unavailable and how to fix it', async () => {
    const apiAccess = { Available: false, Reason: 'listen EADDRINUSE: address already in use 127.0.0.1:4566' };
    await mountLab(Page, { lab: createEngineLab({ apiAccess }) });
    const section = getByRole(body(), 'region', 'The EC2 API is not running');
    expect(section.textContent).toContain('listen EADDRINUSE: address already in use 127.0.0.1:4566');
    expect(section.textContent).toContain('--api-port');
    expect(queryAllByRole(body(), 'button', 'Regenerate access key')).toHaveLength(0);
  });

  it('follows api-access events without asking again', async () => {
    const lab = createEngineLab({ apiAccess: { Available: false, Reason: 'port 4566 is in use' } });
    const { bridge } = await mountLab(Page, { lab });
    const asked = bridge.inputsOf('GetApiAccess').length;
    lab.apiDoor.announce({ ...API_ACCESS, Endpoint: 'http://127.0.0.1:4567/' });
    await flushPromises();
    expect(body().textContent).toContain('aws --endpoint-url http://127.0.0.1:4567/ ec2 describe-instances');
    expect(queryAllByRole(body(), 'region', 'The EC2 API is not running')).toHaveLength(0);
    expect(bridge.inputsOf('GetApiAccess')).toHaveLength(asked);
  });

  it('speaks Korean', async () => {
    await mountLab(Page, { locale: 'ko' });
    expect(getByRole(body(), 'heading', 'CLI 액세스')).toBeTruthy();
    expect(getByRole(body(), 'button', '비밀 액세스 키 표시')).toBeTruthy();
    expect(getByRole(body(), 'button', '액세스 키 다시 생성')).toBeTruthy();
    expect(body().textContent).toContain('엔드포인트');
  });
});
