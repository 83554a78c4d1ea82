import { authScope, cacheKey, entityTag, normalized } from '../../src/cache/key';
import type { SchemaLookup } from '../../src/http/response-walk';
import { documentTags, filterTags, responseTags } from '../../src/cache/tags';

describe('cache keys', () => {
  it('do not depend on the order of query parameters', () => {
    const scope = authScope(undefined);
    const a = cacheKey({
      method: 'GET',
      path: '/api/articles',
      scope,
      query: { b: '2', a: { y: 1, x: [2, 1] } },
    });
    const b = cacheKey({
      method: 'GET',
      path: '/api/articles',
      scope,
      query: { a: { x: [2, 1], y: 1 }, b: '2' },
    });
    expect(a).toBe(b);
    expect(normalized({ b: 1, a: 2 })).toEqual({ a: 2, b: 1 });
  });

  it('differ by locale, path, list order and auth scope', () => {
    const base = { method: 'GET', path: '/api/articles', query: { locale: 'vi' }, scope: 'public' };
    const keys = new Set([
      cacheKey(base),
      cacheKey({ ...base, query: { locale: 'en' } }),
      cacheKey({ ...base, path: '/api/meetings' }),
      cacheKey({ ...base, query: { locale: 'vi', sort: ['a', 'b'] } }),
      cacheKey({ ...base, query: { locale: 'vi', sort: ['b', 'a'] } }),
      cacheKey({ ...base, scope: authScope('Bearer one') }),
      cacheKey({ ...base, scope: authScope('Bearer two') }),
    ]);
    expect(keys.size).toBe(7);
  });

  it('gives the public one scope and each bearer its own, without the secret in it', () => {
    expect(authScope(undefined)).toBe('public');
    expect(authScope('Bearer secret-token')).not.toContain('secret-token');
    expect(authScope('Bearer a')).not.toBe(authScope('Bearer b'));
  });

  it('makes strong validators that change with the bytes', () => {
    expect(entityTag('{"a":1}')).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(entityTag('{"a":1}')).not.toBe(entityTag('{"a":2}'));
  });
});

describe('response tags', () => {
  const schemas: Record<string, ReturnType<SchemaLookup>> = {
    'api::article.article': {
      organization: { type: 'relation', target: 'api::organization.organization' },
      cover: { type: 'media' },
      gallery: { type: 'component', component: 'media.figure' },
      title: { type: 'other' },
    },
    'api::organization.organization': {
      parent: { type: 'relation', target: 'api::organization.organization' },
    },
    'media.figure': { image: { type: 'media' } },
  };
  const schemaOf: SchemaLookup = (uid) => schemas[uid];

  it('names every type and document a response holds, populated relations included', () => {
    const tags = responseTags(
      'api::article.article',
      [
        {
          documentId: 'a1',
          title: 'Tin',
          organization: { documentId: 'o1', parent: { documentId: 'o0' } },
          gallery: [{ image: { documentId: 'f1' } }],
        },
      ],
      schemaOf
    );
    expect([...tags].sort()).toEqual(
      [
        'doc:a1',
        'doc:f1',
        'doc:o0',
        'doc:o1',
        'type:api::article.article',
        'type:api::organization.organization',
        'type:media.figure',
        'type:plugin::upload.file',
      ].sort()
    );
  });

  it('tags an empty populated relation with its type, and an empty list with the route type', () => {
    expect([...responseTags('api::article.article', [], schemaOf)]).toEqual([
      'type:api::article.article',
    ]);
    const tags = responseTags(
      'api::organization.organization',
      { documentId: 'o1', parent: null },
      schemaOf
    );
    expect(tags.has('type:api::organization.organization')).toBe(true);
  });

  it('finds documents anywhere in an answer of unknown shape', () => {
    const tags = documentTags({
      articles: [{ documentId: 'a', organization: { documentId: 'o' } }],
    });
    expect([...tags].sort()).toEqual(['doc:a', 'doc:o']);
  });

  it('names the types a filter reaches through relations, inside $and and $or too', () => {
    const tags = filterTags(
      'api::article.article',
      { $or: [{ title: { $eq: 'x' } }, { organization: { parent: { slug: { $eq: 'y' } } } }] },
      schemaOf
    );
    expect([...tags]).toEqual(['type:api::organization.organization']);
    expect([...filterTags('api::article.article', { title: { $eq: 'x' } }, schemaOf)]).toEqual([]);
  });
});
