'use strict';

/**
 * A unit's one `successor` became any number of `successors` (2025 reform: units split and merged both ways).
 * Runs before Strapi syncs the schema, which would otherwise drop the one-successor link table with its rows: the
 * table is renamed to the many-to-many one and given its second order column, so every stored link is kept.
 * A new database has neither table, and one already migrated has the new one: nothing to do.
 */
const OLD = 'organizations_successor_lnk';
const NEW = 'organizations_successors_lnk';

module.exports = {
  async up(knex) {
    if (!(await knex.schema.hasTable(OLD)) || (await knex.schema.hasTable(NEW))) return;
    await knex.schema.renameTable(OLD, NEW);
    await knex.schema.alterTable(NEW, (table) => table.double('inv_organization_ord').unsigned());
    // Orders among a unit's predecessors: their former order under the one successor.
    await knex(NEW).update({ inv_organization_ord: knex.ref('organization_ord') });
    await knex(NEW).update({ organization_ord: 1 });
  },
};
