import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';

import { databaseQuiet, startStrapi, stopStrapi } from '../helpers/strapi';

import { adminQuery } from '../../scripts/postgres';

type Knex = Core.Strapi['db']['connection'];

const isPostgres = process.env.DATABASE_CLIENT === 'postgres';
const database = `hoi_lhpn_successors_migration_${process.pid}`;
const sqliteFile = path.join('.tmp', `${database}.db`);
const MIGRATION = '2026.11.24T00.00.00.unit-successors-many-to-many.js';
const ORG = 'api::organization.organization';

/**
 * Puts the succession links back as the one-successor version stored them: the many-to-many table gone, its rows in
 * the manyToOne link table (one order column), and the migration not yet recorded.
 */
const makeOneSuccessorDatabase = async (knex: Knex) => {
  const rows = await knex('organizations_successors_lnk').select(
    'organization_id',
    'inv_organization_id',
    'inv_organization_ord'
  );
  await knex.schema.dropTable('organizations_successors_lnk');
  await knex.schema.createTable('organizations_successor_lnk', (table) => {
    table.increments('id');
    table.integer('organization_id').unsigned();
    table.integer('inv_organization_id').unsigned();
    table.double('organization_ord').unsigned();
  });
  await knex('organizations_successor_lnk').insert(
    rows.map((row: Record<string, unknown>) => ({
      organization_id: row.organization_id,
      inv_organization_id: row.inv_organization_id,
      organization_ord: row.inv_organization_ord,
    }))
  );
  await knex('strapi_migrations').where({ name: MIGRATION }).delete();
};

beforeAll(async () => {
  process.env.SEED_ON_EMPTY_DATABASE = 'false';
  if (isPostgres) {
    await adminQuery(`CREATE DATABASE "${database}"`);
    process.env.DATABASE_NAME = database;
  } else {
    process.env.DATABASE_FILENAME = sqliteFile;
  }
});
afterAll(async () => {
  if (isPostgres) await adminQuery(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  else
    for (const suffix of ['', '-wal', '-shm', '-journal'])
      fs.rmSync(`${sqliteFile}${suffix}`, { force: true });
});

it("keeps every unit's successor when one successor becomes many", async () => {
  const before = await startStrapi();
  const units: Record<string, string> = {};
  try {
    const create = async (name: string, data: Record<string, unknown> = {}) =>
      (
        await before.documents(ORG).create({
          locale: 'vi',
          data: { name, kind: 'womens_union', level: 'commune', ...data },
        })
      ).documentId;
    units.newer = await create('Hội LHPN xã mới');
    units.older = await create('Hội LHPN xã cũ', { successors: [units.newer] });
    units.oldest = await create('Hội LHPN xã cũ nhất', { successors: [units.newer] });
    // Strapi reads each written entry again after the write (its events), unawaited: the tables must not be
    // dropped under those reads (a deadlock on PostgreSQL).
    await databaseQuiet(before);
    await makeOneSuccessorDatabase(before.db.connection);
  } finally {
    await stopStrapi(before);
  }

  const app = await startStrapi();
  try {
    const newer = await app.documents(ORG).findOne({
      documentId: units.newer,
      locale: 'vi',
      populate: { predecessors: { fields: ['name'] } },
    });
    expect(newer?.predecessors?.map((unit: { documentId: string }) => unit.documentId)).toEqual([
      units.older,
      units.oldest,
    ]);
    // The links are the many-to-many relation's now: a second successor joins the first.
    const another = (
      await app.documents(ORG).create({
        locale: 'vi',
        data: { name: 'Hội LHPN xã mới 2', kind: 'womens_union', level: 'commune' },
      })
    ).documentId;
    await app.documents(ORG).update({
      documentId: units.older,
      locale: 'vi',
      data: { successors: { connect: [another] } },
    });
    const older = await app
      .documents(ORG)
      .findOne({ documentId: units.older, locale: 'vi', populate: ['successors'] });
    expect(
      new Set(older?.successors?.map((unit: { documentId: string }) => unit.documentId))
    ).toEqual(new Set([units.newer, another]));
    expect(await app.db.connection.schema.hasTable('organizations_successor_lnk')).toBe(false);
  } finally {
    await stopStrapi(app);
  }
  // Two starts on a database of its own, the first making every table.
}, 240_000);
