import type { Core } from '@strapi/strapi';

import { isRecord } from '../rules/document-params';

type Nexus = typeof import('nexus');

/**
 * `servedLocale` on every localized type: the locale an entry was served in. With `/graphql?fallbackLocale=vi`,
 * an entry missing in the asked locale comes in the fallback one (src/rules/fallback-read.ts).
 */
export const registerServedLocale = (strapi: Core.Strapi) => {
  const naming = strapi.plugin('graphql').service('utils').naming;
  const localized = Object.values(strapi.contentTypes).filter(
    (contentType) => contentType.uid.startsWith('api::') && 'locale' in contentType.attributes
  );
  strapi
    .plugin('graphql')
    .service('extension')
    .use(({ nexus }: { nexus: Nexus }) => ({
      types: localized.map((contentType) =>
        nexus.extendType({
          type: naming.getTypeName(contentType),
          definition(t) {
            t.string('servedLocale', {
              description:
                'The locale this entry was served in (a fallback read may serve another)',
              resolve: (parent: unknown) => {
                if (!isRecord(parent)) return null;
                const served = parent.servedLocale ?? parent.locale;
                return typeof served === 'string' ? served : null;
              },
            });
          },
        })
      ),
      resolversConfig: Object.fromEntries(
        localized.map((contentType) => [
          `${naming.getTypeName(contentType)}.servedLocale`,
          { auth: false },
        ])
      ),
    }));
};
