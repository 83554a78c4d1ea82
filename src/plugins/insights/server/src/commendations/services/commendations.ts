import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { insightsConfig } from '../../config';
import { service } from '../../services';
import { isRecord } from '../../utils';
import { awardReferences } from '../model';
import type { CommendationQuery } from '../validation';

export type Relation = 'issued' | 'collective' | 'individual_member';
type Ref = { documentId: string; name: string } | null;
type PositionRow = { title: string; startDate: string | null; endDate: string | null; unit: Ref };
type PersonRow = { documentId: string; fullName: string; positions: PositionRow[] };
type Recipient = { kind: unknown; person: string | null };
type AwardRow = {
  id: number;
  documentId: string;
  title: string;
  slug: string | null;
  form: string;
  decisionNumber: string | null;
  decisionDate: string | null;
  awardStatus: string;
  collectiveCount: number;
  individualCount: number;
  issuer: Ref;
  presentedOn: string | null;
};
type Filters = Omit<CommendationQuery, 'unit' | 'include'>;
type Member = { official: string; fullName: string; position: string; unit: string };

const text = (value: unknown) => (typeof value === 'string' ? value : null);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const refOf = (value: unknown, name: string): Ref =>
  isRecord(value) && typeof value.documentId === 'string'
    ? { documentId: value.documentId, name: text(value[name]) ?? '' }
    : null;
const heldOn = (position: PositionRow, day: string | null) =>
  !day ||
  ((!position.startDate || position.startDate <= day) &&
    (!position.endDate || position.endDate >= day));

/**
 * Relates commendations to units and their people, through the types and fields named in the plugin config.
 * Query count grows with tree depth, never with units or awards.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const names = () => insightsConfig(strapi).commendations;

  /** Rows of the configured types, read into the shapes below (the database returns them untyped). */
  const read = {
    person(row: unknown): PersonRow | null {
      const { person, unit } = names();
      if (!isRecord(row) || typeof row.documentId !== 'string') return null;
      const positions = list(row[person.positions])
        .filter(isRecord)
        .map((p) => ({
          title: text(p[person.positionTitle]) ?? '',
          startDate: text(p[person.positionStart]),
          endDate: text(p[person.positionEnd]),
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
        awardStatus: text(row[award.awardStatus]) ?? '',
        collectiveCount: Number(row.collectiveCount ?? 0),
        individualCount: Number(row.individualCount ?? 0),
        issuer: refOf(row[award.issuer], unit.name),
        presentedOn: isRecord(presentedAt) ? text(presentedAt[award.presentedAtDate]) : null,
      };
    },
    recipients(row: unknown): Recipient[] {
      const { award } = names();
      if (!isRecord(row)) return [];
      return list(row[award.recipients])
        .filter(isRecord)
        .map((r) => ({
          kind: r[award.recipientKind],
          person: refOf(r[award.recipientPerson], 'documentId')?.documentId ?? null,
        }));
    },
  };
  const present = <T>(value: T | null): value is T => value !== null;

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
    };
  };

  /** The unit plus, as asked, its sub-tree and the units merged into it (and theirs), one query per level. */
  const unitsOf = async (root: string, include: CommendationQuery['include']) => {
    const { unit } = names();
    const units = new Set([root]);
    let frontier = [root];
    while (frontier.length > 0 && include.length > 0) {
      const or: Record<string, unknown>[] = [];
      if (include.includes('descendants'))
        or.push({ [unit.parent]: { documentId: { $in: frontier } } });
      if (include.includes('predecessors'))
        or.push({ [unit.successor]: { documentId: { $in: frontier } } });
      const rows = await strapi.db
        .query(unit.uid)
        .findMany({ select: ['documentId'], where: { $or: or } });
      frontier = [...new Set(rows.map((row) => String(row.documentId)))].filter(
        (id) => !units.has(id)
      );
      frontier.forEach((id) => units.add(id));
    }
    return [...units];
  };

  const matches = (query: Filters, award: AwardRow, year: number | null) =>
    (query.status === 'all' || award.awardStatus === query.status) &&
    (!query.form || award.form === query.form) &&
    (query.from === undefined || (year !== null && year >= query.from)) &&
    (query.to === undefined || (year !== null && year <= query.to));

  const describe = (award: AwardRow, year: number | null) => ({
    documentId: award.documentId,
    title: award.title,
    slug: award.slug,
    form: award.form,
    decisionNumber: award.decisionNumber,
    decisionDate: award.decisionDate,
    year,
    awardStatus: award.awardStatus,
    revoked: award.awardStatus === 'revoked',
    issuer: award.issuer,
    collectiveCount: award.collectiveCount,
    individualCount: award.individualCount,
  });

  const dayOf = (award: AwardRow): string | null => award.decisionDate ?? award.presentedOn;
  const yearOf = (day: string | null) => (day ? Number(day.slice(0, 4)) : null);

  /** Views of the published entries that belong to these units, over every trackable type that has a unit. */
  const unitViews = async (units: string[], locale: string) => {
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

  const assertUnitExists = async (documentId: string) => {
    if (
      !(await strapi.db.query(names().unit.uid).findOne({ select: ['id'], where: { documentId } }))
    ) {
      throw new errors.NotFoundError(`No organization "${documentId}"`);
    }
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

  /**
   * Ids of the published awards related to the units, one query per way of relating (an OR across them makes
   * PostgreSQL scan every award).
   */
  const relatedAwardIds = async (units: string[], people: PersonRow[], locale: string) => {
    const { award } = names();
    const refs = awardReferences(names());
    const ids = async (where: Record<string, unknown>) =>
      new Set<number>(
        (
          await strapi.db.query(award.uid).findMany({
            select: ['id'],
            where: { locale, publishedAt: { $notNull: true }, ...where },
          })
        ).map((row) => Number(row.id))
      );
    const personIds = people.map((p) => p.documentId);
    return {
      issued: await ids(refs.issuedBy(units)),
      collective: await ids(refs.toUnits(units)),
      toPeople: personIds.length > 0 ? await ids(refs.toPeople(personIds)) : new Set<number>(),
    };
  };

  const awardsById = async (ids: number[]) => {
    if (ids.length === 0) return [];
    const rows = await strapi.db
      .query(names().award.uid)
      .findMany({ where: { id: { $in: ids } }, populate: awardPopulate() });
    return rows.map(read.award).filter(present);
  };

  /** Recipients are only needed where a person may have been a member of the unit on the award's date. */
  const recipientsById = async (ids: Set<number>) => {
    const { award, person } = names();
    if (ids.size === 0) return new Map<number, Recipient[]>();
    const rows = await strapi.db.query(award.uid).findMany({
      select: ['id'],
      where: { id: { $in: [...ids] } },
      populate: {
        [award.recipients]: {
          populate: { [award.recipientPerson]: { select: ['documentId', person.name] } },
        },
      },
    });
    return new Map(rows.map((row) => [Number(row.id), read.recipients(row)]));
  };

  /** The recipients of an award who were members of the units (held a position there) on its date. */
  const membersAmong = (
    recipients: Recipient[],
    people: Map<string, PersonRow>,
    units: Set<string>,
    day: string | null
  ) =>
    recipients.flatMap((recipient): Member[] => {
      const person = people.get(recipient.person ?? '');
      const position = person?.positions.find(
        (p) => units.has(p.unit?.documentId ?? '') && heldOn(p, day)
      );
      return recipient.kind === 'individual' && person && position
        ? [
            {
              official: person.documentId,
              fullName: person.fullName,
              position: position.title,
              unit: position.unit?.name ?? '',
            },
          ]
        : [];
    });

  const countBy = <T>(entries: T[], key: (entry: T) => string) =>
    entries.reduce<Record<string, number>>(
      (totals, entry) => ({ ...totals, [key(entry)]: (totals[key(entry)] ?? 0) + 1 }),
      {}
    );

  const forUnit = async (query: CommendationQuery, locale: string) => {
    await assertUnitExists(query.unit);
    const units = await unitsOf(query.unit, query.include);
    const people = await peopleOf(units, locale);
    const { issued, collective, toPeople } = await relatedAwardIds(units, people, locale);
    const awards = await awardsById([...new Set([...issued, ...collective, ...toPeople])]);
    const recipientsOf = await recipientsById(toPeople);
    const byPerson = new Map(people.map((person) => [person.documentId, person]));
    const inUnits = new Set(units);

    const related = awards.flatMap((award) => {
      const day = dayOf(award);
      const members = membersAmong(recipientsOf.get(award.id) ?? [], byPerson, inUnits, day);
      const relations = new Set<Relation>();
      if (issued.has(award.id)) relations.add('issued');
      if (collective.has(award.id)) relations.add('collective');
      if (members.length > 0) relations.add('individual_member');
      const year = yearOf(day);
      return relations.size > 0 && matches(query, award, year)
        ? [{ ...describe(award, year), relations: [...relations], members }]
        : [];
    });
    const totals = {
      byForm: countBy(related, (e) => e.form),
      byYear: countBy(related, (e) => String(e.year ?? 'unknown')),
    };
    return { data: related, meta: { units: units.length, unitIds: units, totals } };
  };

  return {
    /** A person's own record: each commendation with the position and unit they held on its date. */
    async forPerson(official: string, query: Filters, locale: string) {
      const { award, person: personNames } = names();
      const person = read.person(
        await strapi.db.query(personNames.uid).findOne({
          select: ['documentId', personNames.name],
          where: { documentId: official, locale },
          populate: personPopulate(),
        })
      );
      if (!person)
        throw new errors.NotFoundError(`No official "${official}" in locale "${locale}"`);
      const rows = await strapi.db.query(award.uid).findMany({
        where: {
          locale,
          publishedAt: { $notNull: true },
          ...awardReferences(names()).toPeople([official]),
        },
        populate: awardPopulate(),
      });
      return rows
        .map(read.award)
        .filter(present)
        .flatMap((entry) => {
          const day = dayOf(entry);
          const year = yearOf(day);
          const position = person.positions.find((p) => heldOn(p, day));
          return matches(query, entry, year)
            ? [
                {
                  ...describe(entry, year),
                  position: position?.title ?? null,
                  unit: position?.unit ?? null,
                },
              ]
            : [];
        });
    },

    forUnit,

    /** Received by form, issued, and the views of the unit's articles (total and the last 30 days). */
    async summary(query: CommendationQuery, locale: string) {
      const { data, meta } = await forUnit(query, locale);
      const received = data.filter((e) => e.relations.some((relation) => relation !== 'issued'));
      const issued = data.filter((e) => e.relations.includes('issued'));
      const views = await unitViews(meta.unitIds, locale);
      return {
        data: {
          received: { total: received.length, byForm: countBy(received, (e) => e.form) },
          issued: { total: issued.length, byForm: countBy(issued, (e) => e.form) },
          views,
        },
        meta: { units: meta.units },
      };
    },
  };
};
