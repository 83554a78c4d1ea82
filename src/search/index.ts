import type { Core } from '@strapi/strapi';

import { reindexAll } from './indexer';
import { engineOf, ensureSearchTables } from './schema';

/**
 * At every start: the search tables exist; when this start made them (a new database, or one from before search
 * existed), the index is filled from what is already published.
 */
export const prepareSearch = async (strapi: Core.Strapi) => {
  const created = await ensureSearchTables(strapi.db.connection, engineOf(strapi));
  if (!created) return;
  const indexed = await reindexAll(strapi, (line) => strapi.log.debug(line));
  if (indexed > 0) strapi.log.info(`search: indexed ${indexed} published entries`);
};

export { reindexAll } from './indexer';
export { searchIndexRule } from './middleware';
export { registerSearchGraphql } from './graphql';
