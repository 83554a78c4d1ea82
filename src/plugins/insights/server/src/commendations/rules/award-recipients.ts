import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { insightsConfig, type CommendationsConfig } from '../../config';
import { service } from '../../services';
import { isRecord } from '../../utils';
import { asWriteCall, type DocumentMiddleware, type WriteCall } from './document-calls';

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

type AwardNames = CommendationsConfig['award'];

/** A collective is a unit; an individual is a person in the system or a typed name, never both. */
const checkRecipient = (names: AwardNames) => (item: unknown, index: number) => {
  if (!isRecord(item)) throw recipientError(index, 'must be an object');
  const unit = isLinked(item[names.recipientUnit]);
  const person = isLinked(item[names.recipientPerson]);
  const typed = hasText(item.name);
  const kind = item[names.recipientKind];
  if (kind === 'collective' && (!unit || person || typed)) {
    throw recipientError(index, 'a collective recipient is one organization, with no official or typed name');
  }
  if (kind === 'individual' && (unit || person === typed)) {
    throw recipientError(index, 'an individual recipient is either an official or a typed name, not both and not a unit');
  }
};

const count = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

/** What the award looks like after this write: the call's fields over the stored ones. */
const mergedRecipients = async (strapi: Core.Strapi, call: WriteCall, names: AwardNames) => {
  const { data } = call;
  const needsStored = !(names.recipients in data && 'countedCollectives' in data && 'countedIndividuals' in data);
  const stored =
    needsStored && call.action === 'update' && call.documentId
      ? await strapi.db.query(call.uid).findOne({
          select: ['countedCollectives', 'countedIndividuals'],
          where: { documentId: call.documentId, locale: await service(strapi, 'locales').ofWrite(call.locale), publishedAt: null },
          populate: {
            [names.recipients]: { populate: { [names.recipientUnit]: { select: ['id'] }, [names.recipientPerson]: { select: ['id'] } } },
          },
        })
      : null;
  const pick = (field: string) => (field in data ? data[field] : stored?.[field]);
  const recipients = pick(names.recipients);
  return {
    recipients: Array.isArray(recipients) ? recipients : [],
    fromInput: names.recipients in data,
    countedCollectives: count(pick('countedCollectives')),
    countedIndividuals: count(pick('countedIndividuals')),
  };
};

/**
 * Award recipients: each well-formed, at least one named or counted, and the derived
 * collectiveCount / individualCount (named + counted) written with every change.
 */
export const awardRecipientsRule =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async (ctx, next) => {
    const call = asWriteCall(ctx);
    const names = insightsConfig(strapi).commendations.award;
    if (!call || call.uid !== names.uid) return next();
    const touched = [names.recipients, 'countedCollectives', 'countedIndividuals'].some((field) => field in call.data);
    if (call.action === 'update' && !touched) return next();

    const merged = await mergedRecipients(strapi, call, names);
    if (merged.fromInput) merged.recipients.forEach(checkRecipient(names));
    const named = (kind: string) => merged.recipients.filter((item) => isRecord(item) && item[names.recipientKind] === kind).length;
    const collectiveCount = named('collective') + merged.countedCollectives;
    const individualCount = named('individual') + merged.countedIndividuals;
    if (collectiveCount + individualCount === 0) {
      throw new errors.ValidationError('an award needs at least one recipient, named or counted', {
        errors: [{ path: ['recipients'], message: 'no recipient named or counted', name: 'ValidationError' }],
      });
    }
    call.data.collectiveCount = collectiveCount;
    call.data.individualCount = individualCount;
    return next();
  };
