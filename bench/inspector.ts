/**
 * A small client of the V8 inspector of a process the bench started (`node --inspect`): force a full
 * GC, read process.memoryUsage(), take a CPU profile or a heap snapshot, all from outside the process.
 */
import { writeFileSync } from 'node:fs';

export interface MemoryFigures {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

export interface Inspector {
  /** Full GC, then process.memoryUsage() in MiB. */
  memoryAfterGc(): Promise<MemoryFigures>;
  startCpuProfile(): Promise<void>;
  /** Stops the CPU profile and writes it (.cpuprofile, for Chrome DevTools) to `path`. */
  stopCpuProfile(path: string): Promise<void>;
  /** Writes a heap snapshot (.heapsnapshot) to `path`; V8 collects garbage first. */
  heapSnapshot(path: string): Promise<void>;
  close(): void;
}

export async function connectInspector(url: string): Promise<Inspector> {
  // Node's own WebSocket client (a global since Node 22).
  const socket = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve(), { once: true });
    socket.addEventListener('error', () => reject(new Error(`cannot reach the inspector at ${url}`)), { once: true });
  });
  let nextId = 1;
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  const chunkListeners = new Set<(chunk: string) => void>();
  socket.addEventListener('message', (event: MessageEvent) => {
    const message = JSON.parse(String(event.data)) as {
      id?: number;
      result?: unknown;
      error?: { message: string };
      method?: string;
      params?: { chunk?: string };
    };
    if (message.method === 'HeapProfiler.addHeapSnapshotChunk') {
      for (const listener of chunkListeners) listener(message.params!.chunk!);
      return;
    }
    if (message.id === undefined) return;
    const waiting = pending.get(message.id);
    pending.delete(message.id);
    if (message.error) waiting?.reject(new Error(message.error.message));
    else waiting?.resolve(message.result);
  });
  const send = (method: string, params: object = {}): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      socket.send(JSON.stringify({ id, method, params }));
    });
  const mib = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

  return {
    async memoryAfterGc() {
      await send('HeapProfiler.collectGarbage');
      const result = (await send('Runtime.evaluate', {
        expression: 'JSON.stringify(process.memoryUsage())',
        returnByValue: true,
      })) as { result: { value: string } };
      const usage = JSON.parse(result.result.value) as MemoryFigures;
      return {
        rss: mib(usage.rss),
        heapTotal: mib(usage.heapTotal),
        heapUsed: mib(usage.heapUsed),
        external: mib(usage.external),
        arrayBuffers: mib(usage.arrayBuffers),
      };
    },
    async startCpuProfile() {
      await send('Profiler.enable');
      await send('Profiler.setSamplingInterval', { interval: 100 });
      await send('Profiler.start');
    },
    async stopCpuProfile(path) {
      const { profile } = (await send('Profiler.stop')) as { profile: unknown };
      await send('Profiler.disable');
      writeFileSync(path, JSON.stringify(profile));
    },
    async heapSnapshot(path) {
      const chunks: string[] = [];
      const listener = (chunk: string) => chunks.push(chunk);
      chunkListeners.add(listener);
      await send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
      chunkListeners.delete(listener);
      writeFileSync(path, chunks.join(''));
    },
    close: () => socket.close(),
  };
}
