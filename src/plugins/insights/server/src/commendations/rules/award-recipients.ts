import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { insightsConfig, type CommendationsConfig } from '../../config';
import { service } from '../../services';
import { isRecord } from '../../utils';
import { asWriteCall, type DocumentMiddleware, type WriteCall } from './document-calls';

const COUNTED = ['countedCollectives', 'countedIndividuals'] as const;
type AwardNames = CommendationsConfig['award'];

/** Actions after which i18n may have copied the shared counted numbers into other locales (see @strapi/i18n bootstrap). */
const SYNCING_ACTIONS = ['create', 'update', 'publish', 'discardDraft'];

/** True when a relation input (or a populated relation) points at something. */
const isLinked = (value: unknown): boolean => {
  if (value === null || value === undefined || value === '') return false;
  if (typeof value === 'string' || typeof value === 'number') return true;
  if (Array.isArray(value)) return value.length > 0;
  if (!isRecord(value)) return false;
  if ('documentId' in value || 'id' in value) return true;
  return isLinked(value.set) || isLinked(value.connect);
};

const hasText = (value: unknown) => typeof value === 'string' && value.trim() !== '';

const recipientError = (index: number, message: string) =>
  new errors.ValidationError(`recipients[${index}]: ${message}`, {
    errors: [{ path: ['recipients', String(index)], message, name: 'ValidationError' }],
  });

/** A counted number as stored, or as a write may send it before the app normalises it ("5"). */
const count = (value: unknown) => {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : 0;
};

/**
 * A recipient is one of: a unit (collective) or a person in the system (individual); a typed name (a collective or
 * a person not in the system); or a number of them (`count`) placed at a unit, the one place a count can be tied
 * to (records.ts says which unit records take it in).
 */
const checkRecipient = (names: AwardNames) => (item: unknown, index: number) => {
  if (!isRecord(item)) throw recipientError(index, 'phải là một người/đơn vị được khen');
  const unit = isLinked(item[names.recipientUnit]);
  const person = isLinked(item[names.recipientPerson]);
  const typed = hasText(item[names.recipientName]);
  const counted = item[names.recipientCount] !== undefined && item[names.recipientCount] !== null;
  const kind = item[names.recipientKind];
  // Drafts skip the schema's min: a count of 0 would still be counted as one recipient.
  if (counted && count(item[names.recipientCount]) < 1)
    throw recipientError(index, 'Số lượng phải là số nguyên từ 1 trở lên');
  if (counted && (!unit || person || typed)) {
    throw recipientError(
      index,
      'Khen theo số lượng: chọn đơn vị nơi họ thuộc về (hoặc đơn vị có các đơn vị cấp dưới chứa họ), không chọn cán bộ hay nhập tên'
    );
  }
  if (counted) return;
  if (kind === 'collective' && (unit === typed || person)) {
    throw recipientError(
      index,
      'Tập thể được khen: chọn một đơn vị hoặc nhập tên tập thể (một trong hai), không chọn cán bộ'
    );
  }
  if (kind === 'individual' && (unit || person === typed)) {
    throw recipientError(
      index,
      'Cá nhân được khen: chọn một cán bộ hoặc nhập họ tên (một trong hai), không chọn đơn vị'
    );
  }
};

/** The derived totals: recipients listed in this locale (one each, or their count) plus the shared counted numbers. */
const totals = (names: AwardNames, recipients: unknown, counted: Record<string, unknown>) => {
  const named = (kind: string) =>
    (Array.isArray(recipients) ? recipients : [])
      .filter(isRecord)
      .filter((item) => item[names.recipientKind] === kind)
      .reduce((sum, item) => sum + (count(item[names.recipientCount]) || 1), 0);
  return {
    collectiveCount: named('collective') + count(counted.countedCollectives),
    individualCount: named('individual') + count(counted.countedIndividuals),
  };
};

/**
 * The stored draft the write lands on. A locale being created has none: its counted numbers (shared) come from
 * another locale, its recipients (localized) only from the call.
 */
const storedDraft = async (strapi: Core.Strapi, call: WriteCall, names: AwardNames) => {
  if (call.action !== 'update' || !call.documentId) return null;
  const find = (locale?: string) =>
    strapi.db.query(names.uid).findOne({
      select: [...COUNTED],
      where: { documentId: call.documentId, publishedAt: null, ...(locale ? { locale } : {}) },
      populate: { [names.recipients]: { select: [names.recipientKind, names.recipientCount] } },
    });
  const own = await find(await service(strapi, 'locales').ofWrite(call.locale));
  return own ?? { ...(await find()), [names.recipients]: [] };
};

/** What the award looks like after this write: the call's fields over the stored ones. */
const mergedRecipients = async (strapi: Core.Strapi, call: WriteCall, names: AwardNames) => {
  const { data } = call;
  const complete = names.recipients in data && COUNTED.every((field) => field in data);
  const stored = complete ? null : await storedDraft(strapi, call, names);
  const pick = (field: string) => (field in data ? data[field] : stored?.[field]);
  return {
    recipients: pick(names.recipients),
    counted: {
      countedCollectives: pick('countedCollectives'),
      countedIndividuals: pick('countedIndividuals'),
    },
  };
};

/**
 * Every version of the document (each locale, draft and published) gets totals from its own recipients and the
 * counted numbers it holds now: a counted number written in one locale is copied by i18n into the others, whose
 * totals would otherwise stay stale. Written in place, as i18n writes the copies, so no version changes status.
 */
const recountEveryVersion = async (strapi: Core.Strapi, documentId: string, names: AwardNames) => {
  const rows: Record<string, unknown>[] = await strapi.db.query(names.uid).findMany({
    select: ['id', 'collectiveCount', 'individualCount', ...COUNTED],
    where: { documentId },
    populate: { [names.recipients]: { select: [names.recipientKind, names.recipientCount] } },
  });
  for (const row of rows) {
    const derived = totals(names, row[names.recipients], row);
    if (
      derived.collectiveCount === row.collectiveCount &&
      derived.individualCount === row.individualCount
    )
      continue;
    await strapi.db.query(names.uid).update({ where: { id: row.id }, data: derived });
  }
};

const documentIdOf = (value: unknown) =>
  isRecord(value) && typeof value.documentId === 'string' ? value.documentId : null;

/**
 * A new locale of an award written without recipients starts with those of the document's other locale: the same
 * units and people (linked in the new locale), with their typed names and positions to translate. A person without
 * a version in that locale is kept as a typed name.
 */
const inheritRecipients = async (strapi: Core.Strapi, call: WriteCall, names: AwardNames) => {
  if (call.action !== 'update' || !call.documentId || names.recipients in call.data) return;
  const locale = await service(strapi, 'locales').ofWrite(call.locale);
  const where = { documentId: call.documentId, publishedAt: null };
  if (await strapi.db.query(names.uid).findOne({ select: ['id'], where: { ...where, locale } }))
    return;
  const { person } = insightsConfig(strapi).commendations;
  const source = await strapi.db.query(names.uid).findOne({
    select: ['id'],
    where: { ...where, locale: await service(strapi, 'locales').defaultLocale() },
    populate: {
      [names.recipients]: {
        populate: {
          [names.recipientUnit]: { select: ['documentId'] },
          [names.recipientPerson]: { select: ['documentId', person.name] },
        },
      },
    },
  });
  const items: unknown[] = Array.isArray(source?.[names.recipients])
    ? source[names.recipients]
    : [];
  call.data[names.recipients] = await Promise.all(
    items.filter(isRecord).map(async (item) => {
      const official = documentIdOf(item[names.recipientPerson]);
      const translated =
        official &&
        (await strapi.db
          .query(person.uid)
          .findOne({ select: ['id'], where: { documentId: official, locale } }));
      const linked = item[names.recipientPerson];
      const personName = isRecord(linked) ? linked[person.name] : undefined;
      return {
        [names.recipientKind]: item[names.recipientKind],
        [names.recipientUnit]: documentIdOf(item[names.recipientUnit]),
        [names.recipientPerson]: translated ? official : null,
        name: official && !translated ? personName : item.name,
        positionText: item.positionText,
      };
    })
  );
};

const documentIdAfter = (params: unknown, result: unknown) => {
  const from = [params, result].find(
    (value) => isRecord(value) && typeof value.documentId === 'string'
  );
  return isRecord(from) ? String(from.documentId) : undefined;
};

/**
 * Award recipients: each well-formed, at least one named or counted. The derived collectiveCount /
 * individualCount (named + counted) are the server's: whatever a call sends there is replaced, in every locale.
 */
export const awardRecipientsRule =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async (ctx, next) => {
    const names = insightsConfig(strapi).commendations.award;
    if (ctx.uid !== names.uid || !SYNCING_ACTIONS.includes(ctx.action)) return next();
    const call = asWriteCall(ctx);
    if (call) {
      await inheritRecipients(strapi, call, names);
      const touched =
        call.action === 'create' ||
        [names.recipients, ...COUNTED].some((field) => field in call.data);
      const merged = await mergedRecipients(strapi, call, names);
      const written = call.data[names.recipients];
      if (Array.isArray(written)) written.forEach(checkRecipient(names));
      const derived = totals(names, merged.recipients, merged.counted);
      if (touched && derived.collectiveCount + derived.individualCount === 0) {
        throw new errors.ValidationError(
          'Khen thưởng cần ít nhất một người/đơn vị được khen: nêu tên, hoặc ghi số tập thể/cá nhân chỉ biết số lượng',
          {
            errors: [
              {
                path: ['recipients'],
                message: 'Chưa có người/đơn vị được khen nào, có tên hay chỉ biết số lượng',
                name: 'ValidationError',
              },
            ],
          }
        );
      }
      Object.assign(call.data, derived);
    }
    // The write and the recount in one transaction (the app's own write transaction, inside, joins it).
    return strapi.db.transaction(async () => {
      const result = await next();
      const documentId = documentIdAfter(ctx.params, result);
      if (documentId) await recountEveryVersion(strapi, documentId, names);
      return result;
    });
  };
