/**
 * The rules of a record (README "How a record counts"), as SQL over the link tables: the database finds the units,
 * relates the awards, counts the totals and sorts and pages, so a request reads one page of rows and a few grouped
 * counts however many awards the record holds. The same text runs on SQLite and PostgreSQL.
 *
 * - The year of an award: its explicit `year`, else the year of its decision date, of the meeting where it was
 *   presented, or the last year of its achievement period.
 * - Its dates: the decision date as precise as it is known (day, month or year), else the meeting's day, else its
 *   whole year. A person is placed in a unit by the positions held on any day of that range.
 * - A unit record covers a set of units (the unit, its sub-tree and the units merged into it, as asked). An award
 *   is in it once, in one direction: `issued` when a unit of the set issued it (it then counts all its recipients),
 *   else `received` when a recipient is in the set.
 * - Recipients in the set: a named collective in the set; a person who held a position in the set on the award's
 *   dates; a count of individuals placed at a unit of the set; a count of collectives placed "among the sub-units
 *   of" a unit of the set, taken in only when the record includes sub-units.
 */
import type { Core, UID } from '@strapi/strapi';

import { insightsConfig } from '../config';
import type { Filters, Sort } from './records';
import { id, join, raw, sql, type Sql } from './sql';
import { columnOf, linkOf, tableOf, targetOf, type Link } from './tables';

type Include = ('descendants' | 'predecessors')[];
type Listing = { sort: Sort; page: number; pageSize: number };

/** Tables and columns behind the configured types and fields (tables.ts), as quoted identifiers. */
const resolve = (strapi: Core.Strapi) => {
  const { award, unit, person } = insightsConfig(strapi).commendations;
  const recipient = targetOf(strapi, award.uid, award.recipients);
  const meeting = targetOf(strapi, award.uid, award.presentedAt);
  const position = targetOf(strapi, person.uid, person.positions);
  const column = (uid: UID.Schema) => (alias: string, field: string) =>
    id(alias, columnOf(strapi, uid, field));
  const link = (uid: UID.Schema, field: string) => {
    const { table, from, to, field: on, order }: Link = linkOf(strapi, uid, field);
    return {
      table: id(table),
      from: (alias: string) => id(alias, from),
      to: (alias: string) => id(alias, to),
      /** A component join table's rows of this field only. */
      on: (alias: string) => (on === undefined ? raw('1 = 1') : sql`${id(alias, 'field')} = ${on}`),
      order: (alias: string) => (order === undefined ? raw('0') : id(alias, order)),
    };
  };
  return {
    awards: id(tableOf(strapi, award.uid)),
    units: id(tableOf(strapi, unit.uid)),
    people: id(tableOf(strapi, person.uid)),
    meetings: id(tableOf(strapi, meeting)),
    recipients: id(tableOf(strapi, recipient)),
    positions: id(tableOf(strapi, position)),
    parent: link(unit.uid, unit.parent),
    successors: link(unit.uid, unit.successors),
    issuer: link(award.uid, award.issuer),
    presentedAt: link(award.uid, award.presentedAt),
    awardRecipients: link(award.uid, award.recipients),
    recipientUnit: link(recipient, award.recipientUnit),
    recipientPerson: link(recipient, award.recipientPerson),
    personPositions: link(person.uid, person.positions),
    positionUnit: link(position, person.positionUnit),
    award: column(award.uid),
    unit: column(unit.uid),
    person: column(person.uid),
    meeting: column(meeting),
    recipient: column(recipient),
    position: column(position),
    names: { award, unit, person },
    /** The content types a record reads (components are written with their documents). */
    types: [award.uid, unit.uid, person.uid, meeting],
  };
};
type Tables = ReturnType<typeof resolve>;

const cache = new WeakMap<Core.Strapi, Tables>();
const tablesOf = (strapi: Core.Strapi) => {
  const tables = cache.get(strapi) ?? resolve(strapi);
  cache.set(strapi, tables);
  return tables;
};

/** The content types whose writes can change a record. */
export const recordTypes = (strapi: Core.Strapi): string[] => tablesOf(strapi).types;

const inList = (values: (string | number)[]) => join(values.map((value) => sql`${value}`));

/** `unit_set(root, unit)`: each root with the units its record covers (document ids), one walk for all roots. */
const unitSetCte = (t: Tables, roots: string[], include: Include) => {
  const edges = [
    // A sub-unit is below its parent; a unit merged into another is below its successor.
    ...(include.includes('descendants') ? [t.parent] : []),
    ...(include.includes('predecessors') ? [t.successors] : []),
  ].map((l) => sql`SELECT ${l.to('l')} AS up, ${l.from('l')} AS down FROM ${l.table} l`);
  const walk =
    edges.length === 0
      ? raw('')
      : sql`UNION SELECT s.root, child.document_id FROM unit_set s
          JOIN ${t.units} up ON up.document_id = s.unit
          JOIN (${join(edges, ' UNION ALL ')}) e ON e.up = up.id
          JOIN ${t.units} child ON child.id = e.down`;
  return sql`unit_set (root, unit) AS (
      SELECT u.document_id, u.document_id FROM ${t.units} u WHERE u.document_id IN (${inList(roots)})
      ${walk})`;
};

/** A unit row of a root's record: the root's index among the roots asked for, and the row's id. */
export type ScopeRow = { root: number; unitId: number };

const wholeRows = (scope: ScopeRow[]) =>
  scope.filter((row) => Number.isSafeInteger(row.root) && Number.isSafeInteger(row.unitId));

/**
 * `scope(root, unit_id)`: the unit rows of each root's record (every locale: link tables hold row ids), as
 * literal rows (whole numbers read from the database).
 */
const scopeCte = (scope: ScopeRow[]) => {
  const rows = wholeRows(scope).map((row) => `(${row.root}, ${row.unitId})`);
  return raw(
    `scope (root, unit_id) AS (${rows.length === 0 ? 'SELECT 0, 0 WHERE 1 = 0' : `VALUES ${rows.join(', ')}`})`
  );
};

/**
 * `column IN (the scope's unit ids)`, as literals beside the join with `scope`: a join with a CTE is planned as
 * a hash join over the whole link table (100,000 rows for a province's 1,500), a literal list as a read of its
 * index.
 */
const inScope = (column: Sql, scope: ScopeRow[]) => {
  const ids = [...new Set(wholeRows(scope).map((row) => row.unitId))];
  return sql`${column} IN (${raw(ids.length === 0 ? 'NULL' : ids.join(', '))})`;
};

/**
 * `award`: the published awards of the locale among `reached(award_id)` that pass the filters, with their year
 * and the first and last day their date may be (`day`, `last_day`; dates compare as 'YYYY-MM-DD' text).
 */
const awardCte = (t: Tables, locale: string, filters: Filters) => {
  const { award } = t.names;
  const text = (column: Sql) => sql`CAST(${column} AS TEXT)`;
  const date = text(t.award('a', award.decisionDate));
  const met = text(t.meeting('m', award.presentedAtDate));
  const precision = t.award('a', award.decisionDatePrecision);
  const known = sql`COALESCE(${date}, ${met})`;
  const year = sql`COALESCE(${t.award('a', award.year)}, CAST(substr(${known}, 1, 4) AS INTEGER),
    ${t.award('a', award.periodEnd)})`;
  // Day 31 bounds every month: dates compare as strings.
  const range = (yearDay: string, monthDay: string) => sql`CASE
      WHEN ${date} IS NOT NULL AND ${precision} = 'year' THEN substr(${date}, 1, 4) || ${yearDay}
      WHEN ${date} IS NOT NULL AND ${precision} = 'month' THEN substr(${date}, 1, 7) || ${monthDay}
      WHEN ${known} IS NOT NULL THEN ${known}
      WHEN ${year} IS NOT NULL THEN CAST(${year} AS TEXT) || ${yearDay} END`;
  const conditions = [
    sql`${t.award('a', 'locale')} = ${locale}`,
    sql`${t.award('a', 'publishedAt')} IS NOT NULL`,
    ...(filters.status === 'all'
      ? []
      : [sql`${t.award('a', award.awardStatus)} = ${filters.status}`]),
    ...(filters.form ? [sql`${t.award('a', award.form)} = ${filters.form}`] : []),
  ];
  const years = [
    ...(filters.from === undefined ? [] : [sql`year >= ${filters.from}`]),
    ...(filters.to === undefined ? [] : [sql`year <= ${filters.to}`]),
  ];
  const l = t.presentedAt;
  return sql`award AS (SELECT * FROM (
      SELECT a.id, a.document_id, ${t.award('a', award.form)} AS form, ${year} AS year,
        ${range('-01-01', '-01')} AS day, ${range('-12-31', '-31')} AS last_day,
        COALESCE(${t.award('a', 'collectiveCount')}, 0) AS collective_count,
        COALESCE(${t.award('a', 'individualCount')}, 0) AS individual_count
      FROM ${t.awards} a
      JOIN reached r ON r.award_id = a.id
      LEFT JOIN ${l.table} lm ON ${l.from('lm')} = a.id
      LEFT JOIN ${t.meetings} m ON m.id = ${l.to('lm')}
      WHERE ${join(conditions, ' AND ')}) dated
    ${years.length === 0 ? raw('') : sql`WHERE ${join(years, ' AND ')}`})`;
};

/**
 * A position `pos` (its person's component row) was held on some day of the award `a`'s dates: it started by their
 * end and did not end before their start. A former position with no end date ended at an unknown time and places
 * nobody at any date; an undated award places people by their current positions only.
 */
const heldDuring = (t: Tables) => {
  const { person } = t.names;
  const start = sql`CAST(${t.position('pos', person.positionStart)} AS TEXT)`;
  const end = sql`CAST(${t.position('pos', person.positionEnd)} AS TEXT)`;
  const current = sql`COALESCE(${t.position('pos', person.positionFormer)}, FALSE) = FALSE`;
  return sql`(CASE WHEN a.day IS NULL THEN ${end} IS NULL AND ${current}
    ELSE (${start} IS NULL OR ${start} <= a.last_day)
      AND (CASE WHEN ${end} IS NOT NULL THEN ${end} >= a.day ELSE ${current} END) END)`;
};

/** The positions of a locale's people: `pos` with its person `o`, order `pc` and unit link `lpu`. */
const positionJoins = (t: Tables, locale: string) => {
  const pp = t.personPositions;
  const pu = t.positionUnit;
  return sql`${t.positions} pos
    JOIN ${pp.table} pc ON ${pp.to('pc')} = pos.id AND ${pp.on('pc')}
    JOIN ${t.people} o ON o.id = ${pp.from('pc')} AND o.locale = ${locale}
    LEFT JOIN ${pu.table} lpu ON ${pu.from('lpu')} = pos.id`;
};

/** The awards' component rows `c` of a recipient (with the recipient's order). */
const componentJoin = (t: Tables, recipientId: Sql) => {
  const c = t.awardRecipients;
  return sql`JOIN ${c.table} c ON ${c.to('c')} = ${recipientId} AND ${c.on('c')}`;
};

type UnitFilters = Filters & { include: Include };

/**
 * `entry`, the end of a record's CTEs: one row per root and award, with what it counts there, how it relates, and
 * the award's own columns that the totals and the order read (from `award a`).
 */
const ENTRY =
  raw(`entry (root, award_id, direction, collectives, individuals, rel_issued, rel_collective,
  rel_member, rel_counted, document_id, form, year, day, collective_count, individual_count)`);
const AWARD_COLUMNS = raw(
  'a.document_id, a.form, a.year, a.day, a.collective_count, a.individual_count'
);

/**
 * The CTEs of the records of units, ending in `entry` (ENTRY).
 * `placed(root, award_id, recipient_id, …)` holds each person recipient with the positions that place them;
 * `receiving(root, award_id, recipient_id, recipient_order, unit_id, unit_count)` each unit of the record that received
 * the award as a collective (`count` null) or where `count` collectives received it (with sub-units only).
 */
export const unitRecordCtes = (
  strapi: Core.Strapi,
  scope: ScopeRow[],
  query: UnitFilters,
  locale: string
) => {
  const t = tablesOf(strapi);
  const { award, person } = t.names;
  const kind = t.recipient('r', award.recipientKind);
  const count = t.recipient('r', award.recipientCount);
  const subUnits = query.include.includes('descendants');
  const ru = t.recipientUnit;
  const rp = t.recipientPerson;
  const c = t.awardRecipients;
  // A number of collectives is among the unit's sub-units: it counts only when the record includes them (read
  // from unit_recipient's own `kind`).
  const countedKinds = raw(subUnits ? '1 = 1' : `r.kind = 'individual'`);
  const countedCollectives = raw(subUnits ? `COALESCE(r.kind, '') <> 'individual'` : '1 = 0');
  return sql`WITH ${scopeCte(scope)},
    issued (root, award_id) AS (
      SELECT s.root, ${t.issuer.from('li')} FROM scope s
      JOIN ${t.issuer.table} li ON ${t.issuer.to('li')} = s.unit_id
        AND ${inScope(t.issuer.to('li'), scope)}),
    unit_recipient (root, award_id, recipient_id, recipient_order, unit_id, kind, count) AS (
      SELECT s.root, ${c.from('c')}, ${ru.from('lu')}, ${c.order('c')}, s.unit_id, ${kind}, ${count}
      FROM scope s
      JOIN ${ru.table} lu ON ${ru.to('lu')} = s.unit_id AND ${inScope(ru.to('lu'), scope)}
      JOIN ${t.recipients} r ON r.id = ${ru.from('lu')}
      ${componentJoin(t, ru.from('lu'))}),
    held (root, person, full_name, position_order, title, unit_id, position_id) AS (
      SELECT s.root, o.document_id, ${t.person('o', person.name)}, ${t.personPositions.order('pc')},
        ${t.position('pos', person.positionTitle)}, s.unit_id, pos.id
      FROM ${positionJoins(t, locale)}
      JOIN scope s ON s.unit_id = ${t.positionUnit.to('lpu')}
        AND ${inScope(t.positionUnit.to('lpu'), scope)}),
    person_recipient (root, award_id, recipient_id, recipient_order, person) AS (
      SELECT DISTINCT h.root, ${c.from('c')}, r.id, ${c.order('c')}, h.person FROM held h
      JOIN ${t.people} ro ON ro.document_id = h.person
      JOIN ${rp.table} lp ON ${rp.to('lp')} = ro.id
      ${componentJoin(t, rp.from('lp'))}
      JOIN ${t.recipients} r ON r.id = ${rp.from('lp')}
      WHERE ${kind} = 'individual'),
    reached (award_id) AS (
      SELECT award_id FROM issued UNION SELECT award_id FROM unit_recipient
      UNION SELECT award_id FROM person_recipient),
    ${awardCte(t, locale, query)},
    placed (root, award_id, recipient_id, recipient_order, person, full_name, position_order, title,
      unit_id) AS (
      SELECT p.root, p.award_id, p.recipient_id, p.recipient_order, h.person, h.full_name,
        h.position_order, h.title, h.unit_id
      FROM person_recipient p
      JOIN award a ON a.id = p.award_id
      JOIN ${t.recipients} r ON r.id = p.recipient_id
      JOIN held h ON h.root = p.root AND h.person = p.person
      JOIN ${t.positions} pos ON pos.id = h.position_id
      WHERE ${heldDuring(t)}
        AND NOT (${count} IS NOT NULL AND EXISTS (SELECT 1 FROM unit_recipient u
          WHERE u.root = p.root AND u.recipient_id = p.recipient_id))),
    contribution (root, award_id, issued, collectives, individuals, collective, placed, counted) AS (
      SELECT i.root, i.award_id, 1, 0, 0, 0, 0, 0 FROM issued i
      UNION ALL
      SELECT r.root, r.award_id, 0,
        CASE WHEN r.count IS NULL THEN 1 WHEN r.kind = 'individual' THEN 0 ELSE r.count END,
        CASE WHEN r.count IS NOT NULL AND r.kind = 'individual' THEN r.count ELSE 0 END,
        CASE WHEN r.count IS NULL THEN 1 ELSE 0 END, 0, CASE WHEN r.count IS NULL THEN 0 ELSE 1 END
      FROM unit_recipient r
      WHERE (r.count IS NULL AND r.kind = 'collective') OR (r.count IS NOT NULL AND ${countedKinds})
      UNION ALL
      SELECT root, award_id, 0, 0, 1, 0, 1, 0
      FROM (SELECT DISTINCT root, award_id, recipient_id FROM placed) people),
    receiving (root, award_id, recipient_id, recipient_order, unit_id, unit_count) AS (
      SELECT r.root, r.award_id, r.recipient_id, r.recipient_order, r.unit_id, r.count
      FROM unit_recipient r
      WHERE (r.count IS NULL AND r.kind = 'collective') OR (r.count IS NOT NULL AND ${countedCollectives})),
    ${ENTRY} AS (
      SELECT x.root, x.award_id, CASE WHEN MAX(x.issued) = 1 THEN 'issued' ELSE 'received' END,
        CASE WHEN MAX(x.issued) = 1 THEN MAX(a.collective_count) ELSE SUM(x.collectives) END,
        CASE WHEN MAX(x.issued) = 1 THEN MAX(a.individual_count) ELSE SUM(x.individuals) END,
        MAX(x.issued), MAX(x.collective), MAX(x.placed), MAX(x.counted), ${AWARD_COLUMNS}
      FROM contribution x JOIN award a ON a.id = x.award_id
      GROUP BY x.root, x.award_id, ${AWARD_COLUMNS})`;
};

/** The CTEs of a person's record, ending in the same `entry`: each award they received, as one individual. */
export const personRecordCtes = (
  strapi: Core.Strapi,
  official: string,
  query: Filters,
  locale: string
) => {
  const t = tablesOf(strapi);
  const rp = t.recipientPerson;
  const c = t.awardRecipients;
  return sql`WITH reached (award_id) AS (
      SELECT DISTINCT ${c.from('c')} FROM ${t.people} ro
      JOIN ${rp.table} lp ON ${rp.to('lp')} = ro.id
      ${componentJoin(t, rp.from('lp'))}
      WHERE ro.document_id = ${official}),
    ${awardCte(t, locale, query)},
    ${ENTRY} AS (
      SELECT ro.document_id, a.id, 'received', 0, 1, 0, 0, 0, 0, ${AWARD_COLUMNS} FROM award a
      JOIN ${t.people} ro ON ro.document_id = ${official} AND ro.locale = ${locale})`;
};

/** The units of each root's record. */
export const unitSets = (strapi: Core.Strapi, roots: string[], include: Include) => {
  const t = tablesOf(strapi);
  return sql`WITH RECURSIVE ${unitSetCte(t, roots, include)}
    SELECT s.root, s.unit, u.id AS unit_id FROM unit_set s JOIN ${t.units} u ON u.document_id = s.unit
    ORDER BY s.root, s.unit, u.id`;
};

/** Per root, direction, form and year: the decisions and recipients (the totals and the report fold these). */
const grouped = raw(`SELECT e.root, e.direction, e.form, e.year, COUNT(*) AS decisions,
    SUM(e.collectives) AS collectives, SUM(e.individuals) AS individuals
  FROM entry e
  GROUP BY e.root, e.direction, e.form, e.year`);

export const groups = (ctes: Sql) => sql`${ctes} ${grouped} ORDER BY root, year, form, direction`;

/** Undated awards last either way; equal days by documentId. */
const orderBy = (sort: Sort, forms: readonly string[]) => {
  const byDate = (direction: 'ASC' | 'DESC') =>
    raw(`CASE WHEN e.day IS NULL THEN 1 ELSE 0 END, e.day ${direction}, e.document_id`);
  // Forms by their rank in the law's list (the schema's order), newest first within a form.
  const rank = sql`CASE e.form ${join(
    forms.map((form, index) => sql`WHEN ${form} THEN ${raw(String(index))}`),
    ' '
  )} ELSE -1 END`;
  const byForm = (direction: 'ASC' | 'DESC') => sql`${rank} ${raw(direction)}, ${byDate('DESC')}`;
  const orders: Record<Sort, Sql> = {
    'date:desc': byDate('DESC'),
    'date:asc': byDate('ASC'),
    'form:asc': byForm('ASC'),
    'form:desc': byForm('DESC'),
  };
  return orders[sort];
};

/** What the answer shows of each award of a page, after what it counts in the record. */
const PAGE_COLUMNS = [
  'root',
  'award_id',
  'direction',
  'collectives',
  'individuals',
  'rel_issued',
  'rel_collective',
  'rel_member',
  'rel_counted',
  'document_id',
  'form',
  'year',
  'day',
  'collective_count',
  'individual_count',
  'title',
  'slug',
  'decision_number',
  'decision_date',
  'decision_date_precision',
  'award_status',
  'issuer_id',
  'issuer_name',
  'row_rank',
  'decisions',
];
const GROUP_COLUMNS = [
  'root',
  'direction',
  'form',
  'year',
  'collectives',
  'individuals',
  'decisions',
];
/** What the answer shows of the people and units of a page's entries (see unitDetails and personDetails). */
const DETAIL_COLUMNS = [
  'root',
  'award_id',
  'recipient_order',
  'recipient_id',
  'position_order',
  'person',
  'full_name',
  'position_title',
  'unit_id',
  'unit_name',
  'unit_count',
];
const COLUMNS = [...new Set([...PAGE_COLUMNS, ...GROUP_COLUMNS, ...DETAIL_COLUMNS])];

/**
 * In one query (the record's CTEs run once): the grouped counts of each root's record (`part` 'group'), one page
 * of it, in order (`part` 'page'), and the details of the page's entries (the parts `details` names; it reads
 * the page as `paged p`).
 */
export const recordQuery = (
  strapi: Core.Strapi,
  ctes: Sql,
  listing: Listing,
  forms: readonly string[],
  details: Sql
) => {
  const t = tablesOf(strapi);
  const { award, unit } = t.names;
  const first = (listing.page - 1) * listing.pageSize;
  const issuer = t.issuer;
  const columns = (names: string[], from: string) =>
    raw(COLUMNS.map((c) => (names.includes(c) ? `${from}.${c}` : `NULL AS ${c}`)).join(', '));
  // Ordered over the record's own columns; the awards' other columns are read for the page's rows only.
  // PostgreSQL types a UNION's columns pair by pair, left to right, and a column NULL in the first two parts
  // becomes text: the parts come in the order that gives each column a type by the second (a page entry is one
  // decision).
  return sql`${ctes},
    grouped AS (${grouped}),
    ordered AS (
      SELECT e.*,
        ROW_NUMBER() OVER (PARTITION BY e.root ORDER BY ${orderBy(listing.sort, forms)}) AS row_rank,
        1 AS decisions
      FROM entry e),
    paged AS (
      SELECT o.*, ${t.award('w', 'title')} AS title, ${t.award('w', 'slug')} AS slug,
        ${t.award('w', 'decisionNumber')} AS decision_number,
        ${t.award('w', award.decisionDate)} AS decision_date,
        ${t.award('w', award.decisionDatePrecision)} AS decision_date_precision,
        ${t.award('w', award.awardStatus)} AS award_status,
        iu.document_id AS issuer_id, ${t.unit('iu', unit.name)} AS issuer_name
      FROM ordered o JOIN ${t.awards} w ON w.id = o.award_id
      LEFT JOIN ${issuer.table} li ON ${issuer.from('li')} = o.award_id
      LEFT JOIN ${t.units} iu ON iu.id = ${issuer.to('li')}
      WHERE o.row_rank > ${first} AND o.row_rank <= ${first + listing.pageSize})
    SELECT d.part, ${columns(DETAIL_COLUMNS, 'd')} FROM (${details}) d
    UNION ALL
    SELECT 'page', ${columns(PAGE_COLUMNS, 'p')} FROM paged p
    UNION ALL
    SELECT 'group', ${columns(GROUP_COLUMNS, 'g')} FROM grouped g
    ORDER BY part, root, row_rank, award_id, recipient_order, position_order, recipient_id, position_title,
      year, form, direction`;
};

/**
 * The details of a unit record's page, by root and award: the people who count in the record, with the positions
 * placing them in the person's order (`part` 'member'), and the record's units that received it as collectives
 * (`part` 'unit'), in the order of the award's recipients.
 */
export const unitDetails = (strapi: Core.Strapi) => {
  const t = tablesOf(strapi);
  const name = t.unit('u', t.names.unit.name);
  return sql`SELECT 'member' AS part, m.root, m.award_id, m.recipient_order, m.recipient_id, m.position_order,
      m.person, m.full_name, m.title AS position_title, u.document_id AS unit_id, ${name} AS unit_name,
      NULL AS unit_count
    FROM placed m JOIN paged p ON p.root = m.root AND p.award_id = m.award_id
    JOIN ${t.units} u ON u.id = m.unit_id
    UNION ALL
    SELECT 'unit', g.root, g.award_id, g.recipient_order, g.recipient_id, 0, NULL, NULL, NULL,
      u.document_id, ${name}, g.unit_count
    FROM receiving g JOIN paged p ON p.root = g.root AND p.award_id = g.award_id
    JOIN ${t.units} u ON u.id = g.unit_id`;
};

/** The details of a person's page (`part` 'position'): every position they held on each award's dates, in their order, with its unit. */
export const personDetails = (strapi: Core.Strapi, official: string, locale: string) => {
  const t = tablesOf(strapi);
  const { person, unit } = t.names;
  return sql`SELECT 'position' AS part, p.root, a.id AS award_id, NULL AS recipient_order, pos.id AS recipient_id,
      ${t.personPositions.order('pc')} AS position_order, NULL AS person, NULL AS full_name,
      ${t.position('pos', person.positionTitle)} AS position_title, u.document_id AS unit_id,
      ${t.unit('u', unit.name)} AS unit_name, NULL AS unit_count
    FROM paged p JOIN award a ON a.id = p.award_id CROSS JOIN ${positionJoins(t, locale)}
    LEFT JOIN ${t.units} u ON u.id = ${t.positionUnit.to('lpu')}
    WHERE o.document_id = ${official} AND ${heldDuring(t)}`;
};
