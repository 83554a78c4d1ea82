import type { Core } from '@strapi/strapi';

import { ensureComponentIndexes } from './commendations/tables';
import { listSortRequest } from './views/list-sort';
import { migrate } from './views/migrations';
import { service } from './services';

const SWEEP_EVERY_MS = 5 * 60_000;
let sweeper: NodeJS.Timeout | undefined;

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  const applied = await migrate(strapi.db.connection);
  if (applied.length > 0) strapi.log.info(`insights: applied migrations ${applied.join(', ')}`);
  await ensureComponentIndexes(strapi);
  strapi.server.use(listSortRequest(strapi));
  strapi.db.lifecycles.subscribe({
    models: ['plugin::i18n.locale'],
    afterCreate: () => service(strapi, 'locales').forget(),
    afterUpdate: () => service(strapi, 'locales').forget(),
    afterDelete: () => service(strapi, 'locales').forget(),
  });
  sweeper = setInterval(() => {
    service(strapi, 'viewStore')
      .sweep()
      .catch((error: unknown) =>
        strapi.log.warn(`insights: sweeping marks and hours failed: ${error}`)
      );
  }, SWEEP_EVERY_MS);
  sweeper.unref();
};

export const stopSweeper = () => {
  if (sweeper) clearInterval(sweeper);
  sweeper = undefined;
};
