import {
  memoryCounters,
  type Charge,
} from '../../../../src/plugins/insights/server/src/views/services/rate-limit';

const minute = { windowSeconds: 60, maxHits: 5 };
const visitor = (n: number): Charge => ({ key: `visitor:${n}`, budget: minute });
const client: Charge = { key: 'ip:203.0.113.7', budget: minute };

describe('memory counters', () => {
  it('keep at most maxKeys windows while a flood of new visitors arrives within one window', () => {
    const counters = memoryCounters(100);
    for (let n = 0; n < 1000; n += 1) counters.charge([visitor(n)], 0);
    expect(counters.size()).toBe(100);
  });

  it('keep refusing a client that goes on hitting while new keys push others out', () => {
    const counters = memoryCounters(100);
    const waits = Array.from({ length: 1000 }, (_, n) =>
      counters.charge([visitor(n), client], 1000)
    );
    expect(waits.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    expect(waits.slice(5).every((wait) => wait === 60)).toBe(true);
  });

  it('allow again once the window has ended', () => {
    const counters = memoryCounters(100);
    for (let i = 0; i < 6; i += 1) counters.charge([client], 0);
    expect(counters.charge([client], 59_000)).toBe(1);
    expect(counters.charge([client], 60_000)).toBe(0);
  });
});
