/**
 * How an award relates to a unit record and to a person: pure functions over rows the service has read.
 *
 * - The year of an award: its explicit `year`, else the year of its decision date, of the meeting where it was
 *   presented, or the last year of its achievement period.
 * - Its dates: the decision date as precise as it is known (day, month or year), else the meeting's day, else its
 *   whole year. A person is placed in a unit by the positions held on any day of that range.
 * - A unit record covers a set of units (the unit, its sub-tree and the units merged into it, as asked). An award
 *   is in it once, in one direction: `issued` when a unit of the set issued it (its recipients inside the set are
 *   then not counted again as received), else `received` when a recipient is in the set.
 * - Recipients in the set: a named collective in the set; a person who held a position in the set on the award's
 *   dates; a count of individuals placed at a unit of the set; a count of collectives placed "among the sub-units
 *   of" a unit of the set, taken in only when the record includes sub-units.
 */

export type Ref = { documentId: string; name: string } | null;
export type Position = {
  title: string;
  startDate: string | null;
  endDate: string | null;
  former: boolean;
  unit: Ref;
};
export type Person = { documentId: string; fullName: string; positions: Position[] };
export type RecipientRow = {
  kind: string;
  count: number | null;
  unit: Ref;
  person: string | null;
};
export type AwardRow = {
  id: number;
  documentId: string;
  title: string;
  slug: string | null;
  form: string;
  decisionNumber: string | null;
  decisionDate: string | null;
  decisionDatePrecision: string | null;
  year: number | null;
  periodEnd: number | null;
  presentedOn: string | null;
  awardStatus: string;
  collectiveCount: number;
  individualCount: number;
  issuer: Ref;
  recipients: RecipientRow[];
};
export type DayRange = { start: string; end: string };
export type Direction = 'issued' | 'received';
export type Relation = 'issued' | 'collective' | 'individual_member' | 'counted';
export type Member = { official: string; fullName: string; position: string; unit: string };
/** A unit of the record that received an award as a collective, or where `count` collectives received it. */
export type ReceivingUnit = { documentId: string; name: string; count: number | null };
export type Scope = { units: Set<string>; subUnits: boolean };
export type Filters = {
  from?: number;
  to?: number;
  form?: string;
  status: 'active' | 'revoked' | 'all';
};
export type Sort = 'date:desc' | 'date:asc' | 'form:asc' | 'form:desc';

const yearRange = (year: number): DayRange => ({ start: `${year}-01-01`, end: `${year}-12-31` });

/** The days an award's date may be: the decision date to its precision, the meeting's day, or its year. */
export const rangeOf = (award: AwardRow): DayRange | null => {
  const date = award.decisionDate;
  if (date && award.decisionDatePrecision === 'year') return yearRange(Number(date.slice(0, 4)));
  // Day 31 bounds every month: dates compare as strings.
  if (date && award.decisionDatePrecision === 'month')
    return { start: `${date.slice(0, 7)}-01`, end: `${date.slice(0, 7)}-31` };
  const day = date ?? award.presentedOn;
  if (day) return { start: day, end: day };
  const year = yearOf(award);
  return year === null ? null : yearRange(year);
};

/** The year an award is recorded and counted under. */
export const yearOf = (award: AwardRow): number | null => {
  const fromDate = award.decisionDate ?? award.presentedOn;
  return award.year ?? (fromDate ? Number(fromDate.slice(0, 4)) : award.periodEnd);
};

/**
 * A position is held during the range when it started by its end and did not end before its start. A former
 * position with no end date ended at an unknown time: it never places a person at a date (it would count a
 * former chairwoman as a member for ever). An undated award places people by their current positions only.
 */
export const heldDuring = (position: Position, range: DayRange | null) => {
  if (!range) return !position.endDate && !position.former;
  const started = !position.startDate || position.startDate <= range.end;
  const notEnded = position.endDate ? position.endDate >= range.start : !position.former;
  return started && notEnded;
};

export const positionsHeld = (person: Person, range: DayRange | null) =>
  person.positions.filter((position) => heldDuring(position, range));

/** The award's recipients that fall in the record's units, counted (collectives, individuals), and how. */
const receivedIn = (award: AwardRow, scope: Scope, people: Map<string, Person>) => {
  const range = rangeOf(award);
  const relations = new Set<Relation>();
  const members: Member[] = [];
  const units: ReceivingUnit[] = [];
  let collectives = 0;
  let individuals = 0;
  for (const recipient of award.recipients) {
    const unit =
      recipient.unit !== null && scope.units.has(recipient.unit.documentId) ? recipient.unit : null;
    if (recipient.count !== null && unit) {
      if (recipient.kind === 'individual') individuals += recipient.count;
      else if (scope.subUnits) {
        collectives += recipient.count;
        units.push({ ...unit, count: recipient.count });
      } else continue;
      relations.add('counted');
    } else if (recipient.kind === 'collective' && unit) {
      collectives += 1;
      units.push({ ...unit, count: null });
      relations.add('collective');
    } else if (recipient.kind === 'individual' && recipient.person) {
      const person = people.get(recipient.person);
      const position = person
        ? positionsHeld(person, range).find((p) => scope.units.has(p.unit?.documentId ?? ''))
        : undefined;
      if (!person || !position) continue;
      individuals += 1;
      relations.add('individual_member');
      members.push({
        official: person.documentId,
        fullName: person.fullName,
        position: position.title,
        unit: position.unit?.name ?? '',
      });
    }
  }
  return { relations, members, units, collectives, individuals };
};

export const matches = (filters: Filters, award: AwardRow) => {
  const year = yearOf(award);
  return (
    (filters.status === 'all' || award.awardStatus === filters.status) &&
    (!filters.form || award.form === filters.form) &&
    (filters.from === undefined || (year !== null && year >= filters.from)) &&
    (filters.to === undefined || (year !== null && year <= filters.to))
  );
};

export const describe = (award: AwardRow) => ({
  documentId: award.documentId,
  title: award.title,
  slug: award.slug,
  form: award.form,
  decisionNumber: award.decisionNumber,
  decisionDate: award.decisionDate,
  decisionDatePrecision: award.decisionDatePrecision ?? 'day',
  year: yearOf(award),
  /** The award's first possible day (its month's or year's first when only those are known): the date sort key. */
  day: rangeOf(award)?.start ?? null,
  awardStatus: award.awardStatus,
  revoked: award.awardStatus === 'revoked',
  issuer: award.issuer,
  collectiveCount: award.collectiveCount,
  individualCount: award.individualCount,
});

/** One award in one unit record, or null when it does not relate to the record's units. */
export const entryOf = (award: AwardRow, scope: Scope, people: Map<string, Person>) => {
  const received = receivedIn(award, scope, people);
  const issued = award.issuer !== null && scope.units.has(award.issuer.documentId);
  if (!issued && received.relations.size === 0) return null;
  const direction: Direction = issued ? 'issued' : 'received';
  const relations: Relation[] = issued
    ? ['issued', ...received.relations]
    : [...received.relations];
  return {
    ...describe(award),
    direction,
    relations,
    members: received.members,
    /** Which of the record's units received it as collectives (which sub-unit, when sub-units are in). */
    receivingUnits: received.units,
    // Issued: every recipient of the decision; received: those in the record's units.
    recipients: issued
      ? { collectives: award.collectiveCount, individuals: award.individualCount }
      : { collectives: received.collectives, individuals: received.individuals },
  };
};
export type Entry = NonNullable<ReturnType<typeof entryOf>>;
/** What totals and sorting read of an entry (a person's record has the same). */
type Countable = Pick<Entry, 'form' | 'direction' | 'year' | 'recipients'>;
export type Sortable = Pick<Entry, 'form' | 'day' | 'documentId'>;

type Tally = { decisions: number; collectives: number; individuals: number };
const emptyTally = (): Tally => ({ decisions: 0, collectives: 0, individuals: 0 });
const add = (tally: Tally, entry: Countable) => {
  tally.decisions += 1;
  tally.collectives += entry.recipients.collectives;
  tally.individuals += entry.recipients.individuals;
};

/**
 * Totals of commendations only (forms in `excluded` are listed but not counted here): per direction the decisions,
 * their recipients and the decisions by form; and all decisions by form and by year.
 */
export const totalsOf = (entries: Countable[], excluded: ReadonlySet<string>) => {
  const counted = entries.filter((entry) => !excluded.has(entry.form));
  type Side = Tally & { byForm: Record<string, number> };
  const side = (): Side => ({ ...emptyTally(), byForm: {} });
  const sides: Record<Direction, Side> = { received: side(), issued: side() };
  const byForm: Record<string, number> = {};
  const byYear: Record<string, number> = {};
  const bump = (counts: Record<string, number>, key: string) => {
    counts[key] = (counts[key] ?? 0) + 1;
  };
  for (const entry of counted) {
    add(sides[entry.direction], entry);
    bump(sides[entry.direction].byForm, entry.form);
    bump(byForm, entry.form);
    bump(byYear, String(entry.year ?? 'unknown'));
  }
  return { ...sides, byForm, byYear, notCommendations: entries.length - counted.length };
};

/** Report rows: per year, form and direction, the decisions and recipients (commendations only). */
export const reportRows = (entries: Countable[], excluded: ReadonlySet<string>) => {
  const rows = new Map<
    string,
    Tally & { year: number | null; form: string; direction: Direction }
  >();
  for (const entry of entries.filter((e) => !excluded.has(e.form))) {
    const key = `${entry.year}|${entry.form}|${entry.direction}`;
    const row = rows.get(key) ?? {
      year: entry.year,
      form: entry.form,
      direction: entry.direction,
      ...emptyTally(),
    };
    add(row, entry);
    rows.set(key, row);
  }
  return [...rows.values()];
};

export const sortEntries = <T extends Sortable>(
  entries: T[],
  sort: Sort,
  forms: readonly string[]
) => {
  // Undated awards sort last either way.
  const byDate = (a: T, b: T, desc: boolean) => {
    if (a.day === b.day) return a.documentId.localeCompare(b.documentId);
    if (a.day === null) return 1;
    if (b.day === null) return -1;
    return (a.day < b.day ? -1 : 1) * (desc ? -1 : 1);
  };
  // Forms sort by their rank in the law's list (the schema's order), newest first within a form.
  const byForm = (a: T, b: T, desc: boolean) =>
    (forms.indexOf(a.form) - forms.indexOf(b.form)) * (desc ? -1 : 1) || byDate(a, b, true);
  const compare: Record<Sort, (a: T, b: T) => number> = {
    'date:desc': (a, b) => byDate(a, b, true),
    'date:asc': (a, b) => byDate(a, b, false),
    'form:asc': (a, b) => byForm(a, b, false),
    'form:desc': (a, b) => byForm(a, b, true),
  };
  return [...entries].sort(compare[sort]);
};

export const pageOf = <T>(items: T[], page: number, pageSize: number) => ({
  data: items.slice((page - 1) * pageSize, page * pageSize),
  pagination: {
    page,
    pageSize,
    pageCount: Math.ceil(items.length / pageSize),
    total: items.length,
  },
});
