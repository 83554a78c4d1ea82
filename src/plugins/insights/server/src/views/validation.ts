import { daysBetween, isCalendarDay, isRankPeriod, RANK_PERIODS } from '../clock';
import { isRecord } from '../utils';
import { DOCUMENT_ID, fail, LOCALE, onlyKeys } from '../input';
import { parseInclude } from '../commendations/validation';

/** Input rules of the view endpoints. Pure: the controller asks the database what these cannot know. */

export const MAX_DAILY_RANGE_DAYS = 366;

const text = (
  input: Record<string, unknown>,
  key: string,
  required: boolean
): string | undefined => {
  const value = input[key];
  if (value === undefined || value === '')
    return required ? fail(`${key} is required`, key) : undefined;
  return typeof value === 'string' ? value : fail(`${key} must be a string`, key);
};

const typeName = (input: Record<string, unknown>, trackable: string[], required: boolean) => {
  const type = text(input, 'type', required) ?? trackable[0];
  return trackable.includes(type)
    ? type
    : fail(`type must be one of: ${trackable.join(', ')}`, 'type');
};

const documentId = (value: string | undefined) =>
  value === undefined || DOCUMENT_ID.test(value)
    ? value
    : fail('documentId is malformed', 'documentId');

const locale = (value: string | undefined) =>
  value === undefined || LOCALE.test(value) ? value : fail('locale is malformed', 'locale');

/** A view hit's body: JSON object (or JSON text, as navigator.sendBeacon sends it) with type, documentId, locale. */
export const parseHit = (body: unknown, trackable: string[]) => {
  let input = body;
  if (typeof input === 'string') {
    try {
      input = JSON.parse(input);
    } catch {
      fail('Body must be JSON');
    }
  }
  if (!isRecord(input)) return fail('Body must be a JSON object with type, documentId and locale');
  onlyKeys(input, ['type', 'documentId', 'locale'], 'body');
  return {
    type: typeName(input, trackable, true),
    documentId: documentId(text(input, 'documentId', true)) as string,
    locale: locale(text(input, 'locale', false)),
  };
};

const integerIn = (
  value: string | undefined,
  key: string,
  min: number,
  max: number,
  fallback: number
) => {
  if (value === undefined) return fallback;
  const n = Number(value);
  return /^\d+$/.test(value) && n >= min && n <= max
    ? n
    : fail(`${key} must be a whole number from ${min} to ${max}`, key);
};

/** GET /views/top?type&period&locale&organization&include&limit; `include` widens the unit (sub-units...). */
export const parseRankingQuery = (query: unknown, trackable: string[]) => {
  const input = isRecord(query) ? query : {};
  onlyKeys(input, ['type', 'period', 'locale', 'organization', 'include', 'limit'], 'query');
  const period = text(input, 'period', false) ?? 'week';
  if (!isRankPeriod(period))
    return fail(`period must be one of: ${RANK_PERIODS.join(', ')}`, 'period');
  const organization = text(input, 'organization', false);
  if (organization !== undefined && !DOCUMENT_ID.test(organization))
    fail('organization must be a documentId', 'organization');
  const include = parseInclude(text(input, 'include', false));
  if (include.length > 0 && organization === undefined)
    fail('include widens an organization filter: give organization too', 'include');
  return {
    type: typeName(input, trackable, false),
    period,
    locale: locale(text(input, 'locale', false)),
    organization,
    include,
    limit: integerIn(text(input, 'limit', false), 'limit', 1, 100, 10),
  };
};

/** GET /views/:documentId/daily?from&to&locale&type; without dates, the last 30 days up to `today`. */
export const parseDailyQuery = (
  documentIdParam: unknown,
  query: unknown,
  trackable: string[],
  today: string,
  defaultFrom: string
) => {
  const input = isRecord(query) ? query : {};
  onlyKeys(input, ['type', 'from', 'to', 'locale'], 'query');
  const from = text(input, 'from', false) ?? defaultFrom;
  const to = text(input, 'to', false) ?? today;
  for (const [key, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (!isCalendarDay(value)) fail(`${key} must be a date written YYYY-MM-DD`, key);
  }
  if (from > to) fail('from must not be after to', 'from');
  if (daysBetween(from, to) + 1 > MAX_DAILY_RANGE_DAYS)
    fail(`a range covers at most ${MAX_DAILY_RANGE_DAYS} days`, 'to');
  return {
    type: typeName(input, trackable, false),
    documentId:
      documentId(typeof documentIdParam === 'string' ? documentIdParam : undefined) ??
      fail('documentId is required'),
    locale: locale(text(input, 'locale', false)),
    from,
    to,
  };
};

/** GET /views/counts?type&documentIds=a,b,c (admin list view) */
export const parseCountsQuery = (query: unknown, trackable: string[]) => {
  const input = isRecord(query) ? query : {};
  onlyKeys(input, ['type', 'documentIds'], 'query');
  const ids = (text(input, 'documentIds', true) ?? '').split(',').filter(Boolean);
  if (ids.length > 100) fail('at most 100 documentIds', 'documentIds');
  ids.forEach((id) => documentId(id));
  return { type: typeName(input, trackable, false), documentIds: ids };
};
