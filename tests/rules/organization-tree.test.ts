import type { Core } from '@strapi/strapi';

import { bootStrapi, http } from '../helpers/strapi';

let app: Core.Strapi;
let token: string;
bootStrapi((booted) => ({ app, token } = booted));

const ORG = 'api::organization.organization';
const unique = () => Math.random().toString(36).slice(2, 8);
const units = () => app.documents(ORG);

const newUnit = async (data: Record<string, unknown> = {}) =>
  (
    await units().create({
      locale: 'vi',
      data: { name: `Đơn vị ${unique()}`, kind: 'womens_union', level: 'commune', ...data },
    })
  ).documentId;

/** u[0] ← u[1] ← … : each unit's `up` is the one before it. */
const chain = async (length: number, up: 'parent' | 'successors') => {
  const ids = [await newUnit()];
  while (ids.length < length) {
    const previous = ids[ids.length - 1];
    ids.push(await newUnit({ [up]: up === 'parent' ? previous : [previous] }));
  }
  return ids;
};

const rowIdOf = async (documentId: string) =>
  Number(
    (await app.db.query(ORG).findOne({ where: { documentId, locale: 'vi' }, select: ['id'] })).id
  );

/** Every link of the tree and of the succession, as stored, to check a refused write changed nothing. */
const links = () =>
  app.db.query(ORG).findMany({
    select: ['id'],
    orderBy: { id: 'asc' },
    populate: { parent: { select: ['id'] }, successors: { select: ['id'] } },
  });

const refusedOverRest = async (
  documentId: string,
  data: Record<string, unknown>,
  message: RegExp,
  locale = 'vi'
) => {
  const before = await links();
  const res = await http(app)
    .put(`/api/organizations/${documentId}?locale=${locale}`)
    .set('Authorization', token)
    .send({ data });
  expect(res.status).toBe(400);
  expect(res.body.error.name).toBe('ValidationError');
  expect(res.body.error.message).toMatch(message);
  expect(await links()).toEqual(before);
};

const refusedInScript = async (write: () => Promise<unknown>, message: RegExp) => {
  const before = await links();
  await expect(write()).rejects.toThrow(message);
  expect(await links()).toEqual(before);
};

const ANCESTOR = /cấp trên của chính nó/;
const SUCCESSOR = /kế thừa chính nó/;

describe('children: a unit cannot adopt one of its ancestors', () => {
  it.each([
    ['a documentId list', (id: string) => [id]],
    ['connect with a documentId', (id: string) => ({ connect: [id] })],
    ['connect with { documentId }', (id: string) => ({ connect: [{ documentId: id }] })],
    ['set', (id: string) => ({ set: [id] })],
    ['set with { documentId }', (id: string) => ({ set: [{ documentId: id }] })],
  ])('over REST, as %s', async (_, input) => {
    const [top, , bottom] = await chain(3, 'parent');
    await refusedOverRest(bottom, { children: input(top) }, ANCESTOR);
  });

  it('refuses itself as its own child', async () => {
    const unit = await newUnit();
    await refusedOverRest(unit, { children: { connect: [unit] } }, ANCESTOR);
  });

  it('refuses row ids from a script', async () => {
    const [top, , bottom] = await chain(3, 'parent');
    const topRow = await rowIdOf(top);
    await refusedInScript(
      () => units().update({ documentId: bottom, locale: 'vi', data: { children: [topRow] } }),
      ANCESTOR
    );
    await refusedInScript(
      () =>
        units().update({
          documentId: bottom,
          locale: 'vi',
          data: { children: { connect: [{ id: topRow }] } },
        }),
      ANCESTOR
    );
    await refusedInScript(
      () =>
        units().update({
          documentId: bottom,
          locale: 'vi',
          data: { children: { set: [String(topRow)] } },
        }),
      ANCESTOR
    );
  });

  it('refuses it over GraphQL', async () => {
    const [top, bottom] = await chain(2, 'parent');
    const before = await links();
    const res = await http(app)
      .post('/graphql')
      .set('Authorization', token)
      .send({
        query:
          'mutation($id: ID!, $children: [ID]) { updateOrganization(documentId: $id, data: { children: $children }) { documentId } }',
        variables: { id: bottom, children: [top] },
      });
    expect(res.body.errors[0].message).toMatch(ANCESTOR);
    expect(await links()).toEqual(before);
  });

  it('refuses it in another locale', async () => {
    const [top, bottom] = [await newUnit(), await newUnit()];
    for (const id of [top, bottom])
      await units().update({ documentId: id, locale: 'en', data: { name: `Unit ${unique()}` } });
    await units().update({ documentId: bottom, locale: 'vi', data: { parent: top } });
    await refusedOverRest(bottom, { children: [top] }, ANCESTOR, 'en');
  });

  it('refuses a new unit whose parent descends from its own child', async () => {
    const [top, , bottom] = await chain(3, 'parent');
    await refusedInScript(() => newUnit({ parent: bottom, children: [top] }), ANCESTOR);
  });

  it('accepts a new unit with children and predecessors over REST', async () => {
    const [child, older] = [await newUnit(), await newUnit()];
    const res = await http(app)
      .post('/api/organizations')
      .set('Authorization', token)
      .send({
        data: {
          name: `Hội LHPN ${unique()}`,
          kind: 'womens_union',
          level: 'province',
          children: [child],
          predecessors: { connect: [older] },
        },
      });
    expect(res.status).toBe(201);
    const stored = await app.db.query(ORG).findOne({
      where: { documentId: res.body.data.documentId, locale: 'vi' },
      populate: { children: true, predecessors: true },
    });
    expect([stored.children[0].documentId, stored.predecessors[0].documentId]).toEqual([
      child,
      older,
    ]);
  });

  it('refuses parent and children written together into a loop', async () => {
    const [a, b] = [await newUnit(), await newUnit()];
    await refusedOverRest(a, { parent: b, children: [b] }, ANCESTOR);
  });

  it('allows a disconnect that breaks the loop in the same write, and ordinary moves', async () => {
    const [top, child] = await chain(2, 'parent');
    const res = await http(app)
      .put(`/api/organizations/${top}`)
      .set('Authorization', token)
      .send({ data: { parent: child, children: { disconnect: [child] } } });
    expect(res.status).toBe(200);
    const stored = await app.db.query(ORG).findOne({
      where: { documentId: child, locale: 'vi' },
      populate: { parent: true, children: true },
    });
    expect(stored.parent).toBeNull();
    expect(stored.children.map((unit: { documentId: string }) => unit.documentId)).toEqual([top]);
    const other = await newUnit();
    expect(
      (
        await http(app)
          .put(`/api/organizations/${other}`)
          .set('Authorization', token)
          .send({ data: { children: { connect: [child] } } })
      ).status
    ).toBe(200);
  });
});

/** chain(n, 'successors') runs from the latest unit (ids[0]) back to the earliest, which each succeeded. */
describe('predecessors: a unit cannot absorb one of its successors', () => {
  it.each([
    ['a documentId list', (id: string) => [id]],
    ['connect', (id: string) => ({ connect: [{ documentId: id }] })],
    ['set', (id: string) => ({ set: [id] })],
  ])('over REST, as %s', async (_, input) => {
    const [latest, , earliest] = await chain(3, 'successors');
    await refusedOverRest(earliest, { predecessors: input(latest) }, SUCCESSOR);
  });

  it('refuses row ids from a script, and itself as its own predecessor', async () => {
    const [latest, earliest] = await chain(2, 'successors');
    const latestRow = await rowIdOf(latest);
    await refusedInScript(
      () =>
        units().update({
          documentId: earliest,
          locale: 'vi',
          data: { predecessors: { connect: [latestRow] } },
        }),
      SUCCESSOR
    );
    await refusedInScript(
      () =>
        units().update({ documentId: earliest, locale: 'vi', data: { predecessors: [earliest] } }),
      SUCCESSOR
    );
  });

  it('refuses a successor given as a row id or with connect', async () => {
    const [latest, earliest] = await chain(2, 'successors');
    const earliestRow = await rowIdOf(earliest);
    await refusedInScript(
      () =>
        units().update({
          documentId: latest,
          locale: 'vi',
          data: { successors: { connect: [{ id: earliestRow }] } },
        }),
      SUCCESSOR
    );
    await refusedInScript(
      () =>
        units().update({ documentId: latest, locale: 'vi', data: { successors: [earliestRow] } }),
      SUCCESSOR
    );
    await refusedOverRest(latest, { successors: { connect: [earliest] } }, SUCCESSOR);
  });
});

describe('long chains', () => {
  it('refuses closing a chain of 70 units, from either end', async () => {
    const ids = await chain(70, 'parent');
    await refusedOverRest(ids[0], { parent: ids[69] }, ANCESTOR);
    await refusedOverRest(ids[69], { children: [ids[0]] }, ANCESTOR);
  });

  it('refuses closing a succession of 70 units, from either end', async () => {
    const ids = await chain(70, 'successors');
    await refusedOverRest(ids[0], { successors: { connect: [ids[69]] } }, SUCCESSOR);
    await refusedOverRest(ids[69], { predecessors: { set: [ids[0]] } }, SUCCESSOR);
  });
});
