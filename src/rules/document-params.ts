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

const optionalString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

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

/**
 * The document a relation input points at, from any input shape the Document Service accepts
 * ('docId', { documentId }, { connect: [...] }, { set: [...] }, numeric row id, null).
 * undefined: the input does not set the relation to a single known target.
 */
export const relationTarget = async (
  strapi: Core.Strapi,
  targetUid: string,
  input: unknown
): Promise<string | null | undefined> => {
  if (input === null) return null;
  if (typeof input === 'string') return input;
  if (typeof input === 'number') {
    const row = await strapi.db.query(targetUid).findOne({ where: { id: input }, select: ['documentId'] });
    return row ? String(row.documentId) : undefined;
  }
  if (Array.isArray(input)) return input.length === 0 ? null : relationTarget(strapi, targetUid, input[input.length - 1]);
  if (!isRecord(input)) return undefined;
  if (typeof input.documentId === 'string') return input.documentId;
  if (typeof input.id === 'number') return relationTarget(strapi, targetUid, input.id);
  if ('set' in input) return relationTarget(strapi, targetUid, input.set);
  if (Array.isArray(input.connect) && input.connect.length > 0) return relationTarget(strapi, targetUid, input.connect);
  return undefined;
};
