/**
 * A task run at most once per `ms`: called when it last ran long enough ago, it runs at once;
 * called sooner, it runs once when that time is up, however often it was called meanwhile.
 */
export function atMostEvery(ms: number, task: () => void): { call(): void; cancel(): void } {
  let last = -Infinity;
  let timer: NodeJS.Timeout | undefined;
  const run = () => {
    timer = undefined;
    last = performance.now();
    task();
  };
  return {
    call() {
      if (timer) return;
      const wait = last + ms - performance.now();
      if (wait <= 0) return run();
      timer = setTimeout(run, wait);
      timer.unref();
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
