import { insightsConfig } from '../../config/plugins';

/** config/plugins.ts reads the environment: read it with the given variables set. */
const insightsWith = (vars: Record<string, string>) => {
  const saved = Object.fromEntries(Object.keys(vars).map((key) => [key, process.env[key]]));
  Object.assign(process.env, vars);
  try {
    return insightsConfig();
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
};

const IP_VARS = [
  'INSIGHTS_IP_DOCUMENT_MAX_HITS',
  'INSIGHTS_IP_DOCUMENT_WINDOW_SECONDS',
  'INSIGHTS_IP_MAX_HITS',
  'INSIGHTS_IP_WINDOW_SECONDS',
];

describe('insights configuration from the environment', () => {
  it('reads blank values as not set: the defaults', () => {
    const blank = Object.fromEntries(
      [...IP_VARS, 'INSIGHTS_DEDUP_WINDOW_MINUTES', 'INSIGHTS_TRUSTED_PROXIES'].map((key) => [
        key,
        '',
      ])
    );
    const config = insightsWith(blank);
    expect(config.ipLimit).toEqual({
      perDocument: { windowSeconds: 1800, maxHits: 300 },
      overall: { windowSeconds: 60, maxHits: 1200 },
    });
    expect(config.dedupWindowMinutes).toBe(30);
    expect(config.trustedProxies).toEqual([]);
  });

  it('takes set values, and the de-dup window as the per-document window unless one is given', () => {
    const config = insightsWith({
      INSIGHTS_DEDUP_WINDOW_MINUTES: '10',
      INSIGHTS_IP_DOCUMENT_MAX_HITS: '50',
      INSIGHTS_IP_DOCUMENT_WINDOW_SECONDS: '',
      INSIGHTS_IP_MAX_HITS: '500',
      INSIGHTS_IP_WINDOW_SECONDS: '30',
      INSIGHTS_TRUSTED_PROXIES: 'loopback, 10.0.0.0/8',
    });
    expect(config.ipLimit).toEqual({
      perDocument: { windowSeconds: 600, maxHits: 50 },
      overall: { windowSeconds: 30, maxHits: 500 },
    });
    expect(config.trustedProxies).toEqual(['loopback', '10.0.0.0/8']);
  });
});
