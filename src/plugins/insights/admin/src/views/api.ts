import { getFetchClient } from '@strapi/strapi/admin';

/** The plugin's admin routes (/insights/...), typed as the admin panel uses them. */
export type RankedEntry = { documentId: string; title: string; slug: string | null; views: number };
export type DailyRow = { day: string; views: number };
/** A ranking period; the list the server accepts comes from GET /insights/settings (rankPeriods). */
export type Period = 'day' | 'week' | 'month' | 'year' | 'all';
export const isPeriod = (value: string): value is Period =>
  ['day', 'week', 'month', 'year', 'all'].includes(value);

const query = (params: Record<string, string | number | undefined>) =>
  new URLSearchParams(
    Object.entries(params).flatMap(([key, value]) =>
      value === undefined || value === '' ? [] : [[key, String(value)]]
    )
  ).toString();

export const fetchTop = async (params: {
  period: Period;
  locale?: string;
  organization?: string;
  /** `descendants`: the organization's sub-units too. */
  include?: string;
  limit?: number;
}) =>
  (await getFetchClient().get<{ data: RankedEntry[] }>(`/insights/views/top?${query(params)}`)).data
    .data;

export const fetchDaily = async (
  documentId: string,
  params: { from: string; to: string; locale?: string }
) =>
  (
    await getFetchClient().get<{ data: DailyRow[] }>(
      `/insights/views/${documentId}/daily?${query(params)}`
    )
  ).data.data;

export const fetchCounts = async (documentIds: string[]) =>
  (
    await getFetchClient().get<{ data: Record<string, number> }>(
      `/insights/views/counts?${query({ documentIds: documentIds.join(',') })}`
    )
  ).data.data;

export const fetchTrackedTypes = async () =>
  (await getFetchClient().get<{ data: Record<string, string> }>('/insights/views/types')).data.data;

export const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** A calendar day (YYYY-MM-DD) as Vietnamese portals write dates: dd/mm/yyyy. */
export const displayDay = (day: string) => day.split('-').reverse().join('/');
