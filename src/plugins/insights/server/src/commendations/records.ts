/**
 * The shapes of a record and the folding of its grouped counts into totals and report rows: pure functions over
 * rows the database has counted (which awards belong to a record and what they count: ./queries.ts).
 */

export type Ref = { documentId: string; name: string } | null;
export type Direction = 'issued' | 'received';
export type Relation = 'issued' | 'collective' | 'individual_member' | 'counted';
export type Member = { official: string; fullName: string; position: string; unit: string };
/** A unit of the record that received an award as a collective, or where `count` collectives received it. */
export type ReceivingUnit = { documentId: string; name: string; count: number | null };
export type Filters = {
  from?: number;
  to?: number;
  form?: string;
  status: 'active' | 'revoked' | 'all';
};
export type Sort = 'date:desc' | 'date:asc' | 'form:asc' | 'form:desc';

/** The decisions of one direction, form and year of a record, and their recipients counted there. */
export type Group = {
  direction: Direction;
  form: string;
  year: number | null;
  decisions: number;
  collectives: number;
  individuals: number;
};

type Tally = { decisions: number; collectives: number; individuals: number };
const emptyTally = (): Tally => ({ decisions: 0, collectives: 0, individuals: 0 });
const add = (tally: Tally, group: Group) => {
  tally.decisions += group.decisions;
  tally.collectives += group.collectives;
  tally.individuals += group.individuals;
};

/**
 * Totals of commendations only (forms in `excluded` are listed but not counted here): per direction the decisions,
 * their recipients and the decisions by form; and all decisions by form and by year.
 */
export const totalsOf = (groups: Group[], excluded: ReadonlySet<string>) => {
  type Side = Tally & { byForm: Record<string, number> };
  const side = (): Side => ({ ...emptyTally(), byForm: {} });
  const sides: Record<Direction, Side> = { received: side(), issued: side() };
  const byForm: Record<string, number> = {};
  const byYear: Record<string, number> = {};
  const bump = (counts: Record<string, number>, key: string, by: number) => {
    counts[key] = (counts[key] ?? 0) + by;
  };
  let notCommendations = 0;
  for (const group of groups) {
    if (excluded.has(group.form)) {
      notCommendations += group.decisions;
      continue;
    }
    add(sides[group.direction], group);
    bump(sides[group.direction].byForm, group.form, group.decisions);
    bump(byForm, group.form, group.decisions);
    bump(byYear, String(group.year ?? 'unknown'), group.decisions);
  }
  return { ...sides, byForm, byYear, notCommendations };
};

/** Report rows: per year, form and direction, the decisions and recipients (commendations only). */
export const reportRows = (groups: Group[], excluded: ReadonlySet<string>) =>
  groups.filter((group) => !excluded.has(group.form));

/** The pagination of a record of `total` entries. */
export const paginationOf = (total: number, page: number, pageSize: number) => ({
  page,
  pageSize,
  pageCount: Math.ceil(total / pageSize),
  total,
});

const RELATIONS: readonly Relation[] = ['issued', 'collective', 'individual_member', 'counted'];
/** An entry's relations, always in this order. */
export const relationsOf = (flags: Record<Relation, boolean>) => RELATIONS.filter((r) => flags[r]);
