import type { Core } from '@strapi/strapi';

import { migrate } from './views/migrations';

const SWEEP_EVERY_MS = 5 * 60_000;
let sweeper: NodeJS.Timeout | undefined;

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  const applied = await migrate(strapi.db.connection);
  if (applied.length > 0) strapi.log.info(`insights: applied migrations ${applied.join(', ')}`);
  strapi.db.lifecycles.subscribe({
    models: ['plugin::i18n.locale'],
    afterCreate: () => strapi.plugin('insights').service('documents').forgetLocales(),
    afterDelete: () => strapi.plugin('insights').service('documents').forgetLocales(),
  });
  sweeper = setInterval(() => {
    strapi.plugin('insights').service('viewStore').sweepMarks().catch((error: unknown) => strapi.log.warn(`insights: sweeping marks failed: ${error}`));
  }, SWEEP_EVERY_MS);
  sweeper.unref();
};

export const stopSweeper = () => {
  if (sweeper) clearInterval(sweeper);
  sweeper = undefined;
};
