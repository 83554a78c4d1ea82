/**
 * Strapi's admin opens in the language stored under `strapi-admin-language` in localStorage, and in English when
 * nothing is stored (`StrapiApp.render`). Editors work in Vietnamese: a browser that has not chosen a language
 * yet gets `vi`. Choosing English in the profile menu stores `en`, which is kept; a user's saved interface
 * language (Profile → Interface language) still wins after login.
 */
const LANGUAGE_KEY = 'strapi-admin-language';

/**
 * Strapi's guided tour (a popover on the homepage and each list) is for developers setting Strapi up, not for
 * editors; it reads its state from this key and stays off when `enabled` is false.
 */
const GUIDED_TOUR_KEY = 'STRAPI_GUIDED_TOUR';

export const DEFAULT_ADMIN_LANGUAGE = 'vi';

export const applyEditorDefaults = (storage: Storage) => {
  if (!storage.getItem(LANGUAGE_KEY)) storage.setItem(LANGUAGE_KEY, DEFAULT_ADMIN_LANGUAGE);
  if (!storage.getItem(GUIDED_TOUR_KEY))
    storage.setItem(
      GUIDED_TOUR_KEY,
      JSON.stringify({ tours: {}, enabled: false, hidden: true, completedActions: [] })
    );
};
