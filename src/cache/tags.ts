import { MEDIA_UID, walkResponse, type SchemaLookup } from '../http/response-walk';
import { isRecord } from '../rules/document-params';

/**
 * What a response holds, for purging: the model of every object in it (the route's type, each populated
 * relation's target, components, media) as `type:<uid>`, and every document as `doc:<documentId>`. A populated
 * relation that came back empty still tags its target type, since creating a document of it can fill it.
 */
export const responseTags = (rootUid: string, data: unknown, schemaOf: SchemaLookup) => {
  const tags = new Set<string>();
  walkResponse(rootUid, data, schemaOf, (uid, value) => {
    tags.add(`type:${uid}`);
    if (typeof value?.documentId === 'string') tags.add(`doc:${value.documentId}`);
  });
  return tags;
};

/** Documents anywhere in a response whose shape is not known (GraphQL): every `documentId` found. */
export const documentTags = (value: unknown, tags = new Set<string>()): Set<string> => {
  if (Array.isArray(value)) value.forEach((item) => documentTags(item, tags));
  else if (isRecord(value)) {
    if (typeof value.documentId === 'string') tags.add(`doc:${value.documentId}`);
    Object.values(value).forEach((child) => documentTags(child, tags));
  }
  return tags;
};

/**
 * Types a query's filters reach through relations (`filters[organization][slug]=…`): a write to one of them can
 * change which documents the answer lists, though none of its documents is in it.
 */
export const filterTags = (rootUid: string, filters: unknown, schemaOf: SchemaLookup) => {
  const tags = new Set<string>();
  const walk = (uid: string, value: unknown): void => {
    if (Array.isArray(value)) return value.forEach((item) => walk(uid, item));
    if (!isRecord(value)) return;
    const attributes = schemaOf(uid) ?? {};
    for (const [name, child] of Object.entries(value)) {
      const shape = attributes[name];
      if (shape?.type === 'relation') {
        tags.add(`type:${shape.target}`);
        walk(shape.target, child);
      } else if (shape?.type === 'component') walk(shape.component, child);
      else if (shape?.type === 'media') tags.add(`type:${MEDIA_UID}`);
      else if (!shape) walk(uid, child); // $and, $or, $not
    }
  };
  walk(rootUid, filters);
  return tags;
};
