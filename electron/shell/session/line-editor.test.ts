import { describe, expect, it } from 'vitest';
import { LineEditor } from './line-editor';

function typed(editor: LineEditor, ...chunks: string[]) {
  let output = '';
  const events = [];
  for (const chunk of chunks) {
    const result = editor.feed(chunk);
    output += result.output;
    events.push(...result.events);
  }
  return { output, events };
}

describe('LineEditor', () => {
  it('echoes typed text and submits the line on Enter', () => {
    const editor = new LineEditor();
    const { output, events } = typed(editor, 'ls -l', '\r');
    expect(output).toBe('ls -l\r\n');
    expect(events).toEqual([{ type: 'submit', line: 'ls -l' }]);
  });

  it('edits in the middle of the line with the arrow keys, backspace and delete', () => {
    const editor = new LineEditor();
    typed(editor, 'chmod 40 key', '\x1b[D\x1b[D\x1b[D\x1b[D', '0');
    expect(editor.line).toBe('chmod 400 key');
    typed(editor, '\x1b[H', '\x1b[3~');
    expect(editor.line).toBe('hmod 400 key');
    typed(editor, '\x05', '\x7f');
    expect(editor.line).toBe('hmod 400 ke');
  });

  it('walks the history with up and down and keeps the line being typed', () => {
    const editor = new LineEditor();
    for (const line of ['first', 'second']) {
      typed(editor, line, '\r');
      editor.remember(line);
    }
    typed(editor, 'dra');
    typed(editor, '\x1b[A');
    expect(editor.line).toBe('second');
    typed(editor, '\x1b[A', '\x1b[A');
    expect(editor.line).toBe('first');
    typed(editor, '\x1b[B', '\x1b[B');
    expect(editor.line).toBe('dra');
  });

  it('Ctrl-C drops the line, Ctrl-D on an empty line ends input, Ctrl-L clears, Tab asks to complete', () => {
    const editor = new LineEditor();
    expect(typed(editor, 'abc', '\x03').events).toEqual([{ type: 'interrupt' }]);
    expect(editor.line).toBe('');
    expect(typed(editor, '\x04').events).toEqual([{ type: 'eof' }]);
    expect(typed(editor, '\x0c').events).toEqual([{ type: 'clear' }]);
    expect(typed(editor, 'ca', '\t').events).toEqual([{ type: 'complete', line: 'ca', cursor: 2 }]);
  });

  it('takes an escape sequence split across two reads, and a pasted block as several lines', () => {
    const editor = new LineEditor();
    typed(editor, 'ab', '\x1b', '[D', 'X');
    expect(editor.line).toBe('aXb');
    const editor2 = new LineEditor();
    const { events } = typed(editor2, "cat > k <<'EOF'\rline 1\rEOF\r");
    expect(events).toEqual([
      { type: 'submit', line: "cat > k <<'EOF'" },
      { type: 'submit', line: 'line 1' },
      { type: 'submit', line: 'EOF' },
    ]);
  });

  it('erases words with Ctrl-W and the line start with Ctrl-U', () => {
    const editor = new LineEditor();
    typed(editor, 'ssh -i key.pem ec2-user', '\x17');
    expect(editor.line).toBe('ssh -i key.pem ');
    typed(editor, '\x15');
    expect(editor.line).toBe('');
  });
});
