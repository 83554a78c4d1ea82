import {
  addDays,
  daysBetween,
  isCalendarDay,
  localDay,
  periodStart,
} from '../../../src/plugins/insights/server/src/clock';

const VIETNAM = 7 * 60;

describe('calendar (pure)', () => {
  it('puts an instant on the portal day: 17:00 UTC is already tomorrow in Vietnam', () => {
    expect(localDay(Date.parse('2024-01-19T16:59:59Z'), VIETNAM)).toBe('2024-01-19');
    expect(localDay(Date.parse('2024-01-19T17:00:00Z'), VIETNAM)).toBe('2024-01-20');
  });

  it('adds days across months, leap days and years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('starts weeks on Monday (ISO), months on the 1st, years on 1 January', () => {
    expect(periodStart('week', '2024-01-21')).toBe('2024-01-15'); // a Sunday
    expect(periodStart('week', '2024-01-15')).toBe('2024-01-15'); // a Monday
    expect(periodStart('week', '2025-01-01')).toBe('2024-12-30');
    expect(periodStart('month', '2024-02-29')).toBe('2024-02-01');
    expect(periodStart('year', '2024-02-29')).toBe('2024-01-01');
    expect(periodStart('day', '2024-02-29')).toBe('2024-02-29');
  });

  it('counts the days between two dates', () => {
    expect(daysBetween('2024-01-01', '2024-12-31')).toBe(365);
    expect(daysBetween('2024-03-10', '2024-03-10')).toBe(0);
  });

  it.each(['2024-02-29', '2000-02-29', '1999-12-31'])('%s is a calendar day', (day) => {
    expect(isCalendarDay(day)).toBe(true);
  });

  it.each([
    '2023-02-29',
    '2024-13-01',
    '0000-00-00',
    '2024-00-10',
    '2024-1-1',
    '20240101',
    '2024-01-01T00:00',
    '',
  ])('%j is not', (day) => {
    expect(isCalendarDay(day)).toBe(false);
  });
});
