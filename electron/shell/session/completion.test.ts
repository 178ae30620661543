import { describe, expect, it } from 'vitest';
import { completeLine, type CompletionSource } from './completion';

const source: CompletionSource = {
  commands: () => ['chmod', 'chown', 'cat', 'ssh', 'scp'],
  list: (directory) =>
    directory === '/home/learner/Downloads' || directory === '/home/learner/Downloads/'
      ? [
          { name: 'my-key.pem', directory: false },
          { name: 'my-key (1).pem', directory: false },
          { name: 'old', directory: true },
        ]
      : directory === '/home/learner/' || directory === '/home/learner'
        ? [
            { name: 'Downloads', directory: true },
            { name: '.ssh', directory: true },
          ]
        : [],
  cwd: '/home/learner',
  home: '/home/learner',
};

describe('tab completion', () => {
  it('completes a command name, or to the common prefix of several', () => {
    expect(completeLine('ss', 2, source)).toEqual({ insert: 'h ', candidates: ['ssh'] });
    expect(completeLine('ch', 2, source)).toEqual({ insert: '', candidates: ['chmod', 'chown'] });
    expect(completeLine('cho', 3, source).insert).toBe('wn ');
  });

  it('completes paths: directories get a slash, hidden files only when asked', () => {
    expect(completeLine('cd Dow', 6, source).insert).toBe('nloads/');
    expect(completeLine('ls ~/Downloads/o', 16, source).insert).toBe('ld/');
    expect(completeLine('chmod 400 Downloads/my', 22, source)).toEqual({
      insert: '-key',
      candidates: ['my-key (1).pem', 'my-key.pem'],
    });
    expect(completeLine('ls ', 3, source).candidates).toEqual(['Downloads/']);
    expect(completeLine('ls .s', 5, source).insert).toBe('sh/');
  });
});
