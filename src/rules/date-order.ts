import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import {
  asWriteCall,
  isRecord,
  writeLocale,
  type DocumentMiddleware,
  type WriteCall,
} from './document-params';
import { documentRule, WRITE_CALL_ACTIONS } from './document-rule';

type Range = readonly [start: string, end: string];

/** Start/end pairs on each content type (dates or years) that must not run backwards. */
const RANGES: Readonly<Record<string, readonly Range[]>> = {
  'api::organization.organization': [['validFrom', 'validTo']],
  'api::meeting.meeting': [['termStartYear', 'termEndYear']],
  'api::award.award': [['periodStart', 'periodEnd']],
};

/** Repeatable components whose items carry their own range. */
const COMPONENT_RANGES: Readonly<Record<string, { field: string; range: Range }>> = {
  'api::official.official': { field: 'positions', range: ['startDate', 'endDate'] },
};

const present = (value: unknown) => value !== undefined && value !== null && value !== '';

const rangeError = ([start, end]: Range, where: string[]) =>
  new errors.ValidationError(
    `Ngày/năm kết thúc không được trước ngày/năm bắt đầu (${start} ≤ ${end})`,
    {
      errors: [
        {
          path: [...where, end],
          message: 'Không được trước ngày/năm bắt đầu',
          name: 'ValidationError',
        },
      ],
    }
  );

/** Dates as YYYY-MM-DD and years compare correctly as strings of equal shape, numbers as numbers. */
const isBackwards = (start: unknown, end: unknown) =>
  present(start) &&
  present(end) &&
  (typeof start === 'number' ? start > Number(end) : String(start) > String(end));

const storedValues = async (strapi: Core.Strapi, call: WriteCall, fields: string[]) => {
  if (call.action !== 'update' || !call.documentId) return {};
  const locale = await writeLocale(strapi, call);
  return (
    (await strapi.db
      .query(call.uid)
      .findOne({ select: fields, where: { documentId: call.documentId, locale } })) ?? {}
  );
};

export const dateOrderRule = documentRule(
  WRITE_CALL_ACTIONS,
  (strapi: Core.Strapi): DocumentMiddleware =>
    async (ctx, next) => {
      const call = asWriteCall(ctx);
      if (!call) return next();

      const ranges = (RANGES[call.uid] ?? []).filter(
        ([start, end]) => start in call.data || end in call.data
      );
      if (ranges.length > 0) {
        const stored = await storedValues(strapi, call, ranges.flat());
        for (const range of ranges) {
          const [start, end] = range.map((field) =>
            field in call.data ? call.data[field] : stored[field]
          );
          if (isBackwards(start, end)) throw rangeError(range, []);
        }
      }

      const component = COMPONENT_RANGES[call.uid];
      const items = component && call.data[component.field];
      if (component && Array.isArray(items)) {
        items.forEach((item, index) => {
          const [start, end] = component.range;
          if (isRecord(item) && isBackwards(item[start], item[end]))
            throw rangeError(component.range, [component.field, String(index)]);
        });
      }
      return next();
    }
);
