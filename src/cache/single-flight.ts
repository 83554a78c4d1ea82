/**
 * Concurrent requests for one key that is being made wait for it instead of each making their own. They get
 * null when the maker's result is not shareable or it failed, and then make their own.
 */
export const createSingleFlight = <T>() => {
  const inFlight = new Map<string, Promise<T | null>>();
  return {
    pending: (key: string) => inFlight.get(key),
    async make(key: string, produce: () => Promise<T | null>) {
      const made = produce();
      inFlight.set(
        key,
        made.catch(() => null)
      );
      try {
        return await made;
      } finally {
        inFlight.delete(key);
      }
    },
  };
};
