import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { insightsConfig } from '../../config';
import { service } from '../../services';
import { formsOf } from '../model';
import {
  groups,
  personDetails,
  personRecordCtes,
  recordQuery,
  unitDetails,
  unitRecordCtes,
  unitSets,
  type ScopeRow,
} from '../queries';
import {
  paginationOf,
  relationsOf,
  reportRows,
  totalsOf,
  type Direction,
  type Group,
  type Member,
  type ReceivingUnit,
  type Ref,
} from '../records';
import { rowsOf, type Sql } from '../sql';
import type { CommendationQuery } from '../validation';

type Include = CommendationQuery['include'];
type Listing = Pick<CommendationQuery, 'sort' | 'page' | 'pageSize'>;
export type RecordQuery = Omit<CommendationQuery, 'unit' | 'locale'>;
type PersonQuery = Omit<RecordQuery, 'include'>;
type Row = Record<string, unknown>;

const text = (value: unknown) => (typeof value === 'string' ? value : null);
const integer = (value: unknown) =>
  value === null || value === undefined || value === '' ? null : Number(value);
/** PostgreSQL answers counts and sums as text (bigint). */
const number = (value: unknown) => Number(value ?? 0);
const flag = (value: unknown) => number(value) > 0;
const direction = (value: unknown): Direction => (value === 'issued' ? 'issued' : 'received');

/** Adds a value at the end of a key's list (made on first use). */
const append = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/** Rows of a root, in their order, by root. */
const byRoot = <T>(rows: Row[], read: (row: Row) => T) => {
  const map = new Map<string, T[]>();
  for (const row of rows) append(map, String(row.root), read(row));
  return map;
};

/** What an answer shows of an award (a unit's or a person's record). */
const describe = (row: Row) => {
  const issuer = text(row.issuer_id);
  const status = text(row.award_status) ?? '';
  return {
    documentId: String(row.document_id),
    title: text(row.title) ?? '',
    slug: text(row.slug),
    form: text(row.form) ?? '',
    decisionNumber: text(row.decision_number),
    decisionDate: text(row.decision_date),
    decisionDatePrecision: text(row.decision_date_precision) ?? 'day',
    year: integer(row.year),
    /** The award's first possible day (its month's or year's first when only those are known): the date sort key. */
    day: text(row.day),
    awardStatus: status,
    revoked: status === 'revoked',
    issuer: issuer ? { documentId: issuer, name: text(row.issuer_name) ?? '' } : null,
    collectiveCount: number(row.collective_count),
    individualCount: number(row.individual_count),
  };
};

const groupOf = (row: Row): Group => ({
  direction: direction(row.direction),
  form: text(row.form) ?? '',
  year: integer(row.year),
  decisions: number(row.decisions),
  collectives: number(row.collectives),
  individuals: number(row.individuals),
});

/**
 * Relates commendations to units and their people, through the types and fields named in the plugin config
 * (the rules of relating are SQL, in ../queries.ts). A record costs the same few queries whatever the depth of
 * the unit tree, the number of units or awards, and the number of units asked for at once (a GraphQL list).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const names = () => insightsConfig(strapi).commendations;
  const excluded = () => new Set(names().nonCommendationForms);
  const rows = (query: Sql) => rowsOf(strapi, query);

  /**
   * Per root, one page of its record and the grouped counts of all of it, in one query: the page's rows come
   * sorted and cut by the database, with the details of the page's entries (the rows of the other parts).
   */
  const recordsOf = async (ctes: Sql, listing: Listing, details: Sql) => {
    const answer = await rows(recordQuery(strapi, ctes, listing, formsOf(strapi), details));
    const partOf = (row: Row) =>
      row.part === 'group' || row.part === 'page' ? row.part : 'detail';
    const part = (name: string) => answer.filter((row) => partOf(row) === name);
    return {
      counted: byRoot(part('group'), groupOf),
      pageRows: byRoot(part('page'), (row) => row),
      detailRows: part('detail'),
    };
  };

  const recordMeta = (groupsOfRoot: Group[], listing: Listing) => {
    const total = groupsOfRoot.reduce((sum, group) => sum + group.decisions, 0);
    return {
      pagination: paginationOf(total, listing.page, listing.pageSize),
      totals: totalsOf(groupsOfRoot, excluded()),
    };
  };

  /**
   * The units of each root's record (document ids), and their rows as the record's queries name them: by the
   * root's index in `roots` (the queries answer rows by that index).
   */
  const scopesOf = async (roots: string[], include: Include) => {
    const found = await rows(unitSets(strapi, roots, include));
    const sets = byRoot(found, (row) => String(row.unit));
    const scope: ScopeRow[] = found.map((row) => ({
      root: roots.indexOf(String(row.root)),
      unitId: Number(row.unit_id),
    }));
    return { scope, units: (root: string) => [...new Set(sets.get(root) ?? [])] };
  };

  /** Each root's record, all of it counted and grouped, with one page of its entries, and its units. */
  const entriesOf = async (roots: string[], query: RecordQuery, locale: string) => {
    const { scope, units } = await scopesOf(roots, query.include);
    const record = await recordsOf(
      unitRecordCtes(strapi, scope, query, locale),
      query,
      unitDetails(strapi)
    );
    // By root and award, in the order of the award's recipients: the first position placing each person
    // recipient, and the record's units that received it as collectives.
    const membersOf = new Map<string, Member[]>();
    const unitsOfEntry = new Map<string, ReceivingUnit[]>();
    const seen = new Set<string>();
    for (const row of record.detailRows) {
      const key = `${row.root}|${row.award_id}`;
      if (row.part === 'unit') {
        const unit = {
          documentId: String(row.unit_id),
          name: text(row.unit_name) ?? '',
          count: integer(row.unit_count),
        };
        append(unitsOfEntry, key, unit);
        continue;
      }
      const recipient = `${key}|${row.recipient_id}`;
      if (seen.has(recipient)) continue;
      seen.add(recipient);
      const member = {
        official: String(row.person),
        fullName: text(row.full_name) ?? '',
        position: text(row.position_title) ?? '',
        unit: text(row.unit_name) ?? '',
      };
      append(membersOf, key, member);
    }
    const entryOf = (row: Row) => {
      const issued = direction(row.direction) === 'issued';
      return {
        ...describe(row),
        direction: direction(row.direction),
        relations: relationsOf({
          issued,
          collective: flag(row.rel_collective),
          individual_member: flag(row.rel_member),
          counted: flag(row.rel_counted),
        }),
        members: membersOf.get(`${row.root}|${row.award_id}`) ?? [],
        /** Which of the record's units received it as collectives (which sub-unit, when sub-units are in). */
        receivingUnits: unitsOfEntry.get(`${row.root}|${row.award_id}`) ?? [],
        // Issued: every recipient of the decision; received: those in the record's units.
        recipients: { collectives: number(row.collectives), individuals: number(row.individuals) },
      };
    };
    return roots.map((root, index) => ({
      groups: record.counted.get(String(index)) ?? [],
      data: (record.pageRows.get(String(index)) ?? []).map(entryOf),
      units: units(root),
    }));
  };

  /** One page of each root's record (in the order of roots), with totals over all of it, and its units. */
  const forUnits = async (roots: string[], query: RecordQuery, locale: string) =>
    (await entriesOf(roots, query, locale)).map(({ groups: counted, data, units }) => ({
      data,
      meta: { units: units.length, ...recordMeta(counted, query) },
      units,
    }));

  /** A unit's record; its set of units is empty when no unit has that documentId (in any locale). */
  const forExistingUnit = async (query: RecordQuery & { unit: string }, locale: string) => {
    const [record] = await forUnits([query.unit], query, locale);
    if (record.units.length === 0)
      throw new errors.NotFoundError(`No organization "${query.unit}"`);
    return record;
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
      return (await scopesOf([root], include)).units(root);
    },

    async forUnit(query: CommendationQuery, locale: string) {
      const { data, meta } = await forExistingUnit(query, locale);
      return { data, meta };
    },

    /**
     * A person's own record: each commendation they received, with every position (and its unit) they held on its
     * dates; one page of it, with totals by form and year.
     */
    async forPerson(official: string, query: PersonQuery, locale: string) {
      const where = { documentId: official, locale };
      if (!(await strapi.db.query(names().person.uid).findOne({ select: ['id'], where })))
        throw new errors.NotFoundError(`No official "${official}" in locale "${locale}"`);
      const record = await recordsOf(
        personRecordCtes(strapi, official, query, locale),
        query,
        personDetails(strapi, official, locale)
      );
      const positions = new Map<number, { title: string; unit: Ref }[]>();
      for (const row of record.detailRows) {
        const unitId = text(row.unit_id);
        const position = {
          title: text(row.position_title) ?? '',
          unit: unitId ? { documentId: unitId, name: text(row.unit_name) ?? '' } : null,
        };
        const award = Number(row.award_id);
        append(positions, award, position);
      }
      // The person is one individual recipient of each.
      const data = (record.pageRows.get(official) ?? []).map((row) => ({
        ...describe(row),
        direction: direction(row.direction),
        recipients: { collectives: 0, individuals: 1 },
        positions: positions.get(Number(row.award_id)) ?? [],
      }));
      return { data, meta: recordMeta(record.counted.get(official) ?? [], query) };
    },

    /** Received and issued (decisions, recipients, by form), and the views of the unit's articles. */
    async summary(query: CommendationQuery, locale: string) {
      const { meta, units } = await forExistingUnit(query, locale);
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
      const roots = scopes.map((row) => String(row.documentId));
      const { scope } = await scopesOf(roots, include);
      const ctes = unitRecordCtes(strapi, scope, { ...query, include }, locale);
      const counted = byRoot(await rows(groups(ctes)), groupOf);
      return scopes.map((row, index) => ({
        unit: { documentId: String(row.documentId), name: String(row[unit.name] ?? '') },
        rows: reportRows(counted.get(String(index)) ?? [], excluded()),
      }));
    },
  };
};
