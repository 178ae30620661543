/**
 * Vitest setup file of the renderer tests (vitest.config.ts): gives every engine lab real keys
 * from Node's crypto. Node code, so tsconfig.web.json excludes it and tsconfig.node.json checks it
 * (see test-key-maker.ts for why).
 */
import { nodeKeyMaker } from '../../electron/engine/state/node-key-maker';
import { provideKeyMaker } from './test-key-maker';

provideKeyMaker(nodeKeyMaker);
