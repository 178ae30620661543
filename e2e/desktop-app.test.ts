/**
 * The desktop app itself, as a learner opens it: Electron's window over IPC, a launch and a stop,
 * and the lab still there after a restart. It needs Electron's binary, which `npm install` downloads
 * (this build machine cannot), and a display (under Linux CI: `xvfb-run npm run e2e`); without them
 * it is skipped, and says why.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;

/** Electron's binary as its npm package records it, without loading the package. */
function electronBinary(): string | undefined {
  const recorded = join(root, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(recorded)) return undefined;
  const binary = join(root, 'node_modules', 'electron', 'dist', readFileSync(recorded, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

const binary = electronBinary();
const display = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const why = !binary ? "Electron's binary is not installed" : !display ? 'there is no display (use xvfb-run)' : '';

describe.skipIf(why !== '')(`the desktop app${why ? ` (skipped: ${why})` : ''}`, () => {
  const home = mkdtempSync(join(tmpdir(), 'ec2lab-desktop-'));
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  const launch = () =>
    electron.launch({
      executablePath: binary!,
      args: [root],
      // The app keeps its lab in the per-user data directory: a fresh one for the test.
      env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), APPDATA: join(home, 'AppData') },
    });

  const call = (page: Page, apiCall: unknown) =>
    page.evaluate(
      (c) => (window as unknown as { ec2lab: { call(c: unknown): Promise<unknown> } }).ec2lab.call(c),
      apiCall,
    );

  it('opens its window, launches and stops an instance over IPC, and keeps the lab across a restart', async () => {
    let app: ElectronApplication = await launch();
    let page = await app.firstWindow();
    await page.getByRole('navigation').waitFor();
    const region = 'ap-northeast-2';
    const images = (await call(page, {
      service: 'lab',
      operation: 'DescribeQuickStartImages',
      input: { Region: region },
    })) as {
      ok: true;
      value: { Images: { ImageId: string; Os: string; Architecture: string }[] };
    };
    const image = images.value.Images.find((i) => i.Os === 'amazon-linux' && i.Architecture === 'x86_64')!;
    const launched = (await call(page, {
      service: 'ec2',
      operation: 'RunInstances',
      region,
      input: { ImageId: image.ImageId, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1 },
    })) as { ok: true; value: { Instances: { InstanceId: string }[] } };
    const id = launched.value.Instances[0]!.InstanceId;
    await call(page, { service: 'lab', operation: 'AdvanceClock', input: { milliseconds: 60_000 } });
    await call(page, { service: 'ec2', operation: 'StopInstances', region, input: { InstanceIds: [id] } });
    await app.close();

    app = await launch();
    page = await app.firstWindow();
    const described = (await call(page, {
      service: 'ec2',
      operation: 'DescribeInstances',
      region,
      input: { InstanceIds: [id] },
    })) as { ok: true; value: { Reservations: { Instances: { State: { Name: string } }[] }[] } };
    expect(['stopping', 'stopped']).toContain(described.value.Reservations[0]!.Instances[0]!.State.Name);
    await app.close();
  });
});
