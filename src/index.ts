import type { Core } from '@strapi/strapi';

import { ensureLocales } from './bootstrap/locales';
import { enforcePublicPermissions } from './bootstrap/public-permissions';
import { articlePublishedDateRule } from './rules/article-published-date';
import { dateOrderRule } from './rules/date-order';
import { organizationTreeRule } from './rules/organization-tree';
import { forgetLocales, readScopeRule } from './rules/read-scope';
import { sharedRelationsRule } from './rules/shared-relations';
import { slugRule } from './rules/slug';
import { importSeed } from './seed';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    // Document Service middlewares hold for the admin, REST, GraphQL and scripts alike. The award rules are the
    // insights plugin's (its commendations module registers them).
    const rules = [
      readScopeRule,
      slugRule,
      organizationTreeRule,
      dateOrderRule,
      articlePublishedDateRule,
      sharedRelationsRule,
    ];
    for (const rule of rules) {
      strapi.documents.use(rule(strapi));
    }
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    strapi.db.lifecycles.subscribe({
      models: ['plugin::i18n.locale'],
      afterCreate: forgetLocales,
      afterUpdate: forgetLocales,
      afterDelete: forgetLocales,
    });
    await ensureLocales(strapi);
    await enforcePublicPermissions(strapi);
    const empty = (await strapi.db.query('api::organization.organization').count()) === 0;
    if (empty && strapi.config.get('seed.onEmptyDatabase', true)) await importSeed(strapi);
  },
};
