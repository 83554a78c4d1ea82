import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { RANK_PERIODS } from './clock';
import { formsOf } from './commendations/model';
import { insightsConfig } from './config';
import { adminOnly } from './input';

/**
 * GET /insights/settings (admin): what the admin panel would otherwise hard-code: the portal clock, the types it
 * shows commendations and translation states on, the award forms (from the award schema) and the trackable types.
 */
const settings = ({ strapi }: { strapi: Core.Strapi }) => ({
  show(ctx: Context) {
    const { utcOffsetMinutes, trackableTypes, commendations, translations } =
      insightsConfig(strapi);
    ctx.body = {
      data: {
        utcOffsetMinutes,
        rankPeriods: RANK_PERIODS,
        trackableTypes,
        translationTypes: translations.types,
        commendations: {
          award: commendations.award.uid,
          unit: commendations.unit.uid,
          person: commendations.person.uid,
          unitName: commendations.unit.name,
          issuerWarning: commendations.award.issuerWarning,
          forms: formsOf(strapi),
        },
      },
    };
  },
});

export default Object.assign(settings, {
  routes: [{ method: 'GET', path: '/settings', handler: 'settings.show', config: adminOnly }],
});
