import type { Core } from '@strapi/strapi';

import { adminSession } from '../../helpers/admin';
import { bootStrapi, http } from '../../helpers/strapi';

let app: Core.Strapi;
bootStrapi((booted) => ({ app } = booted));

describe('GET /insights/settings (admin)', () => {
  it('serves the portal clock, the configured types and the award forms from the schema', async () => {
    const res = await http(app)
      .get('/insights/settings')
      .set('Authorization', await adminSession(app));
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({
      utcOffsetMinutes: 420,
      rankPeriods: ['day', 'week', 'month', 'year', '24h', '7d', '30d', 'all'],
      trackableTypes: { article: 'api::article.article' },
      translationTypes: {
        article: 'api::article.article',
        award: 'api::award.award',
        meeting: 'api::meeting.meeting',
        official: 'api::official.official',
        organization: 'api::organization.organization',
      },
      commendations: {
        award: 'api::award.award',
        unit: 'api::organization.organization',
        person: 'api::official.official',
        unitName: 'name',
        issuerWarning: 'issuerWarning',
        forms: [
          'order',
          'medal',
          'state_honorary_title',
          'prize',
          'commemorative_medal',
          'emulation_flag',
          'emulation_title',
          'certificate_of_merit',
          'certificate_of_commendation',
          'recognition_certificate',
          'other',
        ],
      },
    });
  });

  it('is for logged-in admins only', async () => {
    expect((await http(app).get('/insights/settings')).status).toBe(401);
  });
});
