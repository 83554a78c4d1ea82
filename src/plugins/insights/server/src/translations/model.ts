import type { Core, UID } from '@strapi/strapi';

import { insightsConfig } from '../config';
import { isRecord } from '../utils';

/** Attribute types that hold text a translator writes. */
const TEXT_TYPES = new Set(['string', 'text', 'richtext', 'blocks']);

type Attribute = { type: string; component?: unknown; pluginOptions?: unknown };

const isLocalized = (attribute: Attribute) =>
  isRecord(attribute.pluginOptions) &&
  isRecord(attribute.pluginOptions.i18n) &&
  attribute.pluginOptions.i18n.localized === true;

const attributesOf = (schema: { attributes: Record<string, unknown> } | undefined) =>
  Object.entries(schema?.attributes ?? {}).flatMap(([name, attribute]) =>
    isRecord(attribute) && typeof attribute.type === 'string'
      ? [
          [
            name,
            {
              type: attribute.type,
              component: attribute.component,
              pluginOptions: attribute.pluginOptions,
            },
          ] as const,
        ]
      : []
  );

/** The text fields of a component (captions, typed names, position titles). */
const componentTextFields = (strapi: Core.Strapi, component: unknown) =>
  attributesOf(Object.entries(strapi.components).find(([uid]) => uid === component)?.[1])
    .filter(([, attribute]) => TEXT_TYPES.has(attribute.type))
    .map(([name]) => name);

export type TranslatableField = { name: string; componentFields?: string[] };

/**
 * The fields a translator translates: localized text fields, and localized components that hold text, minus
 * `ignoredFields` (slugs are made per locale). Numbers, dates and relations are not translated.
 */
export const translatableFields = (
  strapi: Core.Strapi,
  uid: UID.ContentType
): TranslatableField[] => {
  const { ignoredFields } = insightsConfig(strapi).translations;
  return attributesOf(strapi.getModel(uid))
    .filter(([name, attribute]) => isLocalized(attribute) && !ignoredFields.includes(name))
    .flatMap(([name, attribute]): TranslatableField[] => {
      if (TEXT_TYPES.has(attribute.type)) return [{ name }];
      if (attribute.type !== 'component') return [];
      const componentFields = componentTextFields(strapi, attribute.component);
      return componentFields.length > 0 ? [{ name, componentFields }] : [];
    });
};

/** The plain text of a blocks node: its own text and its children's, joined. */
const blockText = (node: unknown): string => {
  if (!isRecord(node)) return '';
  const own = typeof node.text === 'string' ? node.text : '';
  const children = Array.isArray(node.children) ? node.children.map(blockText) : [];
  return [own, ...children].join(node.type === 'list' ? '\n' : '');
};

const nonEmpty = (texts: string[]) => texts.filter((text) => text.trim() !== '');

/**
 * A field's value as the text units a translator reads: one string for a text field, one per top-level block
 * (paragraph, heading, list...) for blocks, one per component item. States compare these units, and the admin
 * shows the units that differ, so a changed paragraph is shown alone.
 */
export const textUnits = (field: TranslatableField, value: unknown): string[] => {
  if (field.componentFields) {
    const items = Array.isArray(value) ? value : [];
    const fields = field.componentFields;
    return nonEmpty(
      items.map((item) =>
        isRecord(item)
          ? fields
              .flatMap((name) => (typeof item[name] === 'string' ? [item[name]] : []))
              .join(' · ')
          : ''
      )
    );
  }
  if (Array.isArray(value)) return nonEmpty(value.map(blockText));
  return typeof value === 'string' ? nonEmpty([value]) : [];
};

export type TextSnapshot = Record<string, string[]>;
