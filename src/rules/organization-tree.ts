import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import {
  asWriteCall,
  isRecord,
  relationChange,
  toManyAfter,
  toOneAfter,
  type DocumentMiddleware,
  type WriteCall,
} from './document-params';
import { documentRule, WRITE_CALL_ACTIONS } from './document-rule';

const ORGANIZATION = 'api::organization.organization';

/**
 * Links that must never loop back: a unit is not its own ancestor, nor its own (eventual) successor. Each link
 * can be written from either end: `parent` / `successors` on the unit, `children` / `predecessors` on the target.
 * A unit has one parent but any number of successors (`many`).
 */
const LINKS = [
  {
    up: 'parent',
    down: 'children',
    many: false,
    message: 'sẽ khiến đơn vị thành cấp trên của chính nó',
  },
  {
    up: 'successors',
    down: 'predecessors',
    many: true,
    message: 'sẽ khiến đơn vị kế thừa chính nó',
  },
] as const;
type Link = (typeof LINKS)[number];

/** Stands for the unit a create is making: it has no documentId yet, nothing stored points at it, it is never queried. */
const NEW_UNIT = 'the new unit';

const documentIdOf = (value: unknown) =>
  isRecord(value) && typeof value.documentId === 'string' ? value.documentId : null;

/**
 * The `up` targets stored for these units, every locale taken together (relations are per locale in Strapi 5;
 * the shared-relations rule keeps them equal, and the union also catches a locale left behind).
 */
const storedUps = async (strapi: Core.Strapi, link: Link, units: string[]) => {
  const ups = new Map<string, string[]>();
  if (units.length === 0) return ups;
  const rows: Record<string, unknown>[] = await strapi.db.query(ORGANIZATION).findMany({
    select: ['documentId'],
    where: { documentId: { $in: units } },
    populate: { [link.up]: { select: ['documentId'] } },
  });
  for (const row of rows) {
    const value = row[link.up];
    const targets = (Array.isArray(value) ? value : [value]).map(documentIdOf);
    for (const target of targets)
      if (target !== null)
        ups.set(String(row.documentId), [...(ups.get(String(row.documentId)) ?? []), target]);
  }
  return ups;
};

const storedDowns = async (strapi: Core.Strapi, link: Link, unit: string) => {
  const rows = await strapi.db
    .query(ORGANIZATION)
    .findMany({ select: ['documentId'], where: { [link.up]: { documentId: unit } } });
  return [...new Set(rows.map((row) => String(row.documentId)))];
};

/**
 * The `up` links of the units this write changes, unit → its targets after the write. They all touch `self`: its
 * own `up`, and the `up` of each unit it names as `down`; so any loop this write closes goes through `self`.
 */
const writtenUps = async (strapi: Core.Strapi, call: WriteCall, link: Link, self: string) => {
  const ups = new Map<string, string[]>();
  if (link.up in call.data) {
    const current = call.documentId
      ? ((await storedUps(strapi, link, [self])).get(self) ?? [])
      : [];
    const change = await relationChange(strapi, ORGANIZATION, call.data[link.up]);
    const after = link.many
      ? toManyAfter(change, current)
      : [toOneAfter(change, current[0] ?? null)].filter((unit) => unit !== null);
    ups.set(self, after);
  }
  if (link.down in call.data) {
    const current = call.documentId ? await storedDowns(strapi, link, self) : [];
    const after = toManyAfter(
      await relationChange(strapi, ORGANIZATION, call.data[link.down]),
      current
    );
    const touched = [...new Set([...current, ...after])];
    const stored = link.many ? await storedUps(strapi, link, touched) : new Map<string, string[]>();
    for (const unit of touched) {
      const others = (stored.get(unit) ?? []).filter((target) => target !== self);
      ups.set(unit, after.includes(unit) ? [...others, self] : others);
    }
  }
  return ups;
};

/**
 * Walks up from `self` over the graph as it will be after the write, one query per level, with a visited set
 * (no depth cap, and a loop already stored cannot hang it); true when the walk comes back to `self`.
 */
const closesLoop = async (
  strapi: Core.Strapi,
  link: Link,
  self: string,
  written: Map<string, string[]>
) => {
  const seen = new Set<string>();
  let level = [self];
  while (level.length > 0) {
    const stored = await storedUps(
      strapi,
      link,
      level.filter((unit) => !written.has(unit) && unit !== NEW_UNIT)
    );
    const next = level.flatMap((unit) => written.get(unit) ?? stored.get(unit) ?? []);
    if (next.includes(self)) return true;
    level = [...new Set(next.filter((unit) => !seen.has(unit)))];
    level.forEach((unit) => seen.add(unit));
  }
  return false;
};

const loopError = (link: Link, call: WriteCall) => {
  const field = link.up in call.data ? link.up : link.down;
  return new errors.ValidationError(`${field} ${link.message}`, {
    errors: [
      {
        path: [field],
        message: 'Tạo thành vòng lặp: đơn vị không thể là cấp trên hay kế thừa của chính nó',
        name: 'ValidationError',
      },
    ],
  });
};

export const organizationTreeRule = documentRule(
  WRITE_CALL_ACTIONS,
  (strapi: Core.Strapi): DocumentMiddleware =>
    async (ctx, next) => {
      const call = asWriteCall(ctx);
      if (!call || call.uid !== ORGANIZATION) return next();
      const self = call.documentId ?? NEW_UNIT;
      for (const link of LINKS) {
        if (!(link.up in call.data) && !(link.down in call.data)) continue;
        const written = await writtenUps(strapi, call, link, self);
        if (written.size > 0 && (await closesLoop(strapi, link, self, written)))
          throw loopError(link, call);
      }
      return next();
    }
);
