/**
 * The console in Korean, as many learners use it: launch through the Korean wizard, watch 대기 중 →
 * 실행 중, stop with the Korean confirmation, and see AWS's own (English) error text, as the Korean
 * AWS console shows it.
 */
import { describe, expect, it } from 'vitest';
import { useLabSession } from './support/lab-session';

const UI_TIMEOUT = 15_000;
const lab = useLabSession();

describe('the console in Korean', () => {
  it('launches, runs and stops an instance with Korean labels', async () => {
    const page = lab.page;
    await page.goto(`${lab.server.url}?lang=ko#/launch`);
    await page.getByRole('textbox', { name: '이름' }).fill('웹서버');
    await page.getByRole('combobox', { name: '인스턴스 유형' }).selectOption('t3.micro');
    await page.getByRole('button', { name: '인스턴스 시작', exact: true }).click();

    const row = page.getByRole('row').filter({ hasText: '웹서버' });
    await expect.poll(() => row.innerText(), { timeout: UI_TIMEOUT }).toContain('대기 중');

    // Still pending: stopping is refused with AWS's message, which AWS does not translate.
    await row.getByRole('checkbox').check();
    await page.getByRole('button', { name: '인스턴스 상태' }).click();
    await page.getByRole('menuitem', { name: '인스턴스 중지' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '중지', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'IncorrectInstanceState' });
    await expect.poll(() => alert.count(), { timeout: UI_TIMEOUT }).toBe(1);
    expect(await alert.innerText()).toContain("never reached the 'running' state");

    await page.getByRole('button', { name: '1분 건너뛰기' }).click();
    await expect.poll(() => row.innerText(), { timeout: UI_TIMEOUT }).toContain('실행 중');
    await page.getByRole('button', { name: '인스턴스 상태' }).click();
    await page.getByRole('menuitem', { name: '인스턴스 중지' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '중지', exact: true }).click();
    await expect.poll(() => row.innerText(), { timeout: UI_TIMEOUT }).toContain('중지 중');
    await page.getByRole('button', { name: '1분 건너뛰기' }).click();
    await expect.poll(() => row.innerText(), { timeout: UI_TIMEOUT }).toContain('중지됨');
  });
});
