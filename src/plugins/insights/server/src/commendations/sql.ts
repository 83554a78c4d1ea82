/**
 * A small SQL builder for the record's queries: text with `?` placeholders and its values, composed by a template
 * tag so that values are always bound and identifiers (from Strapi's metadata) always quoted. Runs on SQLite and
 * PostgreSQL alike through knex's raw queries.
 */
import type { Core } from '@strapi/strapi';

import { isRecord } from '../utils';

type Value = string | number;
export type Sql = { text: string; values: Value[] };

/** `sql\`… ${value} …\``: a value is bound, an Sql fragment is inlined. */
export const sql = (parts: TemplateStringsArray, ...args: (Sql | Value)[]): Sql => {
  let text = parts[0];
  const values: Value[] = [];
  args.forEach((arg, index) => {
    if (typeof arg === 'object') {
      text += arg.text;
      values.push(...arg.values);
    } else {
      // A space keeps two placeholders from reading as knex's `??` (an identifier binding).
      text += ' ? ';
      values.push(arg);
    }
    text += parts[index + 1];
  });
  return { text, values };
};

export const raw = (text: string): Sql => ({ text, values: [] });

export const join = (items: Sql[], separator = ', '): Sql => ({
  text: items.map((item) => item.text).join(separator),
  values: items.flatMap((item) => item.values),
});

/** A quoted identifier, `"a"."b"` for id('a', 'b'). */
export const id = (...names: string[]) =>
  raw(names.map((name) => `"${name.replace(/"/g, '""')}"`).join('.'));

/** The rows of a query (knex answers a raw query with the driver's shape: rows, or { rows }). */
export const rowsOf = async (strapi: Core.Strapi, query: Sql) => {
  const result: unknown = await strapi.db.connection.raw(query.text, query.values);
  const rows: unknown = isRecord(result) ? result.rows : result;
  return (Array.isArray(rows) ? rows : []).filter(isRecord);
};
