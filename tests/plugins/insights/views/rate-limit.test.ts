import {
  memoryCounters,
  type Charge,
} from '../../../../src/plugins/insights/server/src/views/services/rate-limit';

const minute = { windowSeconds: 60, maxHits: 5 };
const visitor = (n: number): Charge => ({ key: `visitor:${n}`, budget: minute });
const client: Charge = { key: 'ip:203.0.113.7', budget: minute };

describe('memory counters', () => {
  it('keep at most maxKeys windows while a flood of new visitors arrives within one window', () => {
    const charge = memoryCounters(100);
    for (let i = 0; i < 6; i += 1) charge([visitor(0)], 0);
    expect(charge([visitor(0)], 0)).toBe(60);
    for (let n = 1; n <= 99; n += 1) charge([visitor(n)], 0);
    // 100 windows: the spent one is still kept.
    expect(charge([visitor(0)], 0)).toBe(60);
    for (let n = 100; n <= 199; n += 1) charge([visitor(n)], 0);
    // 100 newer windows pushed it out: it starts again.
    expect(charge([visitor(0)], 0)).toBe(0);
  });

  it('keep refusing a client that goes on hitting while new keys push others out', () => {
    const charge = memoryCounters(100);
    const waits = Array.from({ length: 1000 }, (_, n) => charge([visitor(n), client], 1000));
    expect(waits.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    expect(waits.slice(5).every((wait) => wait === 60)).toBe(true);
  });

  it('allow again once the window has ended', () => {
    const charge = memoryCounters(100);
    for (let i = 0; i < 6; i += 1) charge([client], 0);
    expect(charge([client], 59_000)).toBe(1);
    expect(charge([client], 60_000)).toBe(0);
  });
});
