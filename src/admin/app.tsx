import type { StrapiApp } from '@strapi/strapi/admin';

export default {
  config: {
    // Editors work in Vietnamese; English stays available from the profile menu.
    locales: ['vi'],
  },
  bootstrap(_app: StrapiApp) {},
};
