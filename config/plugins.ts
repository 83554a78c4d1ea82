import path from 'node:path';
import type { Core } from '@strapi/strapi';
import proxyaddr from 'proxy-addr';

import { uploadedFileServing } from '../src/media/files';
import { absoluteUrl } from '../src/media/urls';
import { clientErrorStatusPlugin } from '../src/graphql/error-status';
import { filterOperandsPlugin } from '../src/graphql/filter-operands';
import { formatGraphqlError } from '../src/graphql/format-error';
import { graphqlValidationRules, queryCostPlugin } from '../src/security/graphql-limits';
import { redisUrl } from './cache';
import { boolean, integer, list, text, url } from './lib/settings';

/** proxy-addr throws on a value it cannot trust-match; checked here so a typo stops the start, not every hit. */
const isProxyTrustValue = (item: string) => {
  try {
    proxyaddr.compile([item]);
    return true;
  } catch {
    return false;
  }
};

/** The app's types and fields the insights plugin relates commendations through (its only knowledge of them). */
const commendations = {
  award: {
    uid: 'api::award.award',
    issuer: 'issuer',
    presenter: 'presenter',
    presentedAt: 'presentedAt',
    presentedAtDate: 'startDate',
    recipients: 'recipients',
    recipientKind: 'kind',
    recipientUnit: 'organization',
    recipientPerson: 'official',
    recipientCount: 'count',
    recipientName: 'name',
    decisionDate: 'decisionDate',
    decisionDatePrecision: 'decisionDatePrecision',
    year: 'year',
    periodEnd: 'periodEnd',
    form: 'form',
    awardStatus: 'awardStatus',
    issuerWarning: 'issuerWarning',
  },
  unit: {
    uid: 'api::organization.organization',
    name: 'name',
    parent: 'parent',
    successors: 'successors',
    level: 'level',
    kind: 'kind',
  },
  person: {
    uid: 'api::official.official',
    name: 'fullName',
    positions: 'positions',
    positionTitle: 'title',
    positionUnit: 'organization',
    positionStart: 'startDate',
    positionEnd: 'endDate',
    positionFormer: 'former',
  },
  /**
   * Forms that are not commendations (Luật Thi đua, khen thưởng 2022 lists Huân chương … Giấy khen; a Giấy chứng
   * nhận of participation or of a contest prize is reported beside them): listed in records, kept out of totals.
   */
  nonCommendationForms: ['recognition_certificate'],
  /** Labels of the forms in reports (CSV, print view), in the order of the law's list. */
  formLabels: {
    order: 'Huân chương',
    medal: 'Huy chương',
    state_honorary_title: 'Danh hiệu vinh dự Nhà nước',
    prize: 'Giải thưởng Hồ Chí Minh, Giải thưởng Nhà nước',
    commemorative_medal: 'Kỷ niệm chương',
    emulation_flag: 'Cờ thi đua',
    emulation_title: 'Danh hiệu thi đua',
    certificate_of_merit: 'Bằng khen',
    certificate_of_commendation: 'Giấy khen',
    recognition_certificate: 'Giấy chứng nhận (không phải khen thưởng)',
    other: 'Hình thức khác',
  },
  /**
   * Who normally issues each commendation form (Luật Thi đua, khen thưởng 2022). An award whose issuer's level or
   * kind is not listed gets a warning an editor sees (`issuerWarning`), not a refusal: real decisions vary.
   */
  issuerRules: {
    // Bằng khen: Prime Minister, ministries, provinces, central mass organisations, provincial union standing committees.
    certificate_of_merit: {
      label: 'Bằng khen',
      levels: ['central', 'province'],
      kinds: ['womens_union', 'government', 'party_committee', 'fatherland_front'],
    },
    // Giấy khen: district and commune level, and heads of units (provincial departments among them).
    certificate_of_commendation: {
      label: 'Giấy khen',
      levels: ['province', 'district', 'commune'],
      kinds: ['womens_union', 'government', 'party_committee', 'fatherland_front', 'bank', 'other'],
    },
    // Huân chương, Huy chương, danh hiệu vinh dự Nhà nước, Giải thưởng HCM / Nhà nước: the State President only.
    order: { label: 'Huân chương', levels: ['central'], kinds: ['government'] },
    medal: { label: 'Huy chương', levels: ['central'], kinds: ['government'] },
    state_honorary_title: {
      label: 'Danh hiệu vinh dự Nhà nước',
      levels: ['central'],
      kinds: ['government'],
    },
    prize: {
      label: 'Giải thưởng Hồ Chí Minh, Giải thưởng Nhà nước',
      levels: ['central'],
      kinds: ['government'],
    },
    // Kỷ niệm chương "Vì sự phát triển của Phụ nữ Việt Nam": the central union.
    commemorative_medal: { label: 'Kỷ niệm chương', levels: ['central'], kinds: ['womens_union'] },
    // Cờ thi đua: the Government, ministries, provinces, central organisations.
    emulation_flag: {
      label: 'Cờ thi đua',
      levels: ['central', 'province'],
      kinds: ['womens_union', 'government', 'party_committee', 'fatherland_front'],
    },
  },
};

/** The insights plugin's settings from the environment (exported for its test). */
export const insightsConfig = () => {
  const dedupWindowMinutes = integer('INSIGHTS_DEDUP_WINDOW_MINUTES', 30, 1, 24 * 60);
  const publicUrl = url('PUBLIC_URL', '');
  return {
    trackableTypes: {
      article: 'api::article.article',
      // meeting: 'api::meeting.meeting',
    },
    // What a "most viewed" entry shows beside its views, per trackable type; the unit is the type's `organization`
    // (unitField), shown with its name (commendations.unit.name) and this slug field.
    rankingCard: {
      fields: {
        article: { title: 'title', slug: 'slug', publishedDate: 'publishedDate', cover: 'cover' },
        // meeting: { title: 'title', slug: 'slug', publishedDate: 'startDate', cover: 'cover' },
      },
      unitSlug: 'slug',
      // Covers carry media URLs as content-type answers do: absolute with PUBLIC_URL (src/media/urls.ts).
      mediaUrl: (path: string) => absoluteUrl(publicUrl, path),
    },
    // Vietnam time: day, week, month and year buckets follow the portal's clock.
    utcOffsetMinutes: 7 * 60,
    commendations,
    // Translation states (missing / outdated / current) are followed for these types; slugs are made per locale.
    translations: {
      types: {
        article: 'api::article.article',
        award: 'api::award.award',
        meeting: 'api::meeting.meeting',
        official: 'api::official.official',
        organization: 'api::organization.organization',
      },
      ignoredFields: ['slug'],
    },
    dedupWindowMinutes,
    trustedProxies: list('INSIGHTS_TRUSTED_PROXIES', [], {
      expected: 'IP addresses, CIDR ranges, or loopback / linklocal / uniquelocal',
      valid: isProxyTrustValue,
    }),
    rateLimit: {
      windowSeconds: integer('INSIGHTS_RATE_LIMIT_WINDOW_SECONDS', 60, 1, 24 * 3600),
      maxHits: integer('INSIGHTS_RATE_LIMIT_MAX_HITS', 60, 1),
    },
    // One client IP, whatever user agents it sends. Defaults sized for a NAT'd school or office: 300 readers of
    // one article per de-dup window, 1200 hits a minute in all (20 a second).
    redisUrl: redisUrl(),
    ipLimit: {
      perDocument: {
        windowSeconds: integer(
          'INSIGHTS_IP_DOCUMENT_WINDOW_SECONDS',
          60 * dedupWindowMinutes,
          1,
          24 * 3600
        ),
        maxHits: integer('INSIGHTS_IP_DOCUMENT_MAX_HITS', 300, 1),
      },
      overall: {
        windowSeconds: integer('INSIGHTS_IP_WINDOW_SECONDS', 60, 1, 24 * 3600),
        maxHits: integer('INSIGHTS_IP_MAX_HITS', 1200, 1),
      },
    },
  };
};

/** GraphQL page sizes, and the caps on one operation (src/security/graphql-limits.ts). */
const graphqlLimits = () => ({
  defaultLimit: 25,
  maxLimit: 100,
  maxAliases: integer('GRAPHQL_MAX_ALIASES', 15, 1, 1000),
  maxCost: integer('GRAPHQL_MAX_COST', 20000, 1),
  maxTokens: integer('GRAPHQL_MAX_TOKENS', 2000, 100),
});

const config = (): Core.Config.Plugin => {
  const limits = graphqlLimits();
  return {
    'users-permissions': {
      config: {
        jwtManagement: 'refresh',
        sessions: { httpOnly: true },
      },
    },
    upload: {
      config: {
        providerOptions: {
          localServer: uploadedFileServing(
            integer('MEDIA_MAX_AGE', 7 * 24 * 3600, 0, 365 * 24 * 3600)
          ),
        },
        security: {
          allowedTypes: ['image/*', 'application/pdf'],
          deniedTypes: ['image/svg+xml'],
        },
      },
    },
    graphql: {
      config: {
        endpoint: '/graphql',
        shadowCRUD: true,
        // Caps keep one anonymous query from walking the whole unit tree or paging everything at once.
        depthLimit: integer('GRAPHQL_DEPTH_LIMIT', 8, 1, 50),
        defaultLimit: limits.defaultLimit,
        maxLimit: limits.maxLimit,
        landingPage: text('NODE_ENV', 'development') !== 'production',
        apolloServer: {
          introspection: boolean('GRAPHQL_INTROSPECTION', true),
          // Runs the depth limit (and any other custom rule) only after GraphQL's own validation passed: the
          // depth rule recurses forever on fragment cycles and crashes on unknown fragments (500), which the
          // standard rules answer with a 400. Also caps selections walked through fragments (Apollo's default).
          maxRecursiveSelections: true,
          // Apollo adds server stack traces to every error outside production; callers never need them.
          includeStacktraceInErrorResponses: false,
          // Configuration is read before Strapi exists: the formatter looks the logger up when an error happens.
          formatError: formatGraphqlError(() => strapi.log),
          // Added to Strapi's depth limit: closed account mutations, an alias cap and a cost cap (fields × page sizes).
          validationRules: graphqlValidationRules(limits),
          // The parser stops at this many tokens: a huge document (300 aliases) costs a few microseconds, not the
          // standard validation's walk over every pair of fields, which runs before the alias and cost rules.
          parseOptions: { maxTokens: limits.maxTokens },
          // Filters are held to REST's operand rules (between takes two values, …) before any resolver reads them.
          plugins: [
            queryCostPlugin(limits),
            filterOperandsPlugin(() => strapi),
            clientErrorStatusPlugin,
          ],
          // CORS is the app's strapi::cors allow-list (config/middlewares.ts); the plugin's own would answer any Origin.
          cors: false,
        },
      },
    },
    insights: {
      enabled: true,
      // Relative to this file: the sources for the admin build, dist/src/plugins/insights once compiled.
      resolve: path.join(__dirname, '..', 'src', 'plugins', 'insights'),
      config: insightsConfig(),
    },
  };
};

export default config;
