import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import type { CommendationQuery } from '../validation';

const AWARD = 'api::award.award';
const ORGANIZATION = 'api::organization.organization';
const OFFICIAL = 'api::official.official';

export type Relation = 'issued' | 'collective' | 'individual_member';
type Ref = { documentId: string; name?: string; fullName?: string } | null;
type PositionRow = { title: string; startDate: string | null; endDate: string | null; organization: Ref };
type PersonRow = { documentId: string; fullName: string; positions: PositionRow[] };
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
  presentedAt: { startDate: string | null } | null;
  recipients: { kind: string; organization: Ref; official: Ref }[] | null;
};

const docIdOf = (value: Ref) => value?.documentId ?? null;
const heldOn = (position: PositionRow, day: string | null) =>
  !day || ((!position.startDate || position.startDate <= day) && (!position.endDate || position.endDate >= day));

/** Relates commendations to units and their people. Query count grows with tree depth, never with units or awards. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** The unit plus, as asked, its sub-tree and the units merged into it (and theirs), one query per level. */
  const unitsOf = async (root: string, include: CommendationQuery['include']) => {
    const units = new Set([root]);
    let frontier = [root];
    while (frontier.length > 0 && include.length > 0) {
      const or: Record<string, unknown>[] = [];
      if (include.includes('descendants')) or.push({ parent: { documentId: { $in: frontier } } });
      if (include.includes('predecessors')) or.push({ successor: { documentId: { $in: frontier } } });
      const rows = await strapi.db.query(ORGANIZATION).findMany({ select: ['documentId'], where: { $or: or } });
      frontier = [...new Set(rows.map((row) => String(row.documentId)))].filter((id) => !units.has(id));
      frontier.forEach((id) => units.add(id));
    }
    return [...units];
  };

  const matches = (query: Omit<CommendationQuery, 'unit' | 'include'>, award: AwardRow, year: number | null) =>
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
    issuer: award.issuer ? { documentId: award.issuer.documentId, name: award.issuer.name ?? '' } : null,
    collectiveCount: award.collectiveCount,
    individualCount: award.individualCount,
  });

  const dayOf = (award: AwardRow): string | null => award.decisionDate ?? award.presentedAt?.startDate ?? null;
  const AWARD_POPULATE = {
    issuer: { select: ['documentId', 'name'] },
    presentedAt: { select: ['documentId', 'startDate'] },
    recipients: { populate: { organization: { select: ['documentId', 'name'] }, official: { select: ['documentId', 'fullName'] } } },
  };

  /** Views of the published entries that belong to these units, over every trackable type that has a unit. */
  const unitViews = async (units: string[], locale: string) => {
    const documents = strapi.plugin('insights').service('documents');
    const views = { total: 0, last30Days: 0 };
    for (const uid of documents.unitTypes()) {
      const sums: typeof views = await strapi.plugin('insights').service('viewStore').sumViews(uid, locale, await documents.documentIdsOfUnits(uid, locale, units));
      views.total += sums.total;
      views.last30Days += sums.last30Days;
    }
    return views;
  };

  const forUnit = async (query: CommendationQuery, locale: string) => {
    if (!(await strapi.db.query(ORGANIZATION).findOne({ select: ['id'], where: { documentId: query.unit } }))) {
      throw new errors.NotFoundError(`No organization "${query.unit}"`);
    }
    const units = await unitsOf(query.unit, query.include);
    const people: PersonRow[] = await strapi.db.query(OFFICIAL).findMany({
      select: ['documentId', 'fullName'],
      where: { locale, positions: { organization: { documentId: { $in: units } } } },
      populate: { positions: { populate: { organization: { select: ['documentId', 'name'] } } } },
    });
    // One query per way of relating (an OR across them makes PostgreSQL scan every award), then one for the awards.
    const awardIds = async (where: Record<string, unknown>) =>
      (await strapi.db.query(AWARD).findMany({ select: ['id'], where: { locale, publishedAt: { $notNull: true }, ...where } })).map((row) => row.id);
    const personIds = people.map((p) => p.documentId);
    const issued = new Set(await awardIds({ issuer: { documentId: { $in: units } } }));
    const collective = new Set(await awardIds({ recipients: { organization: { documentId: { $in: units } } } }));
    const toPeople = new Set(personIds.length > 0 ? await awardIds({ recipients: { official: { documentId: { $in: personIds } } } }) : []);
    const ids = [...new Set([...issued, ...collective, ...toPeople])];
    const awards: AwardRow[] =
      ids.length > 0 ? await strapi.db.query(AWARD).findMany({ where: { id: { $in: ids } }, populate: { issuer: AWARD_POPULATE.issuer, presentedAt: AWARD_POPULATE.presentedAt } }) : [];
    // Recipients are only needed where a person may have been a member of the unit on the award's date.
    const recipientsOf = new Map<number, AwardRow['recipients']>(
      toPeople.size > 0
        ? (
            await strapi.db.query(AWARD).findMany({
              select: ['id'],
              where: { id: { $in: [...toPeople] } },
              populate: { recipients: { populate: { official: { select: ['documentId', 'fullName'] } } } },
            })
          ).map((row: { id: number; recipients: AwardRow['recipients'] }) => [row.id, row.recipients])
        : []
    );
    const byPerson = new Map(people.map((person) => [String(person.documentId), person]));

    const inUnits = new Set(units);
    const related = awards.flatMap((award) => {
      const day = dayOf(award);
      const relations = new Set<Relation>();
      const members: { official: string; fullName: string; position: string; unit: string }[] = [];
      if (issued.has(award.id)) relations.add('issued');
      if (collective.has(award.id)) relations.add('collective');
      for (const recipient of recipientsOf.get(award.id) ?? []) {
        const person = byPerson.get(docIdOf(recipient.official) ?? '');
        const position = person?.positions?.find((p) => inUnits.has(docIdOf(p.organization) ?? '') && heldOn(p, day));
        if (recipient.kind === 'individual' && person && position) {
          relations.add('individual_member');
          members.push({ official: person.documentId, fullName: person.fullName, position: position.title, unit: position.organization?.name ?? '' });
        }
      }
      const year = day ? Number(day.slice(0, 4)) : null;
      return relations.size > 0 && matches(query, award, year) ? [{ ...describe(award, year), relations: [...relations], members }] : [];
    });
    const count = (key: (entry: (typeof related)[number]) => string) =>
      related.reduce<Record<string, number>>((totals, entry) => ({ ...totals, [key(entry)]: (totals[key(entry)] ?? 0) + 1 }), {});
    return { data: related, meta: { units: units.length, unitIds: units, totals: { byForm: count((e) => e.form), byYear: count((e) => String(e.year ?? 'unknown')) } } };
  };

  return {
    /** A person's own record: each commendation with the position and unit they held on its date. */
    async forPerson(official: string, query: Omit<CommendationQuery, 'unit' | 'include'>, locale: string) {
      const person: PersonRow | null = await strapi.db.query(OFFICIAL).findOne({
        select: ['documentId', 'fullName'],
        where: { documentId: official, locale },
        populate: { positions: { populate: { organization: { select: ['documentId', 'name'] } } } },
      });
      if (!person) throw new errors.NotFoundError(`No official "${official}" in locale "${locale}"`);
      const awards: AwardRow[] = await strapi.db.query(AWARD).findMany({
        where: { locale, publishedAt: { $notNull: true }, recipients: { official: { documentId: official } } },
        populate: AWARD_POPULATE,
      });
      return awards.flatMap((award) => {
        const day = dayOf(award);
        const year = day ? Number(day.slice(0, 4)) : null;
        const position = person.positions?.find((p) => heldOn(p, day));
        return matches(query, award, year)
          ? [{ ...describe(award, year), position: position?.title ?? null, unit: position?.organization ? { documentId: position.organization.documentId, name: position.organization.name ?? '' } : null }]
          : [];
      });
    },

    forUnit,

    /** Received by form, issued, and the views of the unit's articles (total and the last 30 days). */
    async summary(query: CommendationQuery, locale: string) {
      const { data, meta } = await forUnit(query, locale);
      const byForm = (entries: typeof data) => entries.reduce<Record<string, number>>((totals, e) => ({ ...totals, [e.form]: (totals[e.form] ?? 0) + 1 }), {});
      const received = data.filter((e) => e.relations.some((relation) => relation !== 'issued'));
      const issued = data.filter((e) => e.relations.includes('issued'));
      const views = await unitViews(meta.unitIds, locale);
      return {
        data: {
          received: { total: received.length, byForm: byForm(received) },
          issued: { total: issued.length, byForm: byForm(issued) },
          views,
        },
        meta: { units: meta.units },
      };
    },
  };
};
