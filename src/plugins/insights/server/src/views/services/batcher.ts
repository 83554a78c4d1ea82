/**
 * Group commit: items (view hits) that arrive while batches are being written wait for the next batch. Up to `writers`
 * batches are written at once (rows go in key order, so they cannot deadlock). Each hit's promise settles
 * only after its batch commits, so an acknowledged hit is durable; a failed batch fails its hits, and none
 * of them is acknowledged.
 */
export const createBatcher = <Item, Result>(
  write: (items: Item[]) => Promise<Result[]>,
  writers: number,
  maxBatch = 500
) => {
  let queue: { item: Item; resolve: (result: Result) => void; reject: (error: unknown) => void }[] =
    [];
  let writing = 0;
  const drain = async () => {
    if (writing >= writers || queue.length === 0) return;
    writing += 1;
    const batch = queue.slice(0, maxBatch);
    queue = queue.slice(maxBatch);
    try {
      const results = await write(batch.map((entry) => entry.item));
      batch.forEach((entry, i) => entry.resolve(results[i]));
    } catch (error) {
      batch.forEach((entry) => entry.reject(error));
    } finally {
      writing -= 1;
      setImmediate(drain);
    }
  };
  return (item: Item) =>
    new Promise<Result>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      setImmediate(drain);
    });
};
