/**
 * Where component tests find the key maker their engine makes key pairs with. The real one
 * (electron/engine/state/node-key-maker.ts) uses node:crypto, which the web TypeScript project
 * (tsconfig.web.json, no Node types) cannot name; so this slot names only the engine's port type,
 * and key-maker.setup.ts, a vitest setup file of the renderer tests that tsconfig.web.json excludes
 * and tsconfig.node.json type-checks, puts the real one here before each test file runs.
 */
import type { KeyMaker } from '../../electron/engine/key-pairs/key-maker';

let provided: KeyMaker | undefined;

export function provideKeyMaker(keyMaker: KeyMaker): void {
  provided = keyMaker;
}

/** The key maker a lab's engine uses; undefined leaves the engine's own "missing" maker in place. */
export function testKeyMaker(): KeyMaker | undefined {
  return provided;
}
