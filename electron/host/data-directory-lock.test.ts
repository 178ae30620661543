import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirectoryInUseError, LOCK_FILE, currentProcess, lockDataDirectory } from './data-directory-lock';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'ec2lab-lock-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Another live process (this test runner's parent), as a lock would name it on this system. */
function liveOther() {
  const started = readFileSync(`/proc/${process.ppid}/stat`, 'utf8');
  return { pid: process.ppid, started: started.slice(started.lastIndexOf(')') + 2).split(' ')[19] };
}

const linux = process.platform === 'linux';

describe('data directory lock', () => {
  it('refuses a second live process and frees the directory on release', () => {
    const dir = tempDir();
    const lock = lockDataDirectory(dir);
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))).toEqual(currentProcess());
    expect(() => lockDataDirectory(dir, { pid: process.ppid })).toThrow(DataDirectoryInUseError);
    expect(() => lockDataDirectory(dir, { pid: process.ppid })).toThrow(/already open in another EC2 Lab process/);
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    lockDataDirectory(dir, { pid: process.ppid }).release();
  });

  it('takes over a lock left by a process that died', () => {
    const dir = tempDir();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: Number(dead) }));
    lockDataDirectory(dir).release();
    // A lock written by an earlier version (the pid alone) is understood too.
    writeFileSync(join(dir, LOCK_FILE), dead);
    lockDataDirectory(dir).release();
  });

  it.runIf(linux)('refuses while the holder runs, and takes over once its pid belongs to another program', () => {
    const dir = tempDir();
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify(liveOther()));
    expect(() => lockDataDirectory(dir)).toThrow(DataDirectoryInUseError);
    // Same pid, another start time: the holder is gone and the system reused its pid.
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ ...liveOther(), started: '1' }));
    lockDataDirectory(dir).release();
  });

  it.runIf(linux)('takes over a lock held by a zombie', async () => {
    const dir = tempDir();
    // `sleep 0` exits at once, and its parent (exec'd into `sleep 5`) never reaps it: a zombie.
    const parent = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 5']);
    const zombie = Number(
      await new Promise<string>((resolve) => parent.stdout.once('data', (d) => resolve(String(d)))),
    );
    try {
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(readFileSync(`/proc/${zombie}/stat`, 'utf8')).toMatch(/\) Z /);
      writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: zombie }));
      lockDataDirectory(dir).release();
    } finally {
      parent.kill();
    }
  });

  it('lets exactly one of several processes starting at once have the lab', async () => {
    const lockModule = new URL('./data-directory-lock.ts', import.meta.url).pathname;
    // Each child takes the lock as the lab does and says whether it got it; the one that has it holds
    // it until every child has answered (its stdin closes), so a slow starter cannot come after a release.
    const child = `
      import { registerHooks } from 'node:module';
      registerHooks({ resolve(s, c, next) { try { return next(s, c); } catch (e) {
        if (e?.code !== 'ERR_MODULE_NOT_FOUND' || !/^\\.{1,2}\\//.test(s)) throw e; return next(s + '.ts', c); } } });
      const { lockDataDirectory } = await import(${JSON.stringify(lockModule)});
      try { const lock = lockDataDirectory(process.argv[1]); process.stdout.write('locked');
        process.stdin.on('end', () => lock.release()).resume(); } catch (e) { process.stdout.write(e.name); }`;
    for (let round = 0; round < 6; round++) {
      const dir = tempDir();
      const children = Array.from({ length: 4 }, () =>
        spawn(process.execPath, ['--input-type=module', '-e', child, dir], { stdio: ['pipe', 'pipe', 'pipe'] }),
      );
      const closed = children.map((started) => new Promise((resolve) => started.on('close', resolve)));
      const answers = await Promise.all(
        children.map(
          (started) =>
            new Promise<string>((resolve) => {
              let out = '';
              const done = () => resolve(out);
              started.stdout.on('data', (d) => {
                out += String(d);
                done();
              });
              started.stderr.on('data', (d) => (out += String(d)));
              started.on('close', done);
            }),
        ),
      );
      for (const started of children) started.stdin.end();
      await Promise.all(closed);
      expect(answers.sort()).toEqual([
        'DataDirectoryInUseError',
        'DataDirectoryInUseError',
        'DataDirectoryInUseError',
        'locked',
      ]);
    }
  }, 30_000);
});
