import fp from 'lodash/fp';

// patches/lodash+4.18.1.patch: lodash/fp, which Strapi's query validation and sanitizing use throughout, decompiled
// and searched the source of every curried function it made (to give it a `toString` naming the wrappers), on
// every call that makes one: some 15 % of the app's CPU on an uncached list read.
describe('lodash/fp with the patch', () => {
  const tokenize = fp.pipe(fp.split('.'), fp.map(fp.split(':')), fp.flatten);

  it('makes curried functions without describing their wrappers', () => {
    expect(String(fp.split('.'))).not.toContain('wrapped with');
  });

  it('curries and composes as before', () => {
    expect(tokenize('organization.name:desc')).toEqual(['organization', 'name', 'desc']);
    expect(fp.map((n: number) => n * 2)([1, 2])).toEqual([2, 4]);
    expect(fp.pick(['a'])({ a: 1, b: 2 })).toEqual({ a: 1 });
    expect(fp.merge({ a: { b: 1 } })({ a: { c: 2 } })).toEqual({ a: { b: 1, c: 2 } });
  });
});
