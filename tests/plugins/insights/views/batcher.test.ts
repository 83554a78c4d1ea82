import { createBatcher } from '../../../../src/plugins/insights/server/src/views/services/batcher';

/** A write that records each batch it is given and answers each item doubled, or fails on demand. */
const recorder = (fail: (items: number[]) => boolean = () => false) => {
  const batches: number[][] = [];
  let running = 0;
  let mostAtOnce = 0;
  const write = async (items: number[]) => {
    running += 1;
    mostAtOnce = Math.max(mostAtOnce, running);
    batches.push(items);
    await new Promise((resolve) => setImmediate(resolve));
    running -= 1;
    if (fail(items)) throw new Error(`batch ${items.join(',')} failed`);
    return items.map((item) => item * 2);
  };
  return { write, batches, mostAtOnce: () => mostAtOnce };
};

describe('group commit batcher (pure)', () => {
  it('writes what arrives in one tick as one batch and answers each item with its own result', async () => {
    const { write, batches } = recorder();
    const enqueue = createBatcher(write, 1);
    await expect(Promise.all([1, 2, 3].map(enqueue))).resolves.toEqual([2, 4, 6]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('cuts batches at maxBatch, in arrival order', async () => {
    const { write, batches } = recorder();
    const enqueue = createBatcher(write, 1, 2);
    await Promise.all([1, 2, 3, 4, 5].map(enqueue));
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('writes at most `writers` batches at once', async () => {
    const { write, batches, mostAtOnce } = recorder();
    const enqueue = createBatcher(write, 2, 1);
    await Promise.all([1, 2, 3, 4, 5, 6].map(enqueue));
    expect(batches).toHaveLength(6);
    expect(mostAtOnce()).toBe(2);
  });

  it('fails the items of a failed batch only, and keeps writing later ones', async () => {
    const { write } = recorder((items) => items.includes(2));
    const enqueue = createBatcher(write, 1, 2);
    const results = await Promise.allSettled([1, 2, 3].map(enqueue));
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'fulfilled']);
    expect(results[2]).toEqual({ status: 'fulfilled', value: 6 });
  });
});
