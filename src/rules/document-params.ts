import type { Core, Modules, UID } from '@strapi/strapi';

/** The parts of a Document Service call that write-time rules read, seen without the per-type generics. */
export type WriteCall = {
  uid: UID.ContentType;
  action: 'create' | 'update';
  data: Record<string, unknown>;
  documentId?: string;
  locale?: string;
  status?: string;
};

export type DocumentMiddleware = Modules.Documents.Middleware.Middleware;

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const optionalString = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;

/** Returns the call as a WriteCall when it creates or updates a document with data, otherwise null. */
export const asWriteCall = (ctx: Modules.Documents.Middleware.Context): WriteCall | null => {
  if (ctx.action !== 'create' && ctx.action !== 'update') return null;
  const params: unknown = ctx.params;
  if (!isRecord(params) || !isRecord(params.data)) return null;
  return {
    uid: ctx.uid,
    action: ctx.action,
    data: params.data,
    documentId: optionalString(params.documentId),
    locale: optionalString(params.locale),
    status: optionalString(params.status),
  };
};

export const defaultLocale = async (strapi: Core.Strapi): Promise<string> =>
  (await strapi.plugin('i18n').service('locales').getDefaultLocale()) ?? 'vi';

/** The locale a write lands in: the one asked for, else the default locale. */
export const writeLocale = async (strapi: Core.Strapi, call: WriteCall): Promise<string> =>
  call.locale && call.locale !== '*' ? call.locale : defaultLocale(strapi);

/** What a relation input does, in documentIds: `set` replaces every link; otherwise `connect` adds, `disconnect` removes. */
export type RelationChange = { set?: string[]; connect: string[]; disconnect: string[] };

type Reference = { documentId: string } | { id: number };

/** Strapi's own test (map-relation.js): a value parseInt reads as a number is a row id, any other string a documentId. */
const asRowId = (value: unknown): number | undefined => {
  if (typeof value !== 'number' && typeof value !== 'string') return undefined;
  const parsed = typeof value === 'number' ? value : Number.parseInt(value, 10);
  return Number.isInteger(parsed) ? parsed : undefined;
};

/** One relation target in any shape: 'docId', 12, '12', { documentId }, { id }. */
const asReference = (value: unknown): Reference | undefined => {
  const id = asRowId(value);
  if (id !== undefined) return { id };
  if (typeof value === 'string') return { documentId: value };
  if (!isRecord(value)) return undefined;
  if (typeof value.documentId === 'string') return { documentId: value.documentId };
  const rowId = asRowId(value.id);
  return rowId === undefined ? undefined : { id: rowId };
};

const references = (value: unknown): Reference[] =>
  (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]).flatMap(
    (item) => asReference(item) ?? []
  );

/** Row ids become documentIds (one query); unknown row ids are dropped, Strapi refuses them itself. */
const toDocumentIds = async (strapi: Core.Strapi, targetUid: string, refs: Reference[]) => {
  const rowIds = refs.flatMap((ref) => ('id' in ref ? [ref.id] : []));
  const rows =
    rowIds.length > 0
      ? await strapi.db
          .query(targetUid)
          .findMany({ select: ['id', 'documentId'], where: { id: { $in: rowIds } } })
      : [];
  const byRowId = new Map(rows.map((row) => [Number(row.id), String(row.documentId)]));
  return refs.flatMap((ref) => {
    const documentId = 'id' in ref ? byRowId.get(ref.id) : ref.documentId;
    return documentId === undefined ? [] : [documentId];
  });
};

/**
 * A relation input in every shape the Document Service accepts (see map-relation.js): null, a documentId, a row
 * id, { documentId } / { id }, a list of those (all = set), or { set, connect, disconnect } of any of them.
 */
export const relationChange = async (
  strapi: Core.Strapi,
  targetUid: string,
  input: unknown
): Promise<RelationChange> => {
  const ids = (value: unknown) => toDocumentIds(strapi, targetUid, references(value));
  const isOperations = isRecord(input) && !('id' in input) && !('documentId' in input);
  if (!isOperations) return { set: await ids(input), connect: [], disconnect: [] };
  return {
    set: 'set' in input && input.set !== undefined ? await ids(input.set) : undefined,
    connect: await ids(input.connect),
    disconnect: await ids(input.disconnect),
  };
};

/** The target of a to-one relation after a change, given its current target (Strapi keeps the last one given). */
export const toOneAfter = (change: RelationChange, current: string | null): string | null => {
  if (change.set) return change.set[change.set.length - 1] ?? null;
  if (change.connect.length > 0) return change.connect[change.connect.length - 1];
  return current !== null && change.disconnect.includes(current) ? null : current;
};

/** The targets of a to-many relation after a change, given its current targets. */
export const toManyAfter = (change: RelationChange, current: string[]): string[] => {
  const base = change.set ?? current.filter((id) => !change.disconnect.includes(id));
  return [...new Set([...base, ...change.connect])];
};
