/**
 * One terminal session (a tab in the console, later an SSH channel): a stack of programs that take
 * the keys — the laptop's shell at the bottom, an `ssh` login above it, a yes/no question above
 * that — and a byte stream out, kept as a short backlog so a reloaded console can show it again.
 */
import type { TerminalSession as SessionView } from '../../../shared/terminal-operations';

/** Something that reads the keys while it is on top of a session. */
export interface Program {
  input(data: string): void;
  resize?(cols: number, rows: number): void;
  /** The session is ending (tab closed, connection dropped): stop at once, print nothing more. */
  end?(): void;
}

/** What a program sees of the session it runs in. */
export interface TerminalIo {
  write(data: string): void;
  readonly cols: number;
  readonly rows: number;
  /** Runs a program on top of this one until it calls `done` (an ssh login, a question). */
  attach<T>(start: (done: (value: T) => void) => Program): Promise<T>;
  setTitle(title: string): void;
  /** Resets the title to what the session's own shell shows. */
  readonly baseTitle: string;
}

const BACKLOG_LIMIT = 64 * 1024;

export interface SessionListener {
  output(data: string): void;
  changed(view: SessionView): void;
  closed(): void;
}

export class TerminalSession implements TerminalIo {
  private readonly programs: Program[] = [];
  private backlogText = '';
  private closedAlready = false;
  title: string;

  constructor(
    readonly id: string,
    public cols: number,
    public rows: number,
    readonly baseTitle: string,
    private readonly listener: SessionListener,
  ) {
    this.title = baseTitle;
  }

  get view(): SessionView {
    return { SessionId: this.id, Title: this.title, Cols: this.cols, Rows: this.rows };
  }

  get backlog(): string {
    return this.backlogText;
  }

  get closed(): boolean {
    return this.closedAlready;
  }

  /** Starts the bottom program (the session's shell). */
  run(program: Program): void {
    this.programs.push(program);
  }

  write(data: string): void {
    if (this.closedAlready || data === '') return;
    this.backlogText += data;
    if (this.backlogText.length > BACKLOG_LIMIT) this.backlogText = this.backlogText.slice(-BACKLOG_LIMIT);
    this.listener.output(data);
  }

  input(data: string): void {
    this.programs[this.programs.length - 1]?.input(data);
  }

  resize(cols: number, rows: number): void {
    this.cols = cols;
    this.rows = rows;
    for (const program of this.programs) program.resize?.(cols, rows);
    this.listener.changed(this.view);
  }

  setTitle(title: string): void {
    if (title === this.title) return;
    this.title = title;
    this.listener.changed(this.view);
  }

  attach<T>(start: (done: (value: T) => void) => Program): Promise<T> {
    return new Promise<T>((resolve) => {
      let finished = false;
      const program = start((value) => {
        if (finished) return;
        finished = true;
        const at = this.programs.indexOf(program);
        if (at >= 0) this.programs.splice(at, 1);
        resolve(value);
      });
      if (!finished) this.programs.push(program);
    });
  }

  /** Ends the session: every program stops, the console closes the tab. */
  close(): void {
    if (this.closedAlready) return;
    for (const program of [...this.programs].reverse()) program.end?.();
    this.programs.length = 0;
    this.closedAlready = true;
    this.listener.closed();
  }
}
