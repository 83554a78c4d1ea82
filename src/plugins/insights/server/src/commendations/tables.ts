import type { Core, UID } from '@strapi/strapi';

import { insightsConfig } from '../config';
import { isRecord } from '../utils';
import { id } from './sql';

/**
 * Table and column names behind the configured types and fields, read from Strapi's own metadata, so the
 * record's reads can be plain joins over link tables (the Query Engine's populate runs a DISTINCT join per
 * relation, which made a province's record cost hundreds of milliseconds).
 */
export type Link = { table: string; from: string; to: string; field?: string; order?: string };

const attributeOf = (strapi: Core.Strapi, uid: string, field: string) => {
  const meta = strapi.db.metadata.get(uid);
  const attributes: Record<string, unknown> = meta.attributes;
  const attribute = attributes[field];
  if (!isRecord(attribute)) throw new Error(`insights: ${uid} has no field "${field}"`);
  return attribute;
};

export const tableOf = (strapi: Core.Strapi, uid: UID.Schema) =>
  strapi.db.metadata.get(uid).tableName;

export const columnOf = (strapi: Core.Strapi, uid: UID.Schema, field: string) => {
  const column = attributeOf(strapi, uid, field).columnName;
  return typeof column === 'string' ? column : field;
};

/** The join table of a relation or of a repeatable component field: row id → related row id. */
export const linkOf = (strapi: Core.Strapi, uid: UID.Schema, field: string): Link => {
  const joinTable = attributeOf(strapi, uid, field).joinTable;
  const name = (value: unknown) =>
    isRecord(value) && typeof value.name === 'string' ? value.name : null;
  if (!isRecord(joinTable)) throw new Error(`insights: ${uid}.${field} has no join table`);
  const table = name(joinTable);
  const from = name(joinTable.joinColumn);
  const to = name(joinTable.inverseJoinColumn);
  if (!table || !from || !to) throw new Error(`insights: ${uid}.${field} has no join columns`);
  const on = joinTable.on;
  const component = isRecord(on) && typeof on.field === 'string' ? on.field : undefined;
  const order =
    typeof joinTable.orderColumnName === 'string' ? joinTable.orderColumnName : undefined;
  return { table, from, to, field: component, order };
};

/** The type or component a relation or component field points at. */
export const targetOf = (strapi: Core.Strapi, uid: UID.Schema, field: string): UID.Schema => {
  const attribute = attributeOf(strapi, uid, field);
  const target = attribute.target ?? attribute.component;
  const isSchema = (value: unknown): value is UID.Schema =>
    typeof value === 'string' && (value in strapi.contentTypes || value in strapi.components);
  if (!isSchema(target)) throw new Error(`insights: ${uid}.${field} points at no known type`);
  return target;
};

/**
 * Strapi indexes a component join table by its entity, not by its component rows. The record goes from a
 * recipient (or a position) to its award (or person), so it needs the other way too: made at every start if
 * missing (Strapi's schema sync drops only indexes it declared itself, and a SQLite table rebuild drops all).
 */
export const ensureComponentIndexes = async (strapi: Core.Strapi) => {
  const { award, person } = insightsConfig(strapi).commendations;
  for (const [uid, field] of [
    [award.uid, award.recipients],
    [person.uid, person.positions],
  ] as const) {
    const { table, to } = linkOf(strapi, uid, field);
    const index = id(`${table}_${to}_idx`).text;
    await strapi.db.connection.raw(
      `CREATE INDEX IF NOT EXISTS ${index} ON ${id(table).text} (${id(to).text})`
    );
  }
};
