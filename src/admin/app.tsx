import type { StrapiApp } from '@strapi/strapi/admin';

import { applyEditorDefaults } from './default-language';
import { IntegerInput } from './IntegerInput';
import { keepTypedValuesOnRefusal } from './keep-typed-values';
import { editorListColumns } from './list-columns';
import en from './translations/en.json';
import vi from './translations/vi.json';

export default {
  config: {
    // Editors work in Vietnamese (the default, see default-language.ts); English stays in the profile menu.
    locales: ['vi'],
    translations: { vi, en },
    // Strapi's tutorial videos and release notes are for developers, not for portal editors.
    tutorials: false,
    notifications: { releases: false },
  },
  register(app: StrapiApp) {
    applyEditorDefaults(window.localStorage);
    app.addFields({ type: 'integer', Component: IntegerInput });
    app.addMiddlewares([keepTypedValuesOnRefusal]);
  },
  bootstrap(app: StrapiApp) {
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', editorListColumns);
  },
};
