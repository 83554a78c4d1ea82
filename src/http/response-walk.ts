import type { Core } from '@strapi/strapi';

import { isRecord } from '../rules/document-params';

/** The attribute shapes a walk over a response follows; everything else is a plain value. */
export type AttributeShape =
  | { type: 'relation'; target: string }
  | { type: 'media' }
  | { type: 'component'; component: string }
  | { type: 'dynamiczone' }
  | { type: 'other' };

export type SchemaLookup = (uid: string) => Record<string, AttributeShape> | undefined;

export const MEDIA_UID = 'plugin::upload.file';

const attributeShape = (attribute: Record<string, unknown>): AttributeShape => {
  const { type } = attribute;
  if (type === 'relation' && typeof attribute.target === 'string')
    return { type, target: attribute.target };
  if (type === 'component' && typeof attribute.component === 'string')
    return { type, component: attribute.component };
  if (type === 'media' || type === 'dynamiczone') return { type };
  return { type: 'other' };
};

/** Attribute shapes of every content type and component, read once: walks run on every response they touch. */
export const schemaLookup = (strapi: Core.Strapi): SchemaLookup => {
  const models = [...Object.entries(strapi.contentTypes), ...Object.entries(strapi.components)];
  const shapes = new Map(
    models.map(([uid, model]) => [
      uid,
      Object.fromEntries(
        Object.entries(model.attributes).map(([name, attribute]) => [
          name,
          attributeShape(isRecord(attribute) ? attribute : {}),
        ])
      ),
    ])
  );
  return (uid) => shapes.get(uid);
};

/**
 * Visits every object of a REST response with the model it is an instance of: the route's type, each populated
 * relation's target, components, dynamic zone entries and media (`plugin::upload.file`). A populated relation
 * that came back empty is visited with null, so its type is still seen.
 */
export const walkResponse = (
  rootUid: string,
  data: unknown,
  schemaOf: SchemaLookup,
  visit: (uid: string, value: Record<string, unknown> | null) => void
) => {
  const walk = (uid: string, value: unknown): void => {
    if (Array.isArray(value)) {
      if (value.length === 0) visit(uid, null);
      return value.forEach((item) => walk(uid, item));
    }
    if (!isRecord(value)) return visit(uid, null);
    visit(uid, value);
    const attributes = schemaOf(uid) ?? {};
    for (const [name, child] of Object.entries(value)) {
      const shape = attributes[name];
      if (!shape || child === undefined) continue;
      if (shape.type === 'relation') walk(shape.target, child);
      else if (shape.type === 'media') walk(MEDIA_UID, child);
      else if (shape.type === 'component') walk(shape.component, child);
      else if (shape.type === 'dynamiczone' && Array.isArray(child)) {
        child.forEach((item) => {
          if (isRecord(item) && typeof item.__component === 'string') walk(item.__component, item);
        });
      }
    }
  };
  walk(rootUid, data);
};
