// Terminal figures: keystroke-to-echo in the main process, and a simple command (`ls /`) run in
// the real shell worker thread (dist/shell/shell-worker.mjs, built by `npm run bench`) on an
// instance's root volume, from Enter to the next prompt.
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { startShells } from '../electron/host/start-shells';
import { TEST_REGION, createTestLab } from '../electron/engine/test-support/test-lab';
import { measure, measureAsync, report } from './measure';

const workerFile = fileURLToPath(new URL('../dist/shell/shell-worker.mjs', import.meta.url));

it('keystroke to echo, and `ls /` on an instance through the shell worker', async () => {
  const lab = createTestLab();
  const instanceId = lab.launch();
  lab.pass(60_000);
  const running = startShells(lab.engine, workerFile);
  let output = '';
  let wake: (() => void) | undefined;
  running.shells.terminals.onEvent((event) => {
    if (event.type !== 'terminal-output') return;
    output += event.data;
    wake?.();
  });
  const session = running.shells.terminals.openSession(120, 40);
  const machine = running.shells.instances.get(TEST_REGION, instanceId)!;
  void running.shells.logins.start(machine, machine.user('ec2-user')!, session);
  const prompt = () =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (/\]\$ $/.test(output)) {
          wake = undefined;
          resolve();
        }
      };
      wake = check;
      check();
    });
  await prompt();

  // The echo is written before input() returns: the whole path is the main process's line editor.
  const echo = measure(2000, (i) => {
    const before = output.length;
    session.input(i % 2 === 0 ? 'a' : '\x7f');
    if (output.length === before) throw new Error('no echo');
  });
  report('terminal keystroke to echo (main process)', echo);

  const ls = await measureAsync(50, async () => {
    output = '';
    session.input('ls /\r');
    await prompt();
  });
  expect(output).toContain('etc');
  report('terminal `ls /` Enter to next prompt (worker thread, root volume)', ls);

  const cat = await measureAsync(50, async () => {
    output = '';
    session.input('cat /etc/os-release | grep PRETTY\r');
    await prompt();
  });
  report('terminal `cat /etc/os-release | grep PRETTY` Enter to next prompt', cat);
  running.stop();
  lab.engine.close();
});
