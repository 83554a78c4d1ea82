import type { UID } from '@strapi/strapi';

/** What a search hit's `type` is called, per content type; the order is the order of a full reindex. */
export const SEARCH_TYPES = {
  article: 'api::article.article',
  meeting: 'api::meeting.meeting',
  organization: 'api::organization.organization',
  official: 'api::official.official',
  award: 'api::award.award',
} as const satisfies Record<string, UID.ContentType>;

export type SearchType = keyof typeof SEARCH_TYPES;

export const isSearchType = (value: string): value is SearchType => value in SEARCH_TYPES;

type Row = Record<string, unknown>;

/** The searchable parts of one published entry: its title, the text searched beside it, the date that breaks ties. */
export type Extract = { title: string; text: string[]; date: unknown };

type Source = { populate: string[]; extract: (row: Row) => Extract };

const isRow = (value: unknown): value is Row =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

const rows = (value: unknown): Row[] => (Array.isArray(value) ? value.filter(isRow) : []);

/** The text of one blocks node: its own text and its children's; a list item ends its line. */
const nodeText = (node: Row): string =>
  text(node.text) +
  rows(node.children).map(nodeText).join('') +
  (node.type === 'list-item' ? '\n' : '');

/** The text of Strapi blocks, one line per block. */
export const blocksText = (value: unknown): string => rows(value).map(nodeText).join('\n');

/** A date an entry sorts by, as an ISO string (strings and numbers as the drivers return them). */
export const sortDate = (value: unknown): string => {
  const date =
    value instanceof Date
      ? value
      : typeof value === 'string' || typeof value === 'number'
        ? new Date(value)
        : undefined;
  return date && !Number.isNaN(date.getTime()) ? date.toISOString() : '';
};

/** Per searchable type: what is read from the entry (and populated to read it). */
export const SOURCES: Record<SearchType, Source> = {
  article: {
    populate: ['gallery'],
    extract: (row) => ({
      title: text(row.title),
      text: [
        text(row.summary),
        blocksText(row.body),
        ...rows(row.gallery).map((figure) => text(figure.caption)),
        text(row.author),
      ],
      date: row.publishedDate ?? row.publishedAt,
    }),
  },
  meeting: {
    populate: [],
    extract: (row) => ({
      title: text(row.title),
      text: [text(row.summary), text(row.location)],
      date: row.startDate ?? row.publishedAt,
    }),
  },
  organization: {
    populate: [],
    extract: (row) => ({
      title: text(row.name),
      text: [text(row.shortName), text(row.address)],
      date: row.validFrom ?? row.updatedAt,
    }),
  },
  official: {
    populate: ['positions'],
    extract: (row) => ({
      title: text(row.fullName),
      text: rows(row.positions).map((position) => text(position.title)),
      date: row.updatedAt,
    }),
  },
  award: {
    populate: [],
    extract: (row) => ({
      title: text(row.title),
      text: [
        text(row.achievement),
        text(row.movement),
        text(row.recipientsNote),
        text(row.decisionNumber),
      ],
      date: row.decisionDate ?? row.publishedAt,
    }),
  },
};

/** The search type of a content type uid, if it is searchable. */
export const searchTypeOf = (uid: string): SearchType | undefined =>
  Object.keys(SEARCH_TYPES)
    .filter(isSearchType)
    .find((type) => SEARCH_TYPES[type] === uid);
