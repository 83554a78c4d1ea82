import type { Core } from '@strapi/strapi';

import commendations from './commendations/services/commendations';
import locales from './locales';
import documents from './views/services/documents';
import translationStates from './translations/services/states';
import rankings from './views/services/rankings';
import rateLimit from './views/services/rate-limit';
import viewStore from './views/services/view-store';
import visitor from './views/services/visitor';

/** The plugin's services, as Strapi registers them (plugin::insights.<name>). */
export const services = {
  commendations,
  documents,
  locales,
  rankings,
  rateLimit,
  translationStates,
  viewStore,
  visitor,
};

// A type literal (not `typeof services`), so a service may use another without a circular inference.
export type Services = {
  commendations: typeof commendations;
  documents: typeof documents;
  locales: typeof locales;
  rankings: typeof rankings;
  rateLimit: typeof rateLimit;
  translationStates: typeof translationStates;
  viewStore: typeof viewStore;
  visitor: typeof visitor;
};

/**
 * The one way the plugin reaches its services: typed by the factory, so a renamed method fails to compile.
 * Strapi's own lookup returns `any`; this is the single place that result is given its type.
 */
export const service = <K extends keyof Services>(
  strapi: Core.Strapi,
  name: K
): ReturnType<Services[K]> => strapi.plugin('insights').service(name);
