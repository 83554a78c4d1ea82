import { portalApi } from './api';
import { graphqlClient } from './graphql';
import { articlePage, homePage, unitPage } from './pages';

/** The example portal's pages against a running app (`origin`: e.g. http://localhost:1337). */
export const renderPortal = (origin: string) => {
  const api = portalApi(origin);
  const graphql = graphqlClient(origin);
  return {
    home: () => homePage(api),
    article: (slug: string) => articlePage(api, slug),
    unit: (slug: string) => unitPage(api, graphql, slug),
  };
};
