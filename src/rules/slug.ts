import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import slugify from 'slugify';

import {
  asWriteCall,
  writeLocale,
  type DocumentMiddleware,
  type WriteCall,
} from './document-params';
import { documentRule, WRITE_CALL_ACTIONS } from './document-rule';

/** Which field each slugged content type derives its slug from. */
export const SLUG_SOURCES: Readonly<Record<string, string>> = {
  'api::article.article': 'title',
  'api::meeting.meeting': 'title',
  'api::award.award': 'title',
  'api::organization.organization': 'name',
  'api::official.official': 'fullName',
};

const MAX_SLUG_LENGTH = 160;

export const toSlug = (text: string): string =>
  slugify(text, { lower: true, strict: true, locale: 'vi', trim: true })
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/, '');

const isBlank = (value: unknown) => value === undefined || value === null || value === '';

/** The first of base, base-2, base-3, … that no other document uses in this locale. */
const firstFreeSlug = async (
  strapi: Core.Strapi,
  call: WriteCall,
  locale: string,
  base: string
) => {
  const taken = await strapi.db.query(call.uid).findMany({
    select: ['slug'],
    where: {
      locale,
      slug: { $startsWith: base },
      ...(call.documentId ? { documentId: { $ne: call.documentId } } : {}),
    },
  });
  const used = new Set(taken.map((row) => String(row.slug)));
  if (!used.has(base)) return base;
  let n = 2;
  while (used.has(`${base}-${n}`)) n += 1;
  return `${base}-${n}`;
};

const assertSlugFree = async (
  strapi: Core.Strapi,
  call: WriteCall,
  locale: string,
  slug: string
) => {
  const clash = await strapi.db.query(call.uid).findOne({
    select: ['documentId'],
    where: { locale, slug, ...(call.documentId ? { documentId: { $ne: call.documentId } } : {}) },
  });
  if (clash) {
    throw new errors.ValidationError(
      `Đường dẫn (slug) "${slug}" đã được một mục khác dùng ở ngôn ngữ "${locale}"`,
      {
        errors: [
          {
            path: ['slug'],
            message: 'Đã có mục khác dùng đường dẫn này: sửa lại, hoặc để trống để hệ thống tự tạo',
            name: 'ValidationError',
          },
        ],
      }
    );
  }
};

/** The stored row of this document in this locale (any version: draft and published share the slug), for fields the call leaves out. */
const storedVersion = (strapi: Core.Strapi, call: WriteCall, locale: string, fields: string[]) =>
  call.documentId
    ? strapi.db.query(call.uid).findOne({
        select: fields,
        where: { documentId: call.documentId, locale },
      })
    : Promise.resolve(null);

/**
 * Slugs: kept when given (unique per locale, else 400), generated from the title/name when empty,
 * also for a new locale of an existing document.
 */
export const slugRule = documentRule(
  WRITE_CALL_ACTIONS,
  (strapi: Core.Strapi): DocumentMiddleware =>
    async (ctx, next) => {
      const call = asWriteCall(ctx);
      const source = call && SLUG_SOURCES[call.uid];
      if (!call || !source) return next();

      const locale = await writeLocale(strapi, call);
      if (!isBlank(call.data.slug)) {
        await assertSlugFree(strapi, call, locale, String(call.data.slug));
        return next();
      }
      const stored =
        call.action === 'update'
          ? await storedVersion(strapi, call, locale, ['slug', source])
          : null;
      if (!('slug' in call.data) && stored && !isBlank(stored.slug)) return next();

      const text = call.data[source] ?? stored?.[source];
      if (typeof text === 'string' && text.trim() !== '') {
        const base = toSlug(text) || call.uid.split('.').pop() || 'entry';
        call.data.slug = await firstFreeSlug(strapi, call, locale, base);
      }
      return next();
    }
);
