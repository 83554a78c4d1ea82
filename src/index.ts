import type { Core } from '@strapi/strapi';

import { applyEditorViews } from './bootstrap/content-manager-views';
import { enforceEditorRole } from './bootstrap/editor-role';
import { closeResponseCache, purgeOnSideWrites, purgeOnWriteRule } from './cache';
import { cacheReadLookups } from './cache/lookups';
import { answerUnparsableRequests } from './http/client-errors';
import { absoluteMediaUrlsInGraphql } from './media/urls';
import { ensureLocales } from './bootstrap/locales';
import { ensurePublishedRowIndexes } from './bootstrap/published-row-indexes';
import { enforcePublicPermissions } from './bootstrap/public-permissions';
import { ensureTranslatorRole } from './bootstrap/translator-role';
import { adminLocaleScopeRule } from './rules/admin-locale-scope';
import { articlePublishedDateRule } from './rules/article-published-date';
import { fallbackReadRule } from './rules/fallback-read';
import { localeStatusRule } from './rules/locale-status';
import { registerServedLocale } from './graphql/served-locale';
import { blocksShapeRule } from './rules/blocks-shape';
import { countParamsRule } from './rules/count-params';
import { dateOrderRule } from './rules/date-order';
import { draftDeleteRule } from './rules/draft-delete';
import { organizationTreeRule } from './rules/organization-tree';
import { noNulTextRule } from './rules/no-nul-text';
import { numericFieldsRule } from './rules/numeric-fields';
import { hideLocalizationFiltersInGraphql } from './rules/public-filters';
import { forgetLocales, readScopeRule } from './rules/read-scope';
import { requiredTextRule } from './rules/required-text';
import { sharedRelationsRule } from './rules/shared-relations';
import { slugRule } from './rules/slug';
import { writeTransactionRule } from './rules/write-transaction';
import { registerReadinessRoute } from './outage/readiness';
import { importSeed } from './seed';
import { closeRegistration } from './security/closed-auth';
import { prepareSearch, registerSearchGraphql, searchIndexRule } from './search';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    // Document Service middlewares hold for the admin, REST, GraphQL and scripts alike. The award rules are the
    // insights plugin's (its commendations module registers them, inside these).
    // writeTransactionRule comes first: every later rule runs inside the write's transaction.
    const rules = [
      // Outside the write's transaction: purges the response cache once the write has committed.
      purgeOnWriteRule,
      writeTransactionRule,
      // Inside the write's transaction, after every other rule: the index follows what was stored.
      searchIndexRule,
      // Outside every rule that writes other locales (shared-relations, i18n's own sync), inside the transaction.
      localeStatusRule,
      // Before the read rules: a count reaches them without the page's sort, fields and populate.
      countParamsRule,
      readScopeRule,
      draftDeleteRule,
      // After the locale checks: a read with a fallback becomes a read over both locales.
      fallbackReadRule,
      adminLocaleScopeRule,
      // Input shape before the domain rules: numbers arrive as numbers, text is not blank, bodies are blocks.
      numericFieldsRule,
      noNulTextRule,
      requiredTextRule,
      blocksShapeRule,
      slugRule,
      organizationTreeRule,
      dateOrderRule,
      articlePublishedDateRule,
      sharedRelationsRule,
    ];
    for (const rule of rules) {
      strapi.documents.use(rule(strapi));
    }
    hideLocalizationFiltersInGraphql(strapi);
    registerSearchGraphql(strapi);
    registerServedLocale(strapi);
    absoluteMediaUrlsInGraphql(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    answerUnparsableRequests(strapi.server.httpServer);
    cacheReadLookups(strapi);
    registerReadinessRoute(strapi);
    purgeOnSideWrites(strapi);
    strapi.db.lifecycles.subscribe({
      models: ['plugin::i18n.locale'],
      afterCreate: forgetLocales,
      afterUpdate: forgetLocales,
      afterDelete: forgetLocales,
    });
    await ensureLocales(strapi);
    await ensurePublishedRowIndexes(strapi);
    await prepareSearch(strapi);
    await enforcePublicPermissions(strapi);
    await ensureTranslatorRole(strapi);
    await closeRegistration(strapi);
    await applyEditorViews(strapi);
    await enforceEditorRole(strapi);
    const empty = (await strapi.db.query('api::organization.organization').count()) === 0;
    if (empty && strapi.config.get('seed.onEmptyDatabase', true)) await importSeed(strapi);
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await closeResponseCache(strapi);
  },
};
