import { refusal } from '../../../helpers/refusal';
import {
  parseCountsQuery,
  parseDailyQuery,
  parseHit,
  parseRankingQuery,
} from '../../../../src/plugins/insights/server/src/views/validation';

const TRACKABLE = ['article'];
const ID = 'r2z1901trp4trc7e27f308ce';

describe('view hit bodies (pure)', () => {
  it('accepts an object, or JSON text as sendBeacon sends it', () => {
    const hit = { type: 'article', documentId: ID, locale: 'vi' };
    expect(parseHit(hit, TRACKABLE)).toEqual(hit);
    expect(parseHit(JSON.stringify(hit), TRACKABLE)).toEqual(hit);
    expect(parseHit({ type: 'article', documentId: ID }, TRACKABLE)).toEqual({
      type: 'article',
      documentId: ID,
      locale: undefined,
    });
  });

  it.each([
    ['not JSON', '{"type":', undefined],
    ['an array', [], undefined],
    ['an unknown type', { type: 'meeting', documentId: ID }, 'type'],
    ['no documentId', { type: 'article' }, 'documentId'],
    ['a malformed documentId', { type: 'article', documentId: '../../etc' }, 'documentId'],
    ['a number as locale', { type: 'article', documentId: ID, locale: 5 }, 'locale'],
    ['a malformed locale', { type: 'article', documentId: ID, locale: 'vi; drop' }, 'locale'],
    ['an extra field', { type: 'article', documentId: ID, views: 1000 }, 'views'],
  ])('refuses %s', (_, body, field) => {
    expect(refusal(() => parseHit(body, TRACKABLE)).field).toBe(field);
  });
});

describe('ranking and daily queries (pure)', () => {
  it('fills defaults', () => {
    expect(parseRankingQuery({}, TRACKABLE)).toEqual({
      type: 'article',
      period: 'week',
      locale: undefined,
      organization: undefined,
      include: [],
      limit: 10,
    });
    expect(parseDailyQuery(ID, {}, TRACKABLE, '2024-01-30', '2024-01-01')).toMatchObject({
      from: '2024-01-01',
      to: '2024-01-30',
    });
  });

  it.each([
    [{ period: 'decade' }, 'period'],
    [{ limit: '0' }, 'limit'],
    [{ limit: '101' }, 'limit'],
    [{ limit: '1e2' }, 'limit'],
    [{ organization: 'not/an/id' }, 'organization'],
    [{ include: 'descendants' }, 'include'],
    [{ organization: 'abc', include: 'siblings' }, 'include'],
    [{ sort: 'views' }, 'sort'],
  ])('ranking refuses %j', (query, field) => {
    expect(refusal(() => parseRankingQuery(query, TRACKABLE)).field).toBe(field);
  });

  it.each([
    [{ from: '2024-13-01' }, 'from'],
    [{ from: '0000-00-00' }, 'from'],
    [{ to: '2024-02-30' }, 'to'],
    [{ from: '2024-02-01', to: '2024-01-01' }, 'from'],
    [{ from: '2022-01-01', to: '2024-01-01' }, 'to'],
  ])('daily refuses %j', (query, field) => {
    expect(
      refusal(() => parseDailyQuery(ID, query, TRACKABLE, '2024-01-30', '2024-01-01')).field
    ).toBe(field);
  });

  it('admin counts take at most 100 well-formed documentIds', () => {
    expect(parseCountsQuery({ documentIds: `${ID},${ID}` }, TRACKABLE).documentIds).toEqual([
      ID,
      ID,
    ]);
    expect(
      refusal(() => parseCountsQuery({ documentIds: Array(101).fill(ID).join(',') }, TRACKABLE))
        .field
    ).toBe('documentIds');
    expect(refusal(() => parseCountsQuery({ documentIds: 'a-b' }, TRACKABLE)).field).toBe(
      'documentId'
    );
  });
});
