import type { Core } from '@strapi/strapi';

import { insightsConfig } from './config';

/** Calendar arithmetic on YYYY-MM-DD strings in the portal's clock (UTC + offset). */

export type Period = 'day' | 'week' | 'month' | 'year';
export const PERIODS: readonly Period[] = ['day', 'week', 'month', 'year'];
/**
 * Rolling windows ending now: the last 24 hours (hour buckets), the last 7 or 30 portal days, today included
 * (day buckets).
 */
export type RollingPeriod = '24h' | '7d' | '30d';
export const ROLLING_PERIODS: readonly RollingPeriod[] = ['24h', '7d', '30d'];
export const isRollingPeriod = (value: string): value is RollingPeriod =>
  ROLLING_PERIODS.some((period) => period === value);
/** What a ranking covers: a current calendar period, a rolling window, or all time. */
export type RankPeriod = Period | RollingPeriod | 'all';
export const RANK_PERIODS: readonly RankPeriod[] = [...PERIODS, ...ROLLING_PERIODS, 'all'];
export const isRankPeriod = (value: string): value is RankPeriod =>
  RANK_PERIODS.some((period) => period === value);

const DAY_MS = 86_400_000;

export const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** The local calendar day of an instant. */
/** The instant as the portal's clock reads it (shifted by the offset, written as UTC). */
const localTime = (instant: number, utcOffsetMinutes: number) =>
  new Date(instant + utcOffsetMinutes * 60_000);

export const localDay = (instant: number, utcOffsetMinutes: number) =>
  isoDay(localTime(instant, utcOffsetMinutes));

/** The local hour of an instant, written YYYY-MM-DDTHH: the key of an hour bucket. */
export const localHour = (instant: number, utcOffsetMinutes: number) =>
  localTime(instant, utcOffsetMinutes).toISOString().slice(0, 13);

export const addDays = (day: string, days: number) =>
  isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));

/** The first day of the period that contains `day`: Monday for weeks (ISO), the 1st for months, 1 January for years. */
export const periodStart = (period: Period, day: string) => {
  if (period === 'day') return day;
  if (period === 'month') return `${day.slice(0, 8)}01`;
  if (period === 'year') return `${day.slice(0, 4)}-01-01`;
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
};

export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** True for a real calendar date written YYYY-MM-DD (not 2024-13-01, 2023-02-29 or 0000-00-00). */
export const isCalendarDay = (value: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && isoDay(date) === value;
};

/** Today in portal time (config utcOffsetMinutes): the one place the plugin turns an instant into a portal day. */
export const portalDay = (strapi: Core.Strapi, now = Date.now()) =>
  localDay(now, insightsConfig(strapi).utcOffsetMinutes);

/** The current portal hour (YYYY-MM-DDTHH), `hoursBack` hours before `now`. */
export const portalHour = (strapi: Core.Strapi, now = Date.now(), hoursBack = 0) =>
  localHour(now - hoursBack * 3_600_000, insightsConfig(strapi).utcOffsetMinutes);
