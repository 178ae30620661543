/**
 * Readline as bash's is used: the keys a terminal sends (xterm's bytes) become edits of one input
 * line, echoed back as the terminal expects; Enter submits, history is walked with ↑/↓, Ctrl-C
 * drops the line, Ctrl-D on an empty line ends input, Ctrl-L clears the screen, Tab asks for
 * completion. It runs in the main process so a terminal session and (later) a real SSH channel
 * share it. Pure: it returns what happened and what to write; the session does the rest.
 */

export type EditorEvent =
  | { type: 'submit'; line: string }
  | { type: 'interrupt' }
  | { type: 'eof' }
  | { type: 'clear' }
  | { type: 'complete'; line: string; cursor: number };

export interface FeedResult {
  /** Bytes to write to the terminal (echo, cursor moves, redraws). */
  output: string;
  events: EditorEvent[];
}

const HISTORY_LIMIT = 1000;

/** Display width of a string in terminal cells (Hangul and other wide characters take two). */
export function cellWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    width +=
      code >= 0x1100 &&
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char)
        ? 2
        : code < 32
          ? 0
          : 1;
  }
  return width;
}

export class LineEditor {
  private buffer: string[] = [];
  private cursor = 0;
  private readonly history: string[] = [];
  /** Where ↑/↓ is in the history; history.length means the line being typed. */
  private historyIndex = 0;
  /** The line being typed while the history is walked. */
  private draft: string[] = [];
  /** An escape sequence arrives in pieces; the part received so far. */
  private pendingEscape = '';

  get line(): string {
    return this.buffer.join('');
  }

  get historyEntries(): readonly string[] {
    return this.history;
  }

  /** Starts a new line (after a prompt). */
  reset(): void {
    this.buffer = [];
    this.cursor = 0;
    this.historyIndex = this.history.length;
    this.draft = [];
  }

  remember(line: string): void {
    if (line.trim() === '' || this.history[this.history.length - 1] === line) return;
    this.history.push(line);
    if (this.history.length > HISTORY_LIMIT) this.history.shift();
    this.historyIndex = this.history.length;
  }

  /** Inserts text at the cursor (a completion); returns what to write. */
  insert(text: string): string {
    const chars = [...text];
    const tail = this.buffer.slice(this.cursor);
    this.buffer.splice(this.cursor, 0, ...chars);
    this.cursor += chars.length;
    return text + this.redrawTail(tail.join(''), 0);
  }

  feed(data: string): FeedResult {
    let output = '';
    const events: EditorEvent[] = [];
    const chars = [...(this.pendingEscape + data)];
    this.pendingEscape = '';
    for (let i = 0; i < chars.length; i++) {
      const char = chars[i]!;
      if (char === '\x1b') {
        const rest = chars.slice(i).join('');
        // eslint-disable-next-line no-control-regex -- escape sequences are what a terminal sends
        const match = /^\x1b(\[[0-9;]*[A-Za-z~]|O[A-Za-z]|[bfd\x7f])/.exec(rest);
        if (!match) {
          // eslint-disable-next-line no-control-regex -- an escape sequence cut between two reads
          if (/^\x1b(\[[0-9;]*)?$|^\x1bO$/.test(rest)) {
            this.pendingEscape = rest;
            break;
          }
          continue;
        }
        output += this.escape(match[1]!);
        i += [...match[0]].length - 1;
        continue;
      }
      switch (char) {
        case '\r':
        case '\n': {
          if (char === '\n' && chars[i - 1] === '\r') break;
          const line = this.line;
          output += this.moveToEnd() + '\r\n';
          events.push({ type: 'submit', line });
          this.reset();
          // What follows the newline (a paste of several lines) is the next line's input.
          const rest = chars.slice(i + 1).join('');
          if (rest) {
            const next = this.feed(rest);
            output += next.output;
            events.push(...next.events);
          }
          return { output, events };
        }
        case '\x7f':
        case '\b':
          output += this.backspace();
          break;
        case '\x03':
          output += this.moveToEnd() + '^C\r\n';
          this.reset();
          events.push({ type: 'interrupt' });
          break;
        case '\x04':
          if (this.buffer.length === 0) events.push({ type: 'eof' });
          else output += this.deleteForward();
          break;
        case '\x0c':
          events.push({ type: 'clear' });
          break;
        case '\t':
          events.push({ type: 'complete', line: this.line, cursor: this.cursor });
          break;
        case '\x01':
          output += this.moveTo(0);
          break;
        case '\x05':
          output += this.moveTo(this.buffer.length);
          break;
        case '\x02':
          output += this.moveTo(this.cursor - 1);
          break;
        case '\x06':
          output += this.moveTo(this.cursor + 1);
          break;
        case '\x15':
          output += this.killBack(0);
          break;
        case '\x0b': {
          const removed = this.buffer.splice(this.cursor);
          output += this.redrawTail('', cellWidth(removed.join('')));
          break;
        }
        case '\x17': {
          let start = this.cursor;
          while (start > 0 && this.buffer[start - 1] === ' ') start--;
          while (start > 0 && this.buffer[start - 1] !== ' ') start--;
          output += this.killBack(start);
          break;
        }
        default:
          if (char >= ' ') output += this.insert(char);
      }
    }
    return { output, events };
  }

  private escape(sequence: string): string {
    switch (sequence) {
      case '[A':
      case 'OA':
        return this.walkHistory(-1);
      case '[B':
      case 'OB':
        return this.walkHistory(1);
      case '[C':
      case 'OC':
        return this.moveTo(this.cursor + 1);
      case '[D':
      case 'OD':
        return this.moveTo(this.cursor - 1);
      case '[H':
      case 'OH':
      case '[1~':
        return this.moveTo(0);
      case '[F':
      case 'OF':
      case '[4~':
        return this.moveTo(this.buffer.length);
      case '[3~':
        return this.deleteForward();
      case 'b':
      case '[1;5D': {
        let at = this.cursor;
        while (at > 0 && this.buffer[at - 1] === ' ') at--;
        while (at > 0 && this.buffer[at - 1] !== ' ') at--;
        return this.moveTo(at);
      }
      case 'f':
      case '[1;5C': {
        let at = this.cursor;
        while (at < this.buffer.length && this.buffer[at] === ' ') at++;
        while (at < this.buffer.length && this.buffer[at] !== ' ') at++;
        return this.moveTo(at);
      }
      default:
        return '';
    }
  }

  private walkHistory(step: number): string {
    const target = this.historyIndex + step;
    if (target < 0 || target > this.history.length) return '';
    if (this.historyIndex === this.history.length) this.draft = [...this.buffer];
    this.historyIndex = target;
    const next = target === this.history.length ? this.draft : [...this.history[target]!];
    return this.replace(next);
  }

  /** Replaces the whole line (history), erasing what was shown. */
  private replace(next: string[]): string {
    const oldWidth = cellWidth(this.buffer.join(''));
    let output = this.moveTo(0);
    this.buffer = [...next];
    this.cursor = next.length;
    const shown = next.join('');
    output += shown;
    const extra = oldWidth - cellWidth(shown);
    if (extra > 0) output += ' '.repeat(extra) + '\b'.repeat(extra);
    return output;
  }

  private backspace(): string {
    if (this.cursor === 0) return '\x07';
    const [removed] = this.buffer.splice(this.cursor - 1, 1);
    this.cursor--;
    const width = cellWidth(removed!);
    return '\b'.repeat(width) + this.redrawTail(this.buffer.slice(this.cursor).join(''), width);
  }

  private deleteForward(): string {
    if (this.cursor >= this.buffer.length) return '';
    const [removed] = this.buffer.splice(this.cursor, 1);
    return this.redrawTail(this.buffer.slice(this.cursor).join(''), cellWidth(removed!));
  }

  private killBack(start: number): string {
    const removed = this.buffer.splice(start, this.cursor - start).join('');
    const width = cellWidth(removed);
    this.cursor = start;
    return '\b'.repeat(width) + this.redrawTail(this.buffer.slice(this.cursor).join(''), width);
  }

  /** Writes the text after the cursor, blanks `erased` cells after it, and moves back to the cursor. */
  private redrawTail(tail: string, erased: number): string {
    const back = cellWidth(tail) + erased;
    return tail + ' '.repeat(erased) + '\b'.repeat(back);
  }

  private moveTo(target: number): string {
    const to = Math.max(0, Math.min(this.buffer.length, target));
    let output = '';
    if (to < this.cursor) output = '\b'.repeat(cellWidth(this.buffer.slice(to, this.cursor).join('')));
    else if (to > this.cursor) output = this.buffer.slice(this.cursor, to).join('');
    this.cursor = to;
    return output;
  }

  private moveToEnd(): string {
    return this.moveTo(this.buffer.length);
  }
}
