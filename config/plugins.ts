import path from 'node:path';
import type { Core } from '@strapi/strapi';
import proxyaddr from 'proxy-addr';

import { boolean, integer, list, text } from './lib/settings';

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
    decisionDate: 'decisionDate',
    form: 'form',
    awardStatus: 'awardStatus',
    issuerWarning: 'issuerWarning',
  },
  unit: { uid: 'api::organization.organization', name: 'name', parent: 'parent', successor: 'successor', level: 'level', kind: 'kind' },
  person: {
    uid: 'api::official.official',
    name: 'fullName',
    positions: 'positions',
    positionTitle: 'title',
    positionUnit: 'organization',
    positionStart: 'startDate',
    positionEnd: 'endDate',
  },
  /**
   * Who normally issues each commendation form (Luật Thi đua, khen thưởng 2022). An award whose issuer's level or
   * kind is not listed gets a warning an editor sees (`issuerWarning`), not a refusal: real decisions vary.
   */
  issuerRules: {
    // Bằng khen: Prime Minister, ministries, provinces, central mass organisations, provincial union standing committees.
    certificate_of_merit: { label: 'Bằng khen', levels: ['central', 'province'], kinds: ['womens_union', 'government', 'party_committee', 'fatherland_front'] },
    // Giấy khen: district and commune level, and heads of units (provincial departments among them).
    certificate_of_commendation: {
      label: 'Giấy khen',
      levels: ['province', 'district', 'commune'],
      kinds: ['womens_union', 'government', 'party_committee', 'fatherland_front', 'bank', 'other'],
    },
    // Huân chương / Huy chương: conferred by the State President only.
    medal: { label: 'Huân chương / Huy chương', levels: ['central'], kinds: ['government'] },
    // Kỷ niệm chương "Vì sự phát triển của Phụ nữ Việt Nam": the central union.
    commemorative_medal: { label: 'Kỷ niệm chương', levels: ['central'], kinds: ['womens_union'] },
    // Cờ thi đua: the Government, ministries, provinces, central organisations.
    emulation_flag: { label: 'Cờ thi đua', levels: ['central', 'province'], kinds: ['womens_union', 'government', 'party_committee', 'fatherland_front'] },
  },
};

const config = (): Core.Config.Plugin => ({
  'users-permissions': {
    config: {
      jwtManagement: 'refresh',
      sessions: { httpOnly: true },
    },
  },
  upload: {
    config: {
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
      defaultLimit: 25,
      maxLimit: 100,
      landingPage: text('NODE_ENV', 'development') !== 'production',
      apolloServer: { introspection: boolean('GRAPHQL_INTROSPECTION', true) },
    },
  },
  insights: {
    enabled: true,
    // Relative to this file: the sources for the admin build, dist/src/plugins/insights once compiled.
    resolve: path.join(__dirname, '..', 'src', 'plugins', 'insights'),
    config: {
      trackableTypes: {
        article: 'api::article.article',
        // meeting: 'api::meeting.meeting',
      },
      dedupWindowMinutes: integer('INSIGHTS_DEDUP_WINDOW_MINUTES', 30, 1, 24 * 60),
      trustedProxies: list('INSIGHTS_TRUSTED_PROXIES', [], {
        expected: 'IP addresses, CIDR ranges, or loopback / linklocal / uniquelocal',
        valid: isProxyTrustValue,
      }),
      rateLimit: {
        windowSeconds: integer('INSIGHTS_RATE_LIMIT_WINDOW_SECONDS', 60, 1, 24 * 3600),
        maxHits: integer('INSIGHTS_RATE_LIMIT_MAX_HITS', 60, 1),
      },
      utcOffsetMinutes: 7 * 60,
      commendations,
    },
  },
});

export default config;
