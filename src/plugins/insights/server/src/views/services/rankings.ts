import type { Core, UID } from '@strapi/strapi';

import type { RankPeriod } from '../../clock';
import type { CommendationQuery } from '../../commendations/validation';
import { service } from '../../services';

export type RankingQuery = {
  type: string;
  period: RankPeriod;
  locale?: string;
  organization?: string;
  /** With organization: also the entries of its sub-units and/or the units merged into it. */
  include: CommendationQuery['include'];
  limit: number;
};

/** Most-viewed lists, for REST, GraphQL and the admin panel alike. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** The published documents of the filter's unit, widened as asked the way a unit's commendations are. */
  const amongUnit = async (
    uid: UID.ContentType,
    locale: string,
    unit: string,
    include: RankingQuery['include']
  ) => {
    const documents = service(strapi, 'documents');
    await documents.assertUnitFilter(uid, unit);
    const units = await service(strapi, 'commendations').unitsOf(unit, include);
    return documents.documentIdsOfUnits(uid, locale, units);
  };

  return {
    async top(query: RankingQuery) {
      const documents = service(strapi, 'documents');
      const uid = documents.contentTypeOf(query.type);
      const locale = await service(strapi, 'locales').resolve(query.locale);
      const among = query.organization
        ? await amongUnit(uid, locale, query.organization, query.include)
        : null;
      // A few more than the limit: ranked documents may since have been unpublished or deleted.
      const ranked = await service(strapi, 'viewStore').ranking(
        uid,
        locale,
        query.period,
        query.limit * 2 + 5,
        among
      );
      const cards = await documents.cards(
        uid,
        query.type,
        locale,
        ranked.map((r) => r.documentId)
      );
      const entries = ranked.flatMap((r) => {
        const card = cards.get(r.documentId);
        return card ? [{ documentId: r.documentId, locale, ...card, views: r.views }] : [];
      });
      return { entries: entries.slice(0, query.limit), locale };
    },
  };
};
