import fc from 'fast-check';

/**
 * Generators of hostile requests for the property suite (tests/property/hostile.test.ts). Pure: they describe
 * requests; the test sends them to a real Strapi.
 */

export type Area =
  | 'rest-read'
  | 'rest-write'
  | 'graphql-query'
  | 'graphql-mutation'
  | 'plugin-read'
  | 'plugin-write';

export type HostileRequest = {
  area: Area;
  method: 'get' | 'post' | 'put' | 'delete';
  /** Path with its query string, already encoded (or deliberately mis-encoded). */
  path: string;
  /** JSON body; `raw` sends a text body instead. */
  body?: unknown;
  raw?: string;
  userAgent?: string;
  /** Send the full-access API token (else the request is the public's). */
  token: boolean;
};

/** Things the generators pick targets from, read from the database before the run. */
export type Targets = {
  /** Published documentIds per REST collection (articles, meetings, …). */
  documents: Record<string, string[]>;
  /** Units and officials that awards name: deleting them must be refused. */
  referenced: { organizations: string[]; officials: string[] };
  /** A unit that exists in vi only, as a relation target for writes in en. */
  viOnlyUnit: string;
};

export type CollectionSpec = {
  plural: string;
  graphqlSingular: string;
  graphqlPlural: string;
  base: Record<string, unknown>;
};

export const COLLECTIONS: readonly CollectionSpec[] = [
  {
    plural: 'articles',
    graphqlSingular: 'Article',
    graphqlPlural: 'articles',
    base: { title: 'Tin thử' },
  },
  {
    plural: 'meetings',
    graphqlSingular: 'Meeting',
    graphqlPlural: 'meetings',
    base: { title: 'Hội nghị thử', kind: 'other' },
  },
  {
    plural: 'organizations',
    graphqlSingular: 'Organization',
    graphqlPlural: 'organizations',
    base: { name: 'Chi hội thử', kind: 'other', level: 'branch' },
  },
  {
    plural: 'officials',
    graphqlSingular: 'Official',
    graphqlPlural: 'officials',
    base: { fullName: 'Nguyễn Thị Thử' },
  },
  {
    plural: 'awards',
    graphqlSingular: 'Award',
    graphqlPlural: 'awards',
    base: { title: 'Giấy khen thử', form: 'medal', countedIndividuals: 1 },
  },
];

/** Any text, including the characters that break naive parsers; never lone surrogates (they cannot be URL-encoded). */
const anyText = fc.string({ unit: 'grapheme', maxLength: 40 });

/** Turns an object with an own `__proto__` key (as JSON.parse makes) into a value; a literal would set the prototype. */
const protoKeyed = (json: string): unknown => JSON.parse(json);

/** Arrays nested `depth` deep: [[[…]]]. */
const nestedArray = (depth: number): unknown =>
  JSON.parse(`${'['.repeat(depth)}1${']'.repeat(depth)}`);
const nestedObject = (depth: number): unknown =>
  JSON.parse(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);

const DATES = [
  '2024-13-01',
  '0000-00-00',
  '2024-02-30',
  '2024-1-1',
  '99999-01-01',
  '2024-01-01T25:61:00Z',
  'yesterday',
  '',
  ' 2024-01-01',
  '-001-01-01',
];
const NUMERIC_STRINGS = [
  ' 2030',
  '2030 ',
  '1e3',
  '0x10',
  '',
  '+5',
  '007',
  '12.0',
  'NaN',
  'Infinity',
  '-0',
  '２０３０',
  '1_000',
  '2025',
];
const BLANKS = [
  '',
  ' ',
  '   ',
  '\t\n',
  '\u00a0',
  '\u3000',
  '\u200b',
  '\ufeff ',
  '\u0000',
  'Tin\u0000 mới',
];

/** A value of any shape, weighted towards the ones that broke things before. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    true,
    false,
    0,
    -1,
    1.5,
    2_147_483_648,
    -2_147_483_649,
    Number.MAX_SAFE_INTEGER,
    1e308,
    [],
    {},
    [null],
    [{}]
  ),
  fc.constantFrom(...DATES, ...NUMERIC_STRINGS, ...BLANKS),
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    '$ne',
    '$or',
    '[object Object]',
    'null',
    'undefined',
    '%00',
    '../../etc/passwd',
    "'; DROP TABLE articles; --"
  ),
  anyText,
  fc.integer(),
  fc.double({ noNaN: false }),
  fc.integer({ min: 1, max: 3000 }).map(nestedArray),
  fc.integer({ min: 1, max: 3000 }).map(nestedObject),
  fc.constant(protoKeyed('{"__proto__":{"polluted":true}}')),
  fc.constant(protoKeyed('{"constructor":{"prototype":{"polluted":true}}}')),
  fc.string({ minLength: 300, maxLength: 2000 }),
  fc.jsonValue({ maxDepth: 3 })
);

const BODIES: readonly unknown[] = [
  'Nội dung thường',
  { type: 'paragraph', children: [] },
  [null],
  [1],
  [{ type: 'table', children: [] }],
  [{ type: 'paragraph', children: [{ type: 'text' }] }],
  [{ type: 'paragraph', children: [{ type: 'text', text: 5 }] }],
  [{ type: 'paragraph' }],
  [{ type: 'text', text: 'x' }],
  [{ type: 'heading', level: 9, children: [{ type: 'text', text: 'x' }] }],
  [
    {
      type: 'paragraph',
      children: [
        { type: 'link', url: 'javascript:alert(1)', children: [{ type: 'text', text: 'x' }] },
      ],
    },
  ],
  [{ type: 'image', image: null, children: [{ type: 'text', text: '' }] }],
  protoKeyed(
    '[{"type":"paragraph","children":[{"type":"text","text":"x"}],"__proto__":{"polluted":1}}]'
  ),
  [{ type: 'paragraph', children: [{ type: 'text', text: 'Một đoạn đúng' }] }],
];

/** An article body: real blocks now and then, otherwise the shapes that are not blocks. */
const hostileBody = fc.oneof(
  fc.constantFrom(...BODIES),
  fc.integer({ min: 2, max: 3000 }).map((depth) => {
    let node: unknown = { type: 'list-item', children: [{ type: 'text', text: 'x' }] };
    for (let level = 0; level < depth; level += 1)
      node = { type: 'list', format: 'ordered', children: [node] };
    return [node];
  }),
  hostileValue
);

/** A relation input: documentIds that exist (some without an en version), row ids, and shapes Strapi does not take. */
const hostileRelation = (targets: Targets) =>
  fc.oneof(
    fc.constantFrom<unknown>(
      targets.viOnlyUnit,
      { connect: [targets.viOnlyUnit] },
      { set: [{ documentId: targets.viOnlyUnit }] }
    ),
    fc.constantFrom(...targets.referenced.organizations, ...targets.referenced.officials),
    fc.constantFrom<unknown>(
      1,
      -1,
      0,
      'nope',
      { connect: 'x' },
      { set: 'x' },
      { disconnect: [{ id: 'x' }] },
      { connect: [{ documentId: 'x', locale: 'zz' }] },
      [[[]]]
    ),
    hostileValue
  );

const hostilePosition = (targets: Targets) =>
  fc.record(
    {
      title: fc.oneof(fc.constantFrom(...BLANKS), anyText, hostileValue),
      startDate: fc.oneof(fc.constantFrom(...DATES), hostileValue),
      endDate: fc.oneof(fc.constantFrom(...DATES), hostileValue),
      organization: hostileRelation(targets),
    },
    { requiredKeys: [] }
  );

const hostileRecipient = (targets: Targets) =>
  fc.record(
    {
      kind: fc.oneof(fc.constantFrom('collective', 'individual', 'x'), hostileValue),
      organization: hostileRelation(targets),
      official: hostileRelation(targets),
      name: fc.oneof(anyText, fc.constantFrom(...BLANKS)),
    },
    { requiredKeys: [] }
  );

/** Hostile values for the fields of one collection (the field names are real, so the rules get to see them). */
const fieldValues = (plural: string, targets: Targets): Record<string, fc.Arbitrary<unknown>> => {
  const text = fc.oneof(fc.constantFrom(...BLANKS), anyText, hostileValue);
  const numeric = fc.oneof(
    fc.constantFrom<unknown>(...NUMERIC_STRINGS, 1930, 2020, 2030, 2201, 1.5, -1),
    hostileValue
  );
  const date = fc.oneof(fc.constantFrom(...DATES), hostileValue);
  // Computed keys: a literal `__proto__:` would set the prototype instead of making a key.
  const extra = {
    slug: text,
    ['__proto__']: hostileValue,
    constructor: hostileValue,
    id: hostileValue,
    documentId: hostileValue,
    locale: hostileValue,
    publishedAt: date,
    createdAt: date,
    colour: hostileValue,
  };
  switch (plural) {
    case 'articles':
      return {
        ...extra,
        title: text,
        summary: text,
        body: hostileBody,
        author: text,
        publishedDate: date,
        organization: hostileRelation(targets),
        meetings: hostileRelation(targets),
        officials: hostileRelation(targets),
        gallery: hostileValue,
      };
    case 'meetings':
      return {
        ...extra,
        title: text,
        kind: text,
        extended: hostileValue,
        sessionNumber: numeric,
        termNumber: numeric,
        termStartYear: numeric,
        termEndYear: numeric,
        startDate: date,
        organizer: hostileRelation(targets),
        attendees: hostileValue,
      };
    case 'organizations':
      return {
        ...extra,
        name: text,
        kind: text,
        level: text,
        validFrom: date,
        validTo: date,
        parent: hostileRelation(targets),
        successors: hostileRelation(targets),
        email: text,
      };
    case 'officials':
      return {
        ...extra,
        fullName: text,
        positions: fc.oneof(fc.array(hostilePosition(targets), { maxLength: 3 }), hostileValue),
      };
    default:
      return {
        ...extra,
        title: text,
        form: text,
        periodStart: numeric,
        periodEnd: numeric,
        countedCollectives: numeric,
        countedIndividuals: numeric,
        decisionDate: date,
        issuer: hostileRelation(targets),
        presenter: hostileRelation(targets),
        recipients: fc.oneof(fc.array(hostileRecipient(targets), { maxLength: 3 }), hostileValue),
      };
  }
};

/** A write's data: the collection's valid base with up to three hostile fields over it (none now and then: a valid write). */
export const hostileData = (
  spec: CollectionSpec,
  targets: Targets
): fc.Arbitrary<Record<string, unknown>> => {
  const values = fieldValues(spec.plural, targets);
  const names = Object.keys(values);
  return fc
    .uniqueArray(fc.constantFrom(...names), { maxLength: 3 })
    .chain((picked) =>
      fc.tuple(...picked.map((name) => values[name])).map((chosen) => ({ picked, chosen }))
    )
    .map(({ picked, chosen }) => {
      // Built by assignment so a picked "__proto__" becomes an own key, as JSON.parse would make it.
      const data: Record<string, unknown> = JSON.parse(JSON.stringify(spec.base));
      picked.forEach((name, index) =>
        Object.defineProperty(data, name, {
          value: chosen[index],
          enumerable: true,
          writable: true,
          configurable: true,
        })
      );
      return data;
    });
};

/** `key=value` with the value URL-encoded; a few deliberately broken encodings go in as they are. */
const pair = (key: string, value: string) => `${key}=${encodeURIComponent(value)}`;
const queryValue = fc.oneof(
  fc.constantFrom(
    ...DATES,
    ...NUMERIC_STRINGS,
    ...BLANKS,
    'a',
    '1',
    'x',
    'true',
    'null',
    '*',
    'zz',
    'vi',
    'en',
    'published',
    'draft'
  ),
  anyText
);
const BROKEN_ENCODINGS = ['%', '%zz', '%E0%A4%A', '%C0%AF', '%00', '%FF%FE'];

const FILTER_FIELDS = [
  'id',
  'documentId',
  'title',
  'name',
  'fullName',
  'locale',
  'createdAt',
  'publishedAt',
  'termStartYear',
  'organization',
  'createdBy',
  'password',
  'nope',
  '__proto__',
  'constructor',
];
const OPERATORS = [
  '$eq',
  '$ne',
  '$lt',
  '$between',
  '$in',
  '$notIn',
  '$null',
  '$notNull',
  '$contains',
  '$startsWith',
  '$jsonSupersetOf',
  '$or',
  '$and',
  '$not',
  '$bogus',
  '$eqi',
  '$containsi',
];

const SORT_STEPS = [
  'title',
  'name',
  'publishedDate',
  'id',
  'organization',
  'parent',
  'gallery',
  'caption',
  'localizations',
  'x',
  '',
];
/** `a.b.c:order` from known and unknown steps, empty ones included (`title.x` and `.` crashed Strapi's sort). */
const hostileSortPath = fc
  .tuple(
    fc.array(fc.constantFrom(...SORT_STEPS), { minLength: 1, maxLength: 3 }),
    fc.constantFrom('', ':asc', ':desc', ':x')
  )
  .map(([steps, order]) => `${steps.join('.')}${order}`);

/** One `key=value` of a list query: filters, sort, populate, fields, pagination, locale, status and the families that broke before. */
const hostileQueryPair: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(...FILTER_FIELDS),
      fc.constantFrom(...OPERATORS),
      fc.constantFrom('', '[0]', '[a]', '[$eq]', '[0][0]'),
      queryValue
    )
    .map(([field, op, tail, value]) => pair(`filters[${field}][${op}]${tail}`, value)),
  fc.constantFrom(
    'filters[id][$between]=a',
    'filters[$or]=1',
    'filters[$and]=x',
    '_q[$ne]=1',
    'filters[title][$eq][a]=1',
    'locale[0]=zz',
    'filters[$or][0][title][$jsonSupersetOf]=1',
    'filters[createdAt][$eq]=2024-13-01',
    'filters[publishedDate][$lt]=0000-00-00',
    'filters[constructor][prototype][x]=1',
    'filters[__proto__][x]=1',
    'sort[0][title]=up',
    'populate[organization][populate][parent][populate][parent][populate]=*',
    'populate=*',
    'populate[0]=*&populate[1]=nope',
    'fields[0]=password',
    'status[0]=draft',
    'pagination[withCount]=maybe',
    'filters[$not][$not][$not]=1'
  ),
  fc
    .tuple(
      fc.constantFrom(
        'sort',
        'sort[0]',
        'populate',
        'populate[0]',
        'fields[0]',
        'fields',
        'locale',
        'status',
        '_q',
        'pagination[page]',
        'pagination[pageSize]',
        'pagination[start]',
        'pagination[limit]',
        'publicationState'
      ),
      queryValue
    )
    .map(([key, value]) => pair(key, value)),
  fc.integer({ min: 1, max: 200 }).map((depth) => `filters${'[$and][0]'.repeat(depth)}[id][$eq]=1`),
  fc
    .integer({ min: 1, max: 60 })
    .map((depth) => `populate${'[organization][populate]'.repeat(depth)}=*`),
  fc.constantFrom(...BROKEN_ENCODINGS).map((broken) => `filters[title][$eq]=${broken}`),
  fc
    .tuple(fc.constantFrom('sort', 'sort[0]', 'populate[meetings][sort]'), hostileSortPath)
    .map(([key, path]) => pair(key, path)),
  fc
    .array(fc.constantFrom(...SORT_STEPS), { minLength: 1, maxLength: 3 })
    .map((steps) => `sort${steps.map((step) => `[${step}]`).join('')}=asc`)
);

const hostileQuery = fc
  .array(hostileQueryPair, { maxLength: 4 })
  .map((pairs) => (pairs.length ? `?${pairs.join('&')}` : ''));

const hostileId = (targets: Targets, plural: string) =>
  fc.oneof(
    fc.constantFrom(...(targets.documents[plural] ?? ['none'])),
    fc.constantFrom(
      'x',
      '1',
      '0',
      '-1',
      'null',
      '%00',
      '%zz',
      '..%2F..',
      'a'.repeat(300),
      '%E2%80%8B',
      '__proto__',
      'constructor'
    ),
    anyText.map((text) => encodeURIComponent(text) || 'x')
  );

const writeQuery = fc
  .tuple(
    fc.constantFrom(
      '',
      'locale=en',
      'locale=vi',
      'locale=zz',
      'locale[0]=zz',
      'locale=*',
      'locale='
    ),
    fc.constantFrom('', 'status=published', 'status=draft', 'status=junk', 'status[0]=draft')
  )
  .map((parts) => {
    const present = parts.filter((part) => part !== '');
    return present.length ? `?${present.join('&')}` : '';
  });

const bodyOf = (data: fc.Arbitrary<Record<string, unknown>>) =>
  fc.oneof(
    { weight: 6, arbitrary: data.map((value) => ({ data: value })) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<unknown>(
        null,
        'x',
        [],
        1,
        { data: null },
        { data: 'x' },
        { data: [] },
        {},
        { data: {} }
      ),
    }
  );

export const restRead = (targets: Targets): fc.Arbitrary<HostileRequest> =>
  fc.constantFrom(...COLLECTIONS).chain((spec) =>
    fc.record({
      area: fc.constant<Area>('rest-read'),
      method: fc.constant<'get'>('get'),
      path: fc.oneof(
        hostileQuery.map((query) => `/api/${spec.plural}${query}`),
        fc
          .tuple(hostileId(targets, spec.plural), hostileQuery)
          .map(([id, query]) => `/api/${spec.plural}/${id}${query}`)
      ),
      token: fc.boolean(),
    })
  );

export const restWrite = (targets: Targets): fc.Arbitrary<HostileRequest> =>
  fc.constantFrom(...COLLECTIONS).chain((spec) => {
    const referenced =
      spec.plural === 'organizations' || spec.plural === 'officials'
        ? targets.referenced[spec.plural]
        : [];
    return fc.oneof(
      fc.record({
        area: fc.constant<Area>('rest-write'),
        method: fc.constant<'post'>('post'),
        path: writeQuery.map((query) => `/api/${spec.plural}${query}`),
        body: bodyOf(hostileData(spec, targets)),
        token: fc.boolean(),
      }),
      fc.record({
        area: fc.constant<Area>('rest-write'),
        method: fc.constant<'put'>('put'),
        path: fc
          .tuple(hostileId(targets, spec.plural), writeQuery)
          .map(([id, query]) => `/api/${spec.plural}/${id}${query}`),
        body: bodyOf(hostileData(spec, targets)),
        token: fc.boolean(),
      }),
      fc.record({
        area: fc.constant<Area>('rest-write'),
        method: fc.constant<'delete'>('delete'),
        // Only ids that do not exist or that awards name: deleting freely would empty the data set mid-run.
        path: fc
          .tuple(
            referenced.length
              ? fc.oneof(
                  fc.constantFrom(...referenced),
                  hostileId({ ...targets, documents: {} }, spec.plural)
                )
              : hostileId({ ...targets, documents: {} }, spec.plural),
            writeQuery
          )
          .map(([id, query]) => `/api/${spec.plural}/${id}${query}`),
        token: fc.boolean(),
      })
    );
  });

/** GraphQL documents that are malformed or abusive as documents, whatever their arguments. */
const MALFORMED_DOCUMENTS = [
  'fragment A on Article { ...B } fragment B on Article { ...A } query { articles { ...A } }',
  'fragment A on Article { title ...A } query { articles { ...A } }',
  'query { articles { ...Missing } }',
  'query { articles { ... on Nope { title } } }',
  '{ articles { title',
  '{ articles(filters: { title: { eq: } }) { title } }',
  'query Q { articles { title } } query Q { articles { title } }',
  'subscription { articles { title } }',
  '{ __schema { types { fields { type { ofType { ofType { ofType { ofType { name } } } } } } } } }',
  '{ articles @skip(if: "yes") { title } }',
  '{ articles { title @include } }',
  '',
  '{}',
  'mutation { }',
  '{ articles(pagination: { limit: -1 }) { title } }',
  '{ articles(pagination: { pageSize: 100000 }) { title } }',
  '{ articles(sort: ["nope:asc"]) { title } }',
  '{ articles(locale: "zz") { title } }',
  '{ articles(status: DRAFT) { title } }',
  '{ articles(filters: { createdAt: { eq: "2024-13-01" } }) { title } }',
  '{ articles(filters: { or: [] , and: [{}] }) { title } }',
  '{ articles_connection { nodes { title } pageInfo { total } } }',
  '{ topViewed(type: "meeting", period: week, limit: 1000) { documentId } }',
];

const deepOrganizations = (depth: number) =>
  `{ organizations { ${'parent { '.repeat(depth)}name${' }'.repeat(depth)} } }`;
const manyAliases = (count: number) =>
  `{ ${Array.from({ length: count }, (_, index) => `a${index}: articles { title }`).join(' ')} }`;

const graphqlVariable = fc.oneof(
  hostileValue,
  fc.constantFrom<unknown>(
    { title: { eq: 1 } },
    { id: { between: ['a'] } },
    { or: 1 },
    { and: 'x' },
    { title: { jsonSupersetOf: 1 } },
    { createdAt: { eq: '0000-00-00' } },
    { constructor: { prototype: { x: 1 } } }
  )
);

export const graphqlQuery = (): fc.Arbitrary<HostileRequest> =>
  fc
    .oneof(
      fc.constantFrom(...MALFORMED_DOCUMENTS).map((query) => ({ query, variables: {} })),
      fc
        .integer({ min: 1, max: 40 })
        .map((depth) => ({ query: deepOrganizations(depth), variables: {} })),
      fc
        .integer({ min: 1, max: 60 })
        .map((count) => ({ query: manyAliases(count), variables: {} })),
      fc
        .tuple(
          fc.constantFrom(...COLLECTIONS),
          graphqlVariable,
          graphqlVariable,
          graphqlVariable,
          graphqlVariable
        )
        .map(([spec, filters, sort, pagination, locale]) => ({
          query: `query($f: ${spec.graphqlSingular}FiltersInput, $s: [String], $p: PaginationArg, $l: I18NLocaleCode) { ${spec.graphqlPlural}(filters: $f, sort: $s, pagination: $p, locale: $l) { documentId } }`,
          variables: { f: filters, s: sort, p: pagination, l: locale },
        })),
      fc.tuple(fc.constantFrom(...COLLECTIONS), anyText).map(([spec, text]) => ({
        query: `{ ${spec.graphqlPlural}(filters: { documentId: { eq: ${JSON.stringify(text)} } }, sort: ${JSON.stringify(text)}) { documentId } }`,
        variables: {},
      })),
      anyText.map((query) => ({ query, variables: {} }))
    )
    .chain((body) =>
      fc.record({
        area: fc.constant<Area>('graphql-query'),
        method: fc.constant<'post'>('post'),
        path: fc.constant('/graphql'),
        body: fc.constant<unknown>(body),
        token: fc.boolean(),
      })
    );

export const graphqlMutation = (targets: Targets): fc.Arbitrary<HostileRequest> =>
  fc.constantFrom(...COLLECTIONS).chain((spec) => {
    const name = spec.graphqlSingular;
    const localeArg = fc.oneof(
      fc.constantFrom<unknown>(undefined, 'vi', 'en', 'zz', ''),
      hostileValue
    );
    const create = fc.tuple(hostileData(spec, targets), localeArg).map(([data, locale]) => ({
      query: `mutation($data: ${name}Input!, $locale: I18NLocaleCode) { create${name}(data: $data, locale: $locale) { documentId } }`,
      variables: { data, locale },
    }));
    const update = fc
      .tuple(hostileId(targets, spec.plural), hostileData(spec, targets), localeArg)
      .map(([documentId, data, locale]) => ({
        query: `mutation($id: ID!, $data: ${name}Input!, $locale: I18NLocaleCode) { update${name}(documentId: $id, data: $data, locale: $locale) { documentId } }`,
        variables: { id: decodeURIComponentSafe(documentId), data, locale },
      }));
    const referenced =
      spec.plural === 'organizations' || spec.plural === 'officials'
        ? targets.referenced[spec.plural]
        : [];
    const remove = fc
      .oneof(
        fc.constantFrom('x', '', 'nope'),
        referenced.length ? fc.constantFrom(...referenced) : fc.constant('x')
      )
      .map((documentId) => ({
        query: `mutation($id: ID!) { delete${name}(documentId: $id) { documentId } }`,
        variables: { id: documentId },
      }));
    const inline = fc
      .tuple(anyText, fc.constantFrom(...NUMERIC_STRINGS, ...BLANKS))
      .map(([text, odd]) => ({
        query: `mutation { create${name}(data: { ${Object.keys(spec.base)[0]}: ${JSON.stringify(odd || text)} }) { documentId } }`,
        variables: {},
      }));
    return fc.oneof(create, update, remove, inline).chain((body) =>
      fc.record({
        area: fc.constant<Area>('graphql-mutation'),
        method: fc.constant<'post'>('post'),
        path: fc.constant('/graphql'),
        body: fc.constant<unknown>(body),
        token: fc.boolean(),
      })
    );
  });

function decodeURIComponentSafe(text: string) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

const USER_AGENTS = [
  'Mozilla/5.0 (X11; Linux x86_64) Firefox/125.0',
  'Googlebot/2.1',
  '',
  'curl/8.0',
  'x'.repeat(2000),
];

export const pluginWrite = (targets: Targets): fc.Arbitrary<HostileRequest> => {
  const articleIds = targets.documents.articles ?? ['x'];
  const hit = fc.record(
    {
      type: fc.oneof(fc.constantFrom<unknown>('article', 'meeting', 'Article'), hostileValue),
      documentId: fc.oneof(fc.constantFrom(...articleIds), hostileValue),
      locale: fc.oneof(fc.constantFrom<unknown>('vi', 'en', 'zz'), hostileValue),
      extra: hostileValue,
    },
    { requiredKeys: ['type', 'documentId'] }
  );
  return fc.record({
    area: fc.constant<Area>('plugin-write'),
    method: fc.constant<'post'>('post'),
    path: fc.constant('/api/insights/views'),
    body: fc.oneof(hit, hostileValue),
    raw: fc.option(
      fc.oneof(
        fc.constantFrom(
          '{',
          '{"type":"article"',
          'null',
          '[]',
          '"x"',
          `{"type":"article","documentId":"${'x'.repeat(2000)}"}`
        ),
        anyText
      ),
      { nil: undefined, freq: 5 }
    ),
    userAgent: fc.constantFrom(...USER_AGENTS),
    token: fc.boolean(),
  });
};

export const pluginRead = (targets: Targets): fc.Arbitrary<HostileRequest> => {
  const units = targets.documents.organizations ?? ['x'];
  const articles = targets.documents.articles ?? ['x'];
  const value = fc.oneof(
    queryValue,
    fc.constantFrom(
      'day',
      'week',
      'month',
      'year',
      'all',
      'article',
      'meeting',
      'descendants,predecessors',
      'descendants',
      'revoked',
      'active',
      'certificate_of_merit',
      '2018',
      '2025',
      '366',
      '0',
      '101',
      '2026-02-30'
    )
  );
  const params = (keys: string[]) =>
    fc
      .array(
        fc.tuple(fc.constantFrom(...keys, 'nope', '__proto__', 'limit[0]', 'from[$gt]'), value),
        { maxLength: 4 }
      )
      .map((pairs) =>
        pairs.length ? `?${pairs.map(([key, text]) => pair(key, text)).join('&')}` : ''
      );
  const id = (known: string[]) =>
    fc.oneof(
      fc.constantFrom(...known),
      fc.constantFrom('x', '0', '%00', '%zz', 'a'.repeat(300), '__proto__')
    );
  return fc
    .oneof(
      params(['type', 'period', 'locale', 'organization', 'limit']).map(
        (query) => `/api/insights/views/top${query}`
      ),
      fc
        .tuple(id(articles), params(['from', 'to', 'locale', 'type']))
        .map(([documentId, query]) => `/api/insights/views/${documentId}/daily${query}`),
      fc
        .tuple(id(units), params(['include', 'from', 'to', 'form', 'status']))
        .map(([documentId, query]) => `/api/insights/units/${documentId}/commendations${query}`),
      fc
        .tuple(id(units), params(['include', 'from', 'to', 'form', 'status']))
        .map(([documentId, query]) => `/api/insights/units/${documentId}/summary${query}`)
    )
    .chain((path) =>
      fc.record({
        area: fc.constant<Area>('plugin-read'),
        method: fc.constant<'get'>('get'),
        path: fc.constant(path),
        token: fc.boolean(),
      })
    );
};

/** Every family, weighted so writes (the slow ones: they are snapshotted) are about a third of the run. */
export const hostileRequest = (targets: Targets): fc.Arbitrary<HostileRequest> =>
  fc.oneof(
    { weight: 4, arbitrary: restRead(targets) },
    { weight: 3, arbitrary: restWrite(targets) },
    { weight: 2, arbitrary: graphqlQuery() },
    { weight: 2, arbitrary: graphqlMutation(targets) },
    { weight: 1, arbitrary: pluginWrite(targets) },
    { weight: 2, arbitrary: pluginRead(targets) }
  );
