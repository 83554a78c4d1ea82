import config from '../../../src/plugins/insights/server/src/config';

/** A configuration as config/plugins.ts writes it, over the plugin's defaults. */
const valid = () => ({
  ...config.default(),
  trackableTypes: { article: 'api::article.article' },
  commendations: {
    award: { uid: 'api::award.award', issuer: 'issuer', form: 'form' },
    unit: { uid: 'api::organization.organization', parent: 'parent' },
    person: { uid: 'api::official.official', positions: 'positions' },
    issuerRules: { medal: { label: 'Huân chương', levels: ['central'], kinds: ['government'] } },
    nonCommendationForms: ['recognition_certificate'],
    formLabels: { medal: 'Huy chương', recognition_certificate: 'Giấy chứng nhận' },
  },
  translations: { types: { article: 'api::article.article' }, ignoredFields: ['slug'] },
  rankingCard: {
    fields: {
      article: { title: 'title', slug: 'slug', publishedDate: 'publishedDate', cover: 'cover' },
    },
    unitSlug: 'slug',
  },
});
const check = (value: unknown) => () => Reflect.apply(config.validator, config, [value]);

describe('insights configuration (pure)', () => {
  it('accepts the app-shaped configuration', () => {
    expect(check(valid())).not.toThrow();
  });

  it.each([
    ['no trackable type', { trackableTypes: {} }, /trackableTypes/],
    ['an offset beyond 14 hours', { utcOffsetMinutes: 900 }, /utcOffsetMinutes/],
    ['no commendations section', { commendations: undefined }, /commendations/],
    [
      'forms kept out of totals not a list',
      {
        commendations: {
          ...valid().commendations,
          nonCommendationForms: 'recognition_certificate',
        },
      },
      /nonCommendationForms must be a list/,
    ],
    [
      'a blank form label',
      { commendations: { ...valid().commendations, formLabels: { medal: '' } } },
      /formLabels must map forms to labels/,
    ],
    ['no translations section', { translations: undefined }, /translations/],
    ['no ranking card', { rankingCard: undefined }, /rankingCard needs fields/],
    [
      'a trackable type without card fields',
      { trackableTypes: { article: 'api::article.article', meeting: 'api::meeting.meeting' } },
      /rankingCard.fields.meeting.title must be a field name/,
    ],
    [
      'a blank cover field',
      {
        rankingCard: {
          fields: {
            article: { title: 'title', slug: 'slug', publishedDate: 'publishedDate', cover: '' },
          },
          unitSlug: 'slug',
        },
      },
      /rankingCard.fields.article.cover must be a field name/,
    ],
    [
      'a media URL rule that is not a function',
      { rankingCard: { ...valid().rankingCard, mediaUrl: 'https://phunu.example.vn' } },
      /rankingCard.mediaUrl must be a function/,
    ],
    [
      'ignored fields that are not names',
      { translations: { types: {}, ignoredFields: [''] } },
      /ignoredFields/,
    ],
  ])('refuses %s', (_name, change, message) => {
    expect(check({ ...valid(), ...change })).toThrow(message);
  });

  it('names the blank field of a section and the incomplete issuer rule', () => {
    const blank = valid();
    blank.commendations.award.issuer = '';
    expect(check(blank)).toThrow('commendations.award.issuer must be a field name');
    const rule = valid();
    expect(
      check({
        ...rule,
        commendations: { ...rule.commendations, issuerRules: { medal: { levels: ['central'] } } },
      })
    ).toThrow('commendations.issuerRules.medal needs a label, levels and kinds');
  });
});
