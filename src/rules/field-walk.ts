import { errors } from '@strapi/utils';
import type { Core, Schema } from '@strapi/strapi';

import { isRecord } from './document-params';

export type Attribute = Schema.Attribute.AnyAttribute;

/** One field of the data a write sends, wherever it sits (top level, or inside components and dynamic zones). */
export type FieldVisit = {
  /** Path from the data's root, e.g. ['positions', '0', 'title']. */
  path: string[];
  attribute: Attribute;
  value: unknown;
  /** Replaces the value sent (for rules that normalise input). */
  replace: (value: unknown) => void;
};

/** The attributes of a content type or component, by uid; undefined for an unknown uid. */
const attributesOf = (strapi: Core.Strapi, uid: string): Record<string, Attribute> | undefined => {
  const schema =
    Object.entries(strapi.contentTypes).find(([key]) => key === uid)?.[1] ??
    Object.entries(strapi.components).find(([key]) => key === uid)?.[1];
  return schema?.attributes;
};

const componentItems = (attribute: Attribute, value: unknown): unknown[] => {
  if (attribute.type === 'dynamiczone' || (attribute.type === 'component' && attribute.repeatable))
    return Array.isArray(value) ? value : [];
  return attribute.type === 'component' ? [value] : [];
};

const componentUid = (attribute: Attribute, item: Record<string, unknown>): string | undefined => {
  if (attribute.type === 'component') return attribute.component;
  return typeof item.__component === 'string' ? item.__component : undefined;
};

/**
 * Calls `visit` for every field present in `data` that the schema of `uid` declares, then walks into the
 * components and dynamic-zone items it finds. Fields the schema does not know are left to Strapi's own checks.
 */
export const visitFields = (
  strapi: Core.Strapi,
  uid: string,
  data: Record<string, unknown>,
  visit: (field: FieldVisit) => void,
  path: string[] = []
) => {
  const attributes = attributesOf(strapi, uid) ?? {};
  for (const [name, attribute] of Object.entries(attributes)) {
    if (!Object.prototype.hasOwnProperty.call(data, name)) continue;
    const fieldPath = [...path, name];
    visit({
      path: fieldPath,
      attribute,
      value: data[name],
      replace: (value) => (data[name] = value),
    });
    componentItems(attribute, data[name]).forEach((item, index) => {
      if (!isRecord(item)) return;
      const component = componentUid(attribute, item);
      const itemPath =
        attribute.type === 'component' && !attribute.repeatable
          ? fieldPath
          : [...fieldPath, String(index)];
      if (component) visitFields(strapi, component, item, visit, itemPath);
    });
  }
};

/**
 * A refusal of one field's value, in Vietnamese: the admin panel shows `details.errors[]` (Strapi's validators'
 * shape) under the field at `path`; the top-level message names the field by its API path for API clients.
 * `message` is written to follow the field's name ("không được để trống").
 */
export const fieldError = (path: string[], message: string) =>
  new errors.ValidationError(`${path.join('.')}: ${message}`, {
    errors: [
      {
        path,
        message: `${message.charAt(0).toUpperCase()}${message.slice(1)}`,
        name: 'ValidationError',
      },
    ],
  });
