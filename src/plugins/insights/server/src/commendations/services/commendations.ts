import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { insightsConfig } from '../../config';
import { service } from '../../services';
import { isRecord } from '../../utils';
import { awardReferences, formsOf } from '../model';
import {
  describe,
  entryOf,
  matches,
  pageOf,
  positionsHeld,
  rangeOf,
  reportRows,
  sortEntries,
  totalsOf,
  type AwardRow,
  type Direction,
  type Entry,
  type Person,
  type Ref,
  type Sortable,
} from '../records';
import type { CommendationQuery } from '../validation';

type Include = CommendationQuery['include'];
type Listing = Pick<CommendationQuery, 'sort' | 'page' | 'pageSize'>;
export type RecordQuery = Omit<CommendationQuery, 'unit' | 'locale'>;
type PersonQuery = Omit<RecordQuery, 'include'>;

const text = (value: unknown) => (typeof value === 'string' ? value : null);
const integer = (value: unknown) =>
  value === null || value === undefined || value === '' ? null : Number(value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const refOf = (value: unknown, name: string): Ref =>
  isRecord(value) && typeof value.documentId === 'string'
    ? { documentId: value.documentId, name: text(value[name]) ?? '' }
    : null;
const present = <T>(value: T | null): value is T => value !== null;

/**
 * Relates commendations to units and their people, through the types and fields named in the plugin config
 * (the rules of relating are in ../records.ts). The number of queries grows with the depth of the unit tree,
 * never with the number of units, awards, or units asked for at once (a GraphQL list asks for many).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const names = () => insightsConfig(strapi).commendations;
  const excluded = () => new Set(names().nonCommendationForms);

  /** Rows of the configured types, read into the shapes of records.ts (the database returns them untyped). */
  const read = {
    person(row: unknown): Person | null {
      const { person, unit } = names();
      if (!isRecord(row) || typeof row.documentId !== 'string') return null;
      const positions = list(row[person.positions])
        .filter(isRecord)
        .map((p) => ({
          title: text(p[person.positionTitle]) ?? '',
          startDate: text(p[person.positionStart]),
          endDate: text(p[person.positionEnd]),
          former: p[person.positionFormer] === true || p[person.positionFormer] === 1,
          unit: refOf(p[person.positionUnit], unit.name),
        }));
      return { documentId: row.documentId, fullName: text(row[person.name]) ?? '', positions };
    },
    award(row: unknown): AwardRow | null {
      const { award, unit } = names();
      if (!isRecord(row) || typeof row.id !== 'number' || typeof row.documentId !== 'string')
        return null;
      const presentedAt = row[award.presentedAt];
      return {
        id: row.id,
        documentId: row.documentId,
        title: text(row.title) ?? '',
        slug: text(row.slug),
        form: text(row[award.form]) ?? '',
        decisionNumber: text(row.decisionNumber),
        decisionDate: text(row[award.decisionDate]),
        decisionDatePrecision: text(row[award.decisionDatePrecision]),
        year: integer(row[award.year]),
        periodEnd: integer(row[award.periodEnd]),
        presentedOn: isRecord(presentedAt) ? text(presentedAt[award.presentedAtDate]) : null,
        awardStatus: text(row[award.awardStatus]) ?? '',
        collectiveCount: Number(row.collectiveCount ?? 0),
        individualCount: Number(row.individualCount ?? 0),
        issuer: refOf(row[award.issuer], unit.name),
        recipients: list(row[award.recipients])
          .filter(isRecord)
          .map((r) => ({
            kind: text(r[award.recipientKind]) ?? '',
            count: integer(r[award.recipientCount]),
            unit: refOf(r[award.recipientUnit], 'documentId')?.documentId ?? null,
            person: refOf(r[award.recipientPerson], 'documentId')?.documentId ?? null,
          })),
      };
    },
  };

  const personPopulate = () => {
    const { person, unit } = names();
    return {
      [person.positions]: {
        populate: { [person.positionUnit]: { select: ['documentId', unit.name] } },
      },
    };
  };
  const awardPopulate = () => {
    const { award, unit } = names();
    return {
      [award.issuer]: { select: ['documentId', unit.name] },
      [award.presentedAt]: { select: ['documentId', award.presentedAtDate] },
      [award.recipients]: {
        populate: {
          [award.recipientUnit]: { select: ['documentId'] },
          [award.recipientPerson]: { select: ['documentId'] },
        },
      },
    };
  };

  /**
   * For each root, the root plus, as asked, its sub-tree and the units merged into it (and theirs): one walk
   * for all roots together, one query per level, then each root's closure in memory.
   */
  const unitSets = async (roots: string[], include: Include) => {
    const { unit } = names();
    const ups = [
      ...(include.includes('descendants') ? [unit.parent] : []),
      ...(include.includes('predecessors') ? [unit.successors] : []),
    ];
    const below = new Map<string, Set<string>>();
    const seen = new Set(roots);
    let frontier = [...seen];
    while (frontier.length > 0 && ups.length > 0) {
      const rows: Record<string, unknown>[] = await strapi.db.query(unit.uid).findMany({
        select: ['documentId'],
        where: { $or: ups.map((up) => ({ [up]: { documentId: { $in: frontier } } })) },
        populate: Object.fromEntries(ups.map((up) => [up, { select: ['documentId'] }])),
      });
      const next: string[] = [];
      for (const row of rows) {
        const self = String(row.documentId);
        const targets = ups.flatMap((up) => {
          const value = row[up];
          return (Array.isArray(value) ? value : [value]).map((v) => refOf(v, 'documentId'));
        });
        for (const target of targets.filter(present)) {
          below.set(target.documentId, (below.get(target.documentId) ?? new Set()).add(self));
        }
        if (!seen.has(self)) next.push(self);
        seen.add(self);
      }
      frontier = next;
    }
    const closure = (root: string) => {
      const units = new Set([root]);
      const stack = [root];
      while (stack.length > 0) {
        for (const unitId of below.get(stack.pop() ?? '') ?? []) {
          if (!units.has(unitId)) stack.push(unitId);
          units.add(unitId);
        }
      }
      return units;
    };
    return new Map(roots.map((root) => [root, closure(root)]));
  };

  /** People who held a position in any of these units, with all their positions. */
  const peopleOf = async (units: string[], locale: string) => {
    const { person } = names();
    const rows = await strapi.db.query(person.uid).findMany({
      select: ['documentId', person.name],
      where: {
        locale,
        [person.positions]: { [person.positionUnit]: { documentId: { $in: units } } },
      },
      populate: personPopulate(),
    });
    return rows.map(read.person).filter(present);
  };

  const publishedAwards = async (where: Record<string, unknown>, locale: string) => {
    const rows = await strapi.db.query(names().award.uid).findMany({
      where: { locale, publishedAt: { $notNull: true }, ...where },
      populate: awardPopulate(),
    });
    return rows.map(read.award).filter(present);
  };

  /**
   * The published awards that may relate to the units, one id query per way of relating (an OR across them makes
   * PostgreSQL scan every award), then their rows.
   */
  const relatedAwards = async (units: string[], people: Person[], locale: string) => {
    const refs = awardReferences(names());
    const ids = async (where: Record<string, unknown>) =>
      (
        await strapi.db.query(names().award.uid).findMany({
          select: ['id'],
          where: { locale, publishedAt: { $notNull: true }, ...where },
        })
      ).map((row) => Number(row.id));
    const personIds = people.map((p) => p.documentId);
    const all = new Set([
      ...(await ids(refs.issuedBy(units))),
      ...(await ids(refs.toUnits(units))),
      ...(personIds.length > 0 ? await ids(refs.toPeople(personIds)) : []),
    ]);
    return all.size === 0 ? [] : publishedAwards({ id: { $in: [...all] } }, locale);
  };

  /** Every entry of each root's record (unsorted, unpaged), with the same queries for one root or many. */
  const entriesOf = async (roots: string[], query: RecordQuery, locale: string) => {
    const sets = await unitSets(roots, query.include);
    const all = [...new Set([...sets.values()].flatMap((units) => [...units]))];
    const people = await peopleOf(all, locale);
    const awards = (await relatedAwards(all, people, locale)).filter((award) =>
      matches(query, award)
    );
    const byPerson = new Map(people.map((person) => [person.documentId, person]));
    const subUnits = query.include.includes('descendants');
    return roots.map((root) => {
      const scope = { units: sets.get(root) ?? new Set([root]), subUnits };
      const entries = awards.map((award) => entryOf(award, scope, byPerson)).filter(present);
      return { entries, units: scope.units };
    });
  };

  const listing = <T extends Sortable>(entries: T[], query: Listing) => {
    const sorted = sortEntries(entries, query.sort, formsOf(strapi));
    return pageOf(sorted, query.page, query.pageSize);
  };

  /** One page of each root's record (in the order of roots), with totals over all of it, and its units. */
  const forUnits = async (roots: string[], query: RecordQuery, locale: string) =>
    (await entriesOf(roots, query, locale)).map(({ entries, units }) => {
      const { data, pagination } = listing(entries, query);
      return {
        data,
        meta: { units: units.size, pagination, totals: totalsOf(entries, excluded()) },
        units: [...units],
      };
    });

  const assertUnitExists = async (documentId: string) => {
    if (
      !(await strapi.db.query(names().unit.uid).findOne({ select: ['id'], where: { documentId } }))
    ) {
      throw new errors.NotFoundError(`No organization "${documentId}"`);
    }
  };

  /** Views of the published entries that belong to these units, over every trackable type that has a unit. */
  const viewsOf = async (units: string[], locale: string) => {
    const documents = service(strapi, 'documents');
    const views = { total: 0, last30Days: 0 };
    for (const uid of documents.unitTypes()) {
      const sums = await service(strapi, 'viewStore').sumViews(
        uid,
        locale,
        await documents.documentIdsOfUnits(uid, locale, units)
      );
      views.total += sums.total;
      views.last30Days += sums.last30Days;
    }
    return views;
  };

  return {
    forUnits,
    viewsOf,

    async forUnit(query: CommendationQuery, locale: string) {
      await assertUnitExists(query.unit);
      const [{ data, meta }] = await forUnits([query.unit], query, locale);
      return { data, meta };
    },

    /**
     * A person's own record: each commendation they received, with every position (and its unit) they held on its
     * dates; one page of it, with totals by form and year.
     */
    async forPerson(official: string, query: PersonQuery, locale: string) {
      const { person: personNames } = names();
      const person = read.person(
        await strapi.db.query(personNames.uid).findOne({
          select: ['documentId', personNames.name],
          where: { documentId: official, locale },
          populate: personPopulate(),
        })
      );
      if (!person)
        throw new errors.NotFoundError(`No official "${official}" in locale "${locale}"`);
      const awards = await publishedAwards(awardReferences(names()).toPeople([official]), locale);
      // The person is one individual recipient of each.
      const direction: Direction = 'received';
      const entries = awards
        .filter((award) => matches(query, award))
        .map((award) => {
          const positions = positionsHeld(person, rangeOf(award)).map((p) => ({
            title: p.title,
            unit: p.unit,
          }));
          return {
            ...describe(award),
            direction,
            recipients: { collectives: 0, individuals: 1 },
            positions,
          };
        });
      const { data, pagination } = listing(entries, query);
      return { data, meta: { pagination, totals: totalsOf(entries, excluded()) } };
    },

    /** Received and issued (decisions, recipients, by form), and the views of the unit's articles. */
    async summary(query: CommendationQuery, locale: string) {
      await assertUnitExists(query.unit);
      const [{ meta, units }] = await forUnits([query.unit], query, locale);
      const { received, issued } = meta.totals;
      return {
        data: {
          received: { total: received.decisions, ...received },
          issued: { total: issued.decisions, ...issued },
          views: await viewsOf(units, locale),
        },
        meta: { units: meta.units },
      };
    },

    /**
     * The annual emulation report: the unit with its whole sub-tree, then each direct sub-unit with its own, by
     * year, form and direction (commendations only).
     */
    async report(query: CommendationQuery, locale: string) {
      const { unit } = names();
      const units = await strapi.db.query(unit.uid).findMany({
        select: ['documentId', unit.name],
        where: {
          locale,
          $or: [{ documentId: query.unit }, { [unit.parent]: { documentId: query.unit } }],
        },
        orderBy: { [unit.name]: 'asc' },
      });
      const root = units.find((row) => row.documentId === query.unit);
      if (!root) throw new errors.NotFoundError(`No organization "${query.unit}"`);
      const scopes = [root, ...units.filter((row) => row !== root)];
      const include: Include = query.include.includes('descendants')
        ? query.include
        : [...query.include, 'descendants'];
      const records = await entriesOf(
        scopes.map((row) => String(row.documentId)),
        { ...query, include },
        locale
      );
      return scopes.map((row, index) => ({
        unit: { documentId: String(row.documentId), name: String(row[unit.name] ?? '') },
        rows: reportRows(records[index].entries, excluded()),
      }));
    },
  };
};
