import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { insightsConfig } from '../../config';
import { service } from '../../services';
import { isRecord } from '../../utils';
import { formsOf } from '../model';
import { columnOf, linkOf, tableOf, targetOf } from '../tables';
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
  type RecipientRow,
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
    award(row: Record<string, unknown>, recipients: RecipientRow[]): AwardRow {
      const issuer = text(row.issuerId);
      return {
        id: Number(row.id),
        documentId: String(row.documentId),
        title: text(row.title) ?? '',
        slug: text(row.slug),
        form: text(row.form) ?? '',
        decisionNumber: text(row.decisionNumber),
        decisionDate: text(row.decisionDate),
        decisionDatePrecision: text(row.decisionDatePrecision),
        year: integer(row.year),
        periodEnd: integer(row.periodEnd),
        presentedOn: text(row.presentedOn),
        awardStatus: text(row.awardStatus) ?? '',
        collectiveCount: Number(row.collectiveCount ?? 0),
        individualCount: Number(row.individualCount ?? 0),
        issuer: issuer ? { documentId: issuer, name: text(row.issuerName) ?? '' } : null,
        recipients,
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

  /** Names of the tables and columns the record reads (tables.ts), resolved once. */
  const resolveTables = () => {
    const { award, unit, person } = names();
    const recipient = targetOf(strapi, award.uid, award.recipients);
    const meeting = targetOf(strapi, award.uid, award.presentedAt);
    const column = (uid: UID.Schema) => (field: string) => columnOf(strapi, uid, field);
    return {
      awards: tableOf(strapi, award.uid),
      units: tableOf(strapi, unit.uid),
      people: tableOf(strapi, person.uid),
      meetings: tableOf(strapi, meeting),
      recipients: tableOf(strapi, recipient),
      issuer: linkOf(strapi, award.uid, award.issuer),
      presentedAt: linkOf(strapi, award.uid, award.presentedAt),
      components: linkOf(strapi, award.uid, award.recipients),
      recipientUnit: linkOf(strapi, recipient, award.recipientUnit),
      recipientPerson: linkOf(strapi, recipient, award.recipientPerson),
      award: column(award.uid),
      unit: column(unit.uid),
      meeting: column(meeting),
      recipient: column(recipient),
    };
  };
  let tables: ReturnType<typeof resolveTables> | undefined;
  const sql = () => (tables ??= resolveTables());
  const knex = () => strapi.db.connection;
  type Query = ReturnType<ReturnType<typeof knex>>;

  /** Row ids of documents (every locale): the link tables hold row ids. */
  const rowIds = async (table: string, documentIds: string[]) =>
    documentIds.length === 0
      ? []
      : (await knex()(table).whereIn('document_id', documentIds).select('id')).map(
          (row: { id: unknown }) => Number(row.id)
        );

  /** A subquery: the ids of the published awards of a locale that a join reaches. */
  const awardIdsThrough = (locale: string, join: (query: Query) => unknown) => {
    const t = sql();
    const query = knex()(`${t.awards} as a`)
      .where(`a.${t.award('locale')}`, locale)
      .whereNotNull(`a.${t.award('publishedAt')}`)
      .select('a.id');
    join(query);
    return query;
  };
  const issuedBy = (locale: string, units: number[]) =>
    awardIdsThrough(locale, (query) => {
      const { issuer } = sql();
      query
        .join(`${issuer.table} as l`, `l.${issuer.from}`, 'a.id')
        .whereIn(`l.${issuer.to}`, units);
    });
  const givenTo = (
    locale: string,
    recipientLink: 'recipientUnit' | 'recipientPerson',
    ids: number[]
  ) =>
    awardIdsThrough(locale, (query) => {
      const { components } = sql();
      const link = sql()[recipientLink];
      query
        .join(`${components.table} as c`, `c.${components.from}`, 'a.id')
        .where('c.field', components.field ?? '')
        .join(`${link.table} as l`, `l.${link.from}`, `c.${components.to}`)
        .whereIn(`l.${link.to}`, ids);
    });

  /** The rows of the awards a subquery selects, with their issuer, meeting date and recipients. */
  const awardRows = async (selected: Query) => {
    // One round trip for the ids: as a subquery of both reads below, PostgreSQL ran the union twice.
    const ids = (await selected).map((row: { id: unknown }) => Number(row.id));
    if (ids.length === 0) return [];
    const t = sql();
    const { award, unit } = names();
    const rows: Record<string, unknown>[] = await knex()(`${t.awards} as a`)
      .leftJoin(`${t.issuer.table} as li`, `li.${t.issuer.from}`, 'a.id')
      .leftJoin(`${t.units} as iu`, 'iu.id', `li.${t.issuer.to}`)
      .leftJoin(`${t.presentedAt.table} as lm`, `lm.${t.presentedAt.from}`, 'a.id')
      .leftJoin(`${t.meetings} as m`, 'm.id', `lm.${t.presentedAt.to}`)
      .whereIn('a.id', ids)
      .select({
        id: 'a.id',
        documentId: 'a.document_id',
        title: `a.${t.award('title')}`,
        slug: `a.${t.award('slug')}`,
        decisionNumber: `a.${t.award('decisionNumber')}`,
        form: `a.${t.award(award.form)}`,
        decisionDate: `a.${t.award(award.decisionDate)}`,
        decisionDatePrecision: `a.${t.award(award.decisionDatePrecision)}`,
        year: `a.${t.award(award.year)}`,
        periodEnd: `a.${t.award(award.periodEnd)}`,
        awardStatus: `a.${t.award(award.awardStatus)}`,
        collectiveCount: `a.${t.award('collectiveCount')}`,
        individualCount: `a.${t.award('individualCount')}`,
        issuerId: 'iu.document_id',
        issuerName: `iu.${t.unit(unit.name)}`,
        presentedOn: `m.${t.meeting(award.presentedAtDate)}`,
      });
    const recipients: Record<string, unknown>[] = await knex()(`${t.components.table} as c`)
      .join(`${t.recipients} as r`, 'r.id', `c.${t.components.to}`)
      .leftJoin(`${t.recipientUnit.table} as lu`, `lu.${t.recipientUnit.from}`, 'r.id')
      .leftJoin(`${t.units} as u`, 'u.id', `lu.${t.recipientUnit.to}`)
      .leftJoin(`${t.recipientPerson.table} as lp`, `lp.${t.recipientPerson.from}`, 'r.id')
      .leftJoin(`${t.people} as p`, 'p.id', `lp.${t.recipientPerson.to}`)
      .where('c.field', t.components.field ?? '')
      .whereIn(`c.${t.components.from}`, ids)
      .select({
        awardId: `c.${t.components.from}`,
        kind: `r.${t.recipient(award.recipientKind)}`,
        count: `r.${t.recipient(award.recipientCount)}`,
        unit: 'u.document_id',
        unitName: `u.${t.unit(unit.name)}`,
        person: 'p.document_id',
      });
    const byAward = new Map<number, RecipientRow[]>();
    for (const r of recipients) {
      const id = Number(r.awardId);
      const recipient = {
        kind: text(r.kind) ?? '',
        count: integer(r.count),
        unit: refOf({ documentId: r.unit, name: r.unitName }, 'name'),
        person: text(r.person),
      };
      byAward.set(id, [...(byAward.get(id) ?? []), recipient]);
    }
    return rows.map((row) => read.award(row, byAward.get(Number(row.id)) ?? []));
  };

  /**
   * The published awards that may relate to the units or their people: issued by a unit, given to a unit, given
   * to a person, as one union query.
   */
  const relatedAwards = async (units: string[], people: Person[], locale: string) => {
    const t = sql();
    const unitIds = await rowIds(t.units, units);
    const personIds = await rowIds(
      t.people,
      people.map((p) => p.documentId)
    );
    // An empty IN list matches nothing: the union keeps its shape whatever the lists hold.
    return awardRows(
      issuedBy(locale, unitIds)
        .union(givenTo(locale, 'recipientUnit', unitIds))
        .union(givenTo(locale, 'recipientPerson', personIds))
    );
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

    /** The unit and, as asked, its sub-tree and the units merged into it (a ranking's unit filter). */
    async unitsOf(root: string, include: Include) {
      return [...((await unitSets([root], include)).get(root) ?? [root])];
    },

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
      const personRows = await rowIds(sql().people, [official]);
      const awards = await awardRows(givenTo(locale, 'recipientPerson', personRows));
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
