/** The store's upkeep (whileIdle) runs once the lab is quiet after a commit, never while calls keep coming. */
import { describe, expect, it } from 'vitest';
import { MemoryStateStore } from './state/state-store';
import { createTestLab } from './test-support/test-lab';

class CountingStore extends MemoryStateStore {
  upkeeps = 0;
  whileIdle(): void {
    this.upkeeps++;
  }
}

describe('store upkeep', () => {
  it('runs after a quiet second following a commit, once, and not again until the next commit', () => {
    const store = new CountingStore();
    const lab = createTestLab({ store });
    const before = store.upkeeps;
    lab.launch();
    lab.pass(250);
    lab.launch();
    lab.pass(250);
    expect(store.upkeeps).toBe(before);
    lab.pass(1000);
    expect(store.upkeeps).toBe(before + 1);
    lab.pass(1000);
    expect(store.upkeeps).toBe(before + 1);
  });

  it('waits while reads keep coming (a script polling DescribeInstances), then runs once they stop', () => {
    const store = new CountingStore();
    const lab = createTestLab({ store });
    lab.launch();
    lab.pass(1500); // quiet: the launch's upkeep runs
    const before = store.upkeeps;
    lab.launch();
    for (let second = 0; second < 5; second++) {
      lab.pass(500);
      lab.ec2('DescribeInstances', {});
      lab.pass(500);
      lab.ec2('DescribeInstances', {});
    }
    expect(store.upkeeps).toBe(before);
    lab.pass(1000);
    expect(store.upkeeps).toBe(before + 1);
  });
});
