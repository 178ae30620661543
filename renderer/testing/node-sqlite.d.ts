/**
 * Component tests run the real engine (engine-lab.ts), whose state folder names `node:sqlite` for
 * the SQLite store's types. The browser project has no Node types, and the tests never open SQLite
 * (they use MemoryStateStore), so its connection type is declared opaque (`any`) here; tsconfig.node.json checks
 * the engine against the real declarations. Renderer code cannot import it: lint forbids `node:`.
 */
declare module 'node:sqlite' {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  export type DatabaseSync = any;
}
