import type { Core, UID } from '@strapi/strapi';

import { defaultLocale } from '../rules/document-params';

export const TRANSLATOR_ROLE = {
  code: 'hoi-lhpn-translator',
  name: 'Biên dịch viên',
  description:
    'Dịch nội dung sang các ngôn ngữ khác tiếng Việt; đọc được bản tiếng Việt, không sửa được.',
};

/** The types a translator works on. */
const TRANSLATED_TYPES: UID.ContentType[] = [
  'api::article.article',
  'api::award.award',
  'api::meeting.meeting',
  'api::official.official',
  'api::organization.organization',
];

const READ = 'plugin::content-manager.explorer.read';
/** `create` adds a locale to a document; src/rules/admin-locale-scope.ts checks it with the locale. */
const WRITES = ['create', 'update', 'publish'].map(
  (action) => `plugin::content-manager.explorer.${action}`
);

type Permission = {
  action: string;
  subject: string;
  properties: { fields?: string[]; locales?: string[] };
};

const isLocalizedText = (strapi: Core.Strapi, uid: UID.ContentType, field: string) => {
  const [name] = field.split('.');
  const attribute = Object.entries(strapi.getModel(uid).attributes).find(
    ([key]) => key === name
  )?.[1];
  if (!attribute || attribute.type === 'relation') return false;
  const options: { i18n?: { localized?: boolean } } = attribute.pluginOptions ?? {};
  return options.i18n?.localized === true;
};

/**
 * "Biên dịch viên": reads every locale of the five types, and adds, edits and publishes only the translation
 * locales (not the default `vi`), and only localized fields: shared fields and relations are written to every
 * locale, so a translator who could change them would change the Vietnamese entry. Set in code at every start
 * (what an administrator changes in the panel is put back).
 */
export const ensureTranslatorRole = async (strapi: Core.Strapi) => {
  const roles = strapi.service('admin::role');
  const role =
    (await roles.findOne({ code: TRANSLATOR_ROLE.code })) ?? (await roles.create(TRANSLATOR_ROLE));
  const source = await defaultLocale(strapi);
  const all: { code: string }[] = await strapi.plugin('i18n').service('locales').find();
  const codes = all.map(({ code }) => code);
  const translations = codes.filter((code) => code !== source);
  const actions: { actionId: string; subjects: string[] }[] = strapi
    .service('admin::permission')
    .actionProvider.values()
    .filter(({ actionId }: { actionId: string }) => actionId === READ || WRITES.includes(actionId));
  const base: Permission[] = strapi.service('admin::content-type').getPermissionsWithNestedFields(
    actions.map((action) => ({
      ...action,
      subjects: action.subjects.filter((subject) =>
        TRANSLATED_TYPES.some((uid) => uid === subject)
      ),
    }))
  );
  const permissions = base.map((permission) => {
    const uid = TRANSLATED_TYPES.find((type) => type === permission.subject);
    if (permission.action === READ || !uid)
      return { ...permission, properties: { ...permission.properties, locales: codes } };
    const fields = (permission.properties.fields ?? []).filter((field) =>
      isLocalizedText(strapi, uid, field)
    );
    return { ...permission, properties: { fields, locales: translations } };
  });
  await roles.assignPermissions(role.id, [...permissions, { action: 'plugin::upload.read' }]);
};
