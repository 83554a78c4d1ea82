import type { Core, Modules, UID } from '@strapi/strapi';

import { isRecord } from '../../utils';

/**
 * The parts of a Document Service call the award rules read, seen without the per-type generics. The app keeps
 * its own reader for its rules (src/rules/document-params.ts): the plugin imports no app file.
 */
export type WriteCall = {
  uid: UID.ContentType;
  action: 'create' | 'update';
  data: Record<string, unknown>;
  documentId?: string;
  locale?: string;
};

export type DocumentMiddleware = Modules.Documents.Middleware.Middleware;

const optionalString = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;

/** Returns the call as a WriteCall when it creates or updates a document with data, otherwise null. */
export const asWriteCall = (ctx: Modules.Documents.Middleware.Context): WriteCall | null => {
  if (ctx.action !== 'create' && ctx.action !== 'update') return null;
  const params: unknown = ctx.params;
  if (!isRecord(params) || !isRecord(params.data)) return null;
  const { documentId, locale } = params;
  return {
    uid: ctx.uid,
    action: ctx.action,
    data: params.data,
    documentId: optionalString(documentId),
    locale: optionalString(locale),
  };
};

/**
 * The document a relation input points at, from any input shape the Document Service accepts
 * ('docId', { documentId }, { connect: [...] }, { set: [...] }, numeric row id, null).
 * undefined: the input does not set the relation to a single known target.
 */
export const relationTarget = async (
  strapi: Core.Strapi,
  targetUid: UID.ContentType,
  input: unknown
): Promise<string | null | undefined> => {
  if (input === null) return null;
  if (typeof input === 'string') return input;
  if (typeof input === 'number') {
    const row = await strapi.db
      .query(targetUid)
      .findOne({ where: { id: input }, select: ['documentId'] });
    return row ? String(row.documentId) : undefined;
  }
  if (Array.isArray(input))
    return input.length === 0 ? null : relationTarget(strapi, targetUid, input[input.length - 1]);
  if (!isRecord(input)) return undefined;
  if (typeof input.documentId === 'string') return input.documentId;
  if (typeof input.id === 'number') return relationTarget(strapi, targetUid, input.id);
  if ('set' in input) return relationTarget(strapi, targetUid, input.set);
  if (Array.isArray(input.connect) && input.connect.length > 0)
    return relationTarget(strapi, targetUid, input.connect);
  return undefined;
};
