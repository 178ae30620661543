/**
 * The console in Korean, as many learners use it: Hangul drawn with the app's own bundled font (this
 * machine has no CJK font, so anything else would be boxes), fetched from the app in only the slices
 * the page needs; then launch through the Korean wizard, watch 대기 중 → 실행 중, stop with the Korean
 * confirmation, and see AWS's own (English) error text, as the Korean AWS console shows it.
 */
import type { Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ConsolePage } from './support/console-page';
import { useLabSession } from './support/lab-session';

const lab = useLabSession();
const consolePage = new ConsolePage(lab, 'ko');

/** The family of resources/fonts/noto-sans-kr.css, and how many slices it ships (both weights). */
const BUNDLED_FAMILY = 'Noto Sans KR';
const SHIPPED_SLICES = 234;

interface PlatformFont {
  familyName: string;
  postScriptName: string;
  isCustomFont: boolean;
  glyphCount: number;
}

describe('the console in Korean', () => {
  it('draws Hangul with the bundled font, fetched from the app, only the slices the page needs', async () => {
    const fontResponses: Response[] = [];
    const onResponse = (response: Response) => {
      if (response.request().resourceType() === 'font') fontResponses.push(response);
    };
    consolePage.page.on('response', onResponse);
    await consolePage.open('instances');
    await consolePage.page.evaluate(() => document.fonts.ready);
    consolePage.page.off('response', onResponse);

    // The fonts Chromium actually drew a Korean-and-Latin column header with.
    const header = consolePage.page.getByRole('columnheader', { name: '퍼블릭 IPv4 주소', exact: true });
    await header.evaluate((element) => element.setAttribute('data-font-probe', ''));
    const session = await consolePage.page.context().newCDPSession(consolePage.page);
    const { root } = await session.send('DOM.getDocument');
    const { nodeId } = await session.send('DOM.querySelector', { nodeId: root.nodeId, selector: '[data-font-probe]' });
    await session.send('CSS.enable');
    const { fonts } = (await session.send('CSS.getPlatformFontsForNode', { nodeId })) as { fonts: PlatformFont[] };
    await session.detach();
    // 퍼블릭 and 주소: five Hangul glyphs from the bundled web font (the slices name themselves after
    // the instance of Noto Sans KR they were cut from, e.g. 'Noto Sans KR Thin' / NotoSansKRThin-Bold);
    // IPv4 and the sort arrow from a system font.
    const bundled = fonts.filter((font) => font.isCustomFont);
    expect(bundled).toHaveLength(1);
    expect(bundled[0]).toMatchObject({ familyName: expect.stringMatching(/^Noto Sans KR/), glyphCount: 5 });
    expect(bundled[0]!.postScriptName).toMatch(/^NotoSansKR/);
    expect(fonts.some((font) => !font.isCustomFont && font.familyName !== BUNDLED_FAMILY)).toBe(true);

    const loaded = await consolePage.page.evaluate(
      (family) => ({
        check: document.fonts.check(`16px "${family}"`, '인스턴스'),
        loadedFaces: [...document.fonts].filter(
          (face) => face.family.replace(/"/g, '') === family && face.status === 'loaded',
        ).length,
      }),
      BUNDLED_FAMILY,
    );
    expect(loaded.check).toBe(true);
    expect(loaded.loadedFaces).toBeGreaterThan(0);

    // Served by the app itself as font/woff2, and only a few of the shipped slices.
    expect(fontResponses.length).toBeGreaterThan(0);
    expect(fontResponses.length).toBeLessThan(SHIPPED_SLICES / 5);
    let bytes = 0;
    for (const response of fontResponses) {
      expect(response.url().startsWith(lab.server.url), response.url()).toBe(true);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toBe('font/woff2');
      bytes += (await response.body()).length;
    }
    expect(bytes).toBeLessThan(400_000);
  });

  it('launches, runs and stops an instance with Korean labels', async () => {
    await consolePage.launch('웹서버');
    await consolePage.selectOnly('웹서버');

    // Still pending: AWS would refuse a stop, so the menu greys it out and says why in Korean.
    await consolePage.page.getByRole('button', { name: '인스턴스 상태' }).click();
    const stop = consolePage.page.getByRole('menuitem', { name: '인스턴스 중지' });
    expect(await stop.getAttribute('aria-disabled')).toBe('true');
    expect(await stop.getAttribute('title')).toMatch(
      /^인스턴스 i-[0-9a-f]{17}은\(는\) 대기 중 상태라서 중지할 수 없습니다\.$/,
    );
    await consolePage.page.keyboard.press('Escape');

    await consolePage.skipOneMinute();
    await consolePage.expectState('웹서버', '실행 중');
    await consolePage.chooseState('인스턴스 중지', '중지');
    await consolePage.expectState('웹서버', '중지 중');
    await consolePage.skipOneMinute();
    await consolePage.expectState('웹서버', '중지됨');
  });
});
