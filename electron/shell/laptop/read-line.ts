/**
 * Asks the learner a question on the terminal and reads the answer line, as `ssh` reads "yes" from
 * /dev/tty: the keys go to this question while it is on top of the session (printable characters
 * echoed, Backspace erasing, Enter ending the line); Ctrl-C or Ctrl-D, or the command's end, gives
 * no answer.
 */
import type { TerminalIo } from '../session/terminal-session';

export function readLine(terminal: TerminalIo, prompt: string, signal?: AbortSignal): Promise<string | undefined> {
  terminal.write(prompt.replace(/\r?\n/g, '\r\n'));
  return terminal.attach<string | undefined>((done) => {
    let line = '';
    const onAbort = () => done(undefined);
    signal?.addEventListener('abort', onAbort, { once: true });
    const finish = (answer: string | undefined) => {
      signal?.removeEventListener('abort', onAbort);
      done(answer);
    };
    return {
      input(data: string) {
        // eslint-disable-next-line no-control-regex -- cursor keys are dropped, not typed
        for (const key of data.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '')) {
          if (key === '\r' || key === '\n') {
            terminal.write('\r\n');
            return finish(line);
          }
          if (key === '\x03' || key === '\x04') {
            terminal.write(key === '\x03' ? '^C\r\n' : '\r\n');
            return finish(undefined);
          }
          if (key === '\x7f' || key === '\b') {
            if (line) {
              line = line.slice(0, -1);
              terminal.write('\b \b');
            }
          } else if (key >= ' ') {
            line += key;
            terminal.write(key);
          }
        }
      },
      end: () => finish(undefined),
    };
  });
}
