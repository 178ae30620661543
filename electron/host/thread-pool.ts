/**
 * The size of libuv's thread pool for a host started as plain `node` (browser mode). The pool runs
 * the lab's key making (keys made ahead as spares) and the web door's file reads; libuv starts it
 * at its first task, with 4 threads unless UV_THREADPOOL_SIZE says otherwise, and each thread that
 * makes keys keeps its own malloc arena. With two, browser mode's RSS after bench/ec2-api was
 * 147.4 MiB (mean of seven runs, 141.7-152.2) against 151.8 (150.0-153.3) with four, and a
 * CreateKeyPair still took a ready spare key (1.9-2.3 ms against 2.2-3.3 on the wire): at most one
 * RSA key (20-100 ms) is made at a time, so the other thread is busy only with Ed25519 keys of ~40 µs.
 */

/** Browser mode's pool: two threads. */
export const BROWSER_MODE_THREAD_POOL_SIZE = 2;

/**
 * Sets the pool's size in `env` (the process's own environment, which libuv reads when the pool
 * starts) unless the user chose one. Has no effect once the process has used the pool: call it
 * before the lab starts.
 */
export function boundThreadPool(env: NodeJS.ProcessEnv, size: number): void {
  if (env.UV_THREADPOOL_SIZE === undefined || env.UV_THREADPOOL_SIZE === '') env.UV_THREADPOOL_SIZE = String(size);
}
