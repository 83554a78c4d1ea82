import { ChartPie, Eye, Earth } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { createElement } from 'react';

import { fetchTrackedTypes } from './views/api';
import { CommendationsPanel } from './commendations/CommendationsPanel';
import { IssuerWarningPanel } from './commendations/IssuerWarningPanel';
import { READ_VIEWS } from './permissions';
import { TranslationPanel } from './translation-states/TranslationPanel';
import { ViewsCell } from './views/ViewsCell';
import { PLUGIN_ID } from './pluginId';

/** Content types whose list view gets a views column, learned from the server once the panel starts. */
const tracked = new Set<string>();

type Header = {
  name: string;
  label: { id: string; defaultMessage: string } | string;
  attribute: { type: string };
  searchable?: boolean;
  sortable?: boolean;
  cellFormatter?: (row: { documentId: string; locale?: string }) => unknown;
};

const currentContentType = () =>
  decodeURIComponent(window.location.pathname).match(/collection-types\/([^/]+)/)?.[1] ?? '';

export default {
  register(app: StrapiApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: ChartPie,
      intlLabel: { id: `${PLUGIN_ID}.plugin.name`, defaultMessage: 'Insights' },
      Component: () => import('./InsightsRoutes'),
      permissions: READ_VIEWS,
    });
    app.addMenuLink({
      to: 'plugins/translations',
      icon: Earth,
      intlLabel: { id: `${PLUGIN_ID}.translations.title`, defaultMessage: 'Translations' },
      Component: () => import('./translation-states/TranslationsPage'),
      permissions: [],
    });
    app.widgets.register({
      icon: Eye,
      title: { id: `${PLUGIN_ID}.widget.title`, defaultMessage: 'Most viewed this week' },
      component: () => import('./views/MostViewedWidget').then((module) => module.default),
      pluginId: PLUGIN_ID,
      id: 'most-viewed-week',
      permissions: READ_VIEWS,
    });
    app.registerPlugin({ id: PLUGIN_ID, name: 'Insights' });
  },

  bootstrap(app: StrapiApp) {
    const contentManager: unknown = app.getPlugin('content-manager').apis;
    if (
      typeof contentManager === 'object' &&
      contentManager &&
      'addEditViewSidePanel' in contentManager &&
      typeof contentManager.addEditViewSidePanel === 'function'
    ) {
      contentManager.addEditViewSidePanel([
        IssuerWarningPanel,
        CommendationsPanel,
        TranslationPanel,
      ]);
    }
    fetchTrackedTypes().then(
      (types) => Object.values(types).forEach((uid) => tracked.add(uid)),
      () => undefined
    );
    app.registerHook(
      'Admin/CM/pages/ListView/inject-column-in-table',
      ({ displayedHeaders, layout }: { displayedHeaders: Header[]; layout: unknown }) => {
        if (!tracked.has(currentContentType())) return { displayedHeaders, layout };
        const views: Header = {
          name: 'viewCount',
          label: { id: `${PLUGIN_ID}.column.views`, defaultMessage: 'Views' },
          attribute: { type: 'custom' },
          searchable: false,
          // Sorted on the server: the views sort of a list request (see the server's views/list-sort.ts).
          sortable: true,
          cellFormatter: (row) =>
            createElement(ViewsCell, { documentId: row.documentId, locale: row.locale }),
        };
        return { displayedHeaders: [...displayedHeaders, views], layout };
      }
    );
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = await import(`./translations/${locale}.json`);
          return { data, locale };
        } catch {
          return { data: {}, locale };
        }
      })
    );
  },
};
