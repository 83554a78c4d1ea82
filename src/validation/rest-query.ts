import { errors } from '@strapi/utils';

import { isCalendarDay } from './calendar';
import { isRecord } from '../rules/document-params';

/**
 * Shape and operand checks of a REST query on a content type, before Strapi runs it. Strapi's own validators
 * (strictParams) refuse unknown keys and operators but not operands: `$between=a` or `$or=1` crash the query
 * builder (500), `$eq[a]=1` is dropped and everything is returned, `locale[0]=zz` skips the locale check. Pure:
 * the caller hands in how to read a model.
 */

export type Attribute = { type: string; target?: string; component?: string };
export type Model = { attributes: Record<string, Attribute> };
export type GetModel = (uid: string) => Model | undefined;

type Kind = 'text' | 'integer' | 'number' | 'date' | 'datetime' | 'time' | 'boolean' | 'opaque';

const KIND_OF_TYPE: Record<string, Kind> = {
  string: 'text',
  text: 'text',
  richtext: 'text',
  email: 'text',
  uid: 'text',
  enumeration: 'text',
  password: 'text',
  integer: 'integer',
  biginteger: 'integer',
  float: 'number',
  decimal: 'number',
  date: 'date',
  datetime: 'datetime',
  timestamp: 'datetime',
  time: 'time',
  boolean: 'boolean',
  json: 'opaque',
  blocks: 'opaque',
};

/** What each operator takes: one value of the field's type, a list, two bounds, a yes/no or a text pattern. */
const OPERAND: Record<string, 'value' | 'list' | 'pair' | 'flag' | 'pattern'> = {
  $eq: 'value',
  $ne: 'value',
  $lt: 'value',
  $lte: 'value',
  $gt: 'value',
  $gte: 'value',
  $in: 'list',
  $notIn: 'list',
  $between: 'pair',
  $null: 'flag',
  $notNull: 'flag',
  $eqi: 'pattern',
  $nei: 'pattern',
  $contains: 'pattern',
  $notContains: 'pattern',
  $containsi: 'pattern',
  $notContainsi: 'pattern',
  $startsWith: 'pattern',
  $startsWithi: 'pattern',
  $endsWith: 'pattern',
  $endsWithi: 'pattern',
};

const EQUALITY = ['$eq', '$ne', '$in', '$notIn', '$null', '$notNull'];
const ORDER = ['$lt', '$lte', '$gt', '$gte', '$between'];
const TEXT_MATCH = Object.keys(OPERAND).filter((op) => OPERAND[op] === 'pattern');

/** Operators that mean something for a kind of field on every supported database ($not is handled apart). */
const OPERATORS_OF_KIND: Record<Kind, string[]> = {
  text: [...EQUALITY, ...ORDER, ...TEXT_MATCH],
  integer: [...EQUALITY, ...ORDER],
  number: [...EQUALITY, ...ORDER],
  date: [...EQUALITY, ...ORDER],
  datetime: [...EQUALITY, ...ORDER],
  time: [...EQUALITY, ...ORDER],
  boolean: EQUALITY,
  // JSON and blocks are stored as JSON: comparing them as text differs per database.
  opaque: ['$null', '$notNull'],
};

// $and / $or are Strapi operators, but only between conditions: under a field the database layer throws (500).
const KNOWN_OPERATORS = new Set([...Object.keys(OPERAND), '$jsonSupersetOf', '$and', '$or']);

const FLAGS = new Set<unknown>([true, false, 'true', 'false']);

const fail = (message: string, param: string, path: string): never => {
  throw new errors.ValidationError(message, { param, path });
};

const isTime = (value: string) => {
  const match = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?$/.exec(value);
  return (
    match !== null && Number(match[1]) < 24 && Number(match[2]) < 60 && Number(match[3] ?? 0) < 60
  );
};

/** An instant: a timestamp in milliseconds, or an ISO date or date-time whose day is a real calendar day. */
const isInstant = (value: string) => {
  if (/^\d{1,15}$/.test(value)) return true;
  const day =
    /^(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(
      value
    );
  return (
    day !== null && isCalendarDay(day[1]) && !Number.isNaN(Date.parse(value.replace(' ', 'T')))
  );
};

const VALUE_CHECKS: Record<Kind, { test: (value: string) => boolean; expected: string }> = {
  text: { test: () => true, expected: 'text' },
  integer: { test: (value) => /^-?\d{1,18}$/.test(value), expected: 'a whole number' },
  number: { test: (value) => /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(value), expected: 'a number' },
  date: { test: isCalendarDay, expected: 'a real date written YYYY-MM-DD' },
  datetime: { test: isInstant, expected: 'a real date or date-time in ISO 8601, or a timestamp' },
  time: { test: isTime, expected: 'a time written HH:mm or HH:mm:ss' },
  boolean: {
    test: (value) => ['true', 'false', '1', '0', 't', 'f'].includes(value),
    expected: 'true or false',
  },
  opaque: { test: () => false, expected: 'nothing (use $null or $notNull)' },
};

const checkValue = (value: unknown, kind: Kind, path: string, nullable: boolean) => {
  if (value === null && nullable) return;
  if (typeof value !== 'string')
    return fail(`${path} must be a single value, not ${describe(value)}`, 'filters', path);
  const check = VALUE_CHECKS[kind];
  if (!check.test(value))
    fail(`${path} must be ${check.expected}, got "${value}"`, 'filters', path);
};

const describe = (value: unknown) =>
  Array.isArray(value) ? 'a list' : isRecord(value) ? 'an object' : String(value);

const checkOperand = (operator: string, operand: unknown, kind: Kind, path: string) => {
  switch (OPERAND[operator]) {
    case 'flag':
      if (!FLAGS.has(operand)) fail(`${path} takes true or false`, 'filters', path);
      return;
    case 'list':
      if (!Array.isArray(operand))
        return fail(`${path} takes a list: ${path}[0]=…&${path}[1]=…`, 'filters', path);
      operand.forEach((item, index) => checkValue(item, kind, `${path}[${index}]`, false));
      return;
    case 'pair':
      if (!Array.isArray(operand) || operand.length !== 2)
        return fail(`${path} takes exactly two values: ${path}[0]=…&${path}[1]=…`, 'filters', path);
      operand.forEach((item, index) => checkValue(item, kind, `${path}[${index}]`, false));
      return;
    case 'pattern':
      if (typeof operand !== 'string')
        fail(`${path} must be a single text value, not ${describe(operand)}`, 'filters', path);
      return;
    default:
      checkValue(operand, kind, path, operator === '$eq' || operator === '$ne');
  }
};

/** The operators given to one scalar field: `{ $gt: 1, $lt: 5 }`, `{ $not: { $eq: 1 } }`, or a bare value. */
const checkFieldCondition = (condition: unknown, attribute: Attribute, path: string): void => {
  const kind = KIND_OF_TYPE[attribute.type] ?? 'opaque';
  if (Array.isArray(condition)) return checkOperand('$in', condition, kind, path);
  if (!isRecord(condition)) return checkOperand('$eq', condition, kind, path);
  for (const [operator, operand] of Object.entries(condition)) {
    const at = `${path}[${operator}]`;
    if (operator === '$not') {
      if (!isRecord(operand)) fail(`${at} takes operators, e.g. ${at}[$eq]=…`, 'filters', at);
      checkFieldCondition(operand, attribute, at);
    } else if (OPERATORS_OF_KIND[kind].includes(operator)) {
      checkOperand(operator, operand, kind, at);
    } else if (operator.startsWith('$') && !KNOWN_OPERATORS.has(operator)) {
      // An operator Strapi does not know: strictParams refuses it with its own message ("Invalid key").
      continue;
    } else if (operator.startsWith('$')) {
      fail(`${at}: ${operator} cannot be used on a ${attribute.type} field`, 'filters', at);
    } else {
      fail(
        `${path} is a ${attribute.type} field: ${operator} must be an operator such as $eq`,
        'filters',
        at
      );
    }
  }
};

const ID_ATTRIBUTES: Record<string, Attribute> = {
  id: { type: 'integer' },
  documentId: { type: 'string' },
};

const targetOf = (attribute: Attribute): string | undefined => {
  if (attribute.type === 'relation') return attribute.target;
  if (attribute.type === 'component') return attribute.component;
  if (attribute.type === 'media') return 'plugin::upload.file';
  return undefined;
};

/** A filters object on a model: fields, relations (filtered on their own fields), $and/$or lists and $not. */
export const checkFilters = (
  filters: unknown,
  model: Model,
  getModel: GetModel,
  path = 'filters',
  nested = false
): void => {
  if (!isRecord(filters))
    return fail(
      `${path} must be an object of conditions, e.g. ${path}[title][$eq]=…`,
      'filters',
      path
    );
  for (const [key, value] of Object.entries(filters)) {
    const at = `${path}[${key}]`;
    if (key === '$and' || key === '$or') {
      if (!Array.isArray(value))
        return fail(`${at} takes a list of conditions: ${at}[0][…]=…`, 'filters', at);
      value.forEach((item, index) => checkFilters(item, model, getModel, `${at}[${index}]`));
    } else if (key === '$not') {
      checkFilters(value, model, getModel, at);
    } else if (nested && (key === '$null' || key === '$notNull')) {
      checkOperand(key, value, 'opaque', at);
    } else if (nested && KNOWN_OPERATORS.has(key)) {
      // An operator on the relation itself compares its id (`filters[organization][$eq]=1`): an id's operands.
      checkFieldCondition({ [key]: value }, ID_ATTRIBUTES.id, path);
    } else {
      checkField(key, value, model, getModel, at);
    }
  }
};

const checkField = (
  key: string,
  value: unknown,
  model: Model,
  getModel: GetModel,
  path: string
) => {
  const attribute = model.attributes[key] ?? ID_ATTRIBUTES[key];
  // Unknown keys and operators are Strapi's to refuse (strictParams), with its own message.
  if (!attribute) return;
  const target = targetOf(attribute);
  if (target !== undefined) {
    const targetModel = getModel(target);
    if (!isRecord(value))
      return fail(
        `${path} is a ${attribute.type}: filter on its fields, e.g. ${path}[id][$eq]=…`,
        'filters',
        path
      );
    if (targetModel) checkFilters(value, targetModel, getModel, path, true);
    return;
  }
  if (attribute.type === 'dynamiczone') return;
  checkFieldCondition(value, attribute, path);
};

/** `populate[organization][filters][…]` filters (and `[sort]` sorts) the populated entries: the same rules apply there. */
const checkPopulate = (populate: unknown, model: Model, getModel: GetModel, path: string): void => {
  if (!isRecord(populate)) return;
  for (const [key, value] of Object.entries(populate)) {
    const attribute = model.attributes[key];
    const target = attribute ? targetOf(attribute) : undefined;
    const targetModel = target === undefined ? undefined : getModel(target);
    if (!targetModel || !isRecord(value)) continue;
    if (value.filters !== undefined)
      checkFilters(value.filters, targetModel, getModel, `${path}[${key}][filters]`);
    if (value.sort !== undefined)
      checkSort(value.sort, targetModel, getModel, `${path}[${key}][sort]`);
    checkPopulate(value.populate, targetModel, getModel, `${path}[${key}][populate]`);
  }
};

/** Where one step of a sort leads: a field to sort by, a model to go on in, or somewhere Strapi checks itself. */
type SortStep = { field: true } | { model: Model } | undefined;

const sortStep = (
  key: string,
  model: Model,
  getModel: GetModel,
  sort: string,
  path: string
): SortStep => {
  const refuse = (why: string) => fail(`Invalid sort "${sort}": ${why}`, 'sort', path);
  if (key === '') return refuse('a field name is empty');
  if (key === 'localizations')
    return refuse(
      'sorting on localizations is not available; ask for the locale you want with locale='
    );
  const attribute = model.attributes[key] ?? ID_ATTRIBUTES[key];
  // Unknown keys are Strapi's to refuse, with its own message; dynamic zones cannot be sorted through.
  if (!attribute || attribute.type === 'dynamiczone') return undefined;
  const target = targetOf(attribute);
  if (target === undefined) return { field: true };
  const targetModel = getModel(target);
  return targetModel ? { model: targetModel } : undefined;
};

const pastField = (sort: string, key: string, path: string) =>
  fail(`Invalid sort "${sort}": ${key} is a field, not a relation or component`, 'sort', path);

/** `organization.name:desc`: every step but the last goes through a relation, component or media. */
const checkSortPath = (sort: string, model: Model, getModel: GetModel, path: string) => {
  const keys = (sort.split(':')[0] ?? '').split('.');
  let current = model;
  for (const [index, key] of keys.entries()) {
    const step = sortStep(key, current, getModel, sort, path);
    if (!step) return;
    if ('field' in step) {
      if (index < keys.length - 1) pastField(sort, key, path);
      return;
    }
    current = step.model;
  }
};

/** `sort[organization][name]=desc`: a field takes an order, a relation more sort. */
const checkSortObject = (
  sort: Record<string, unknown>,
  model: Model,
  getModel: GetModel,
  path: string,
  named: string
): void => {
  for (const [key, value] of Object.entries(sort)) {
    const name = named ? `${named}.${key}` : key;
    const at = `${path}[${key}]`;
    const step = sortStep(key, model, getModel, name, at);
    if (step && 'field' in step && typeof value !== 'string') pastField(name, key, at);
    if (step && 'model' in step && isRecord(value))
      checkSortObject(value, step.model, getModel, at, name);
  }
};

/**
 * A sort Strapi's validation lets through and its query builder then crashes on (500, or GraphQL's
 * INTERNAL_SERVER_ERROR): a step past a field (`title.x`, `sort[title][x]=asc`) or an empty one (`.`, `title.`).
 * Sorting through `localizations` is refused as filtering through it is. Strings, lists and objects, as Strapi
 * takes them; empty entries are left for Strapi to ignore.
 */
export const checkSort = (sort: unknown, model: Model, getModel: GetModel, path = 'sort'): void => {
  if (Array.isArray(sort))
    return sort.forEach((item, index) => checkSort(item, model, getModel, `${path}[${index}]`));
  if (isRecord(sort)) return checkSortObject(sort, model, getModel, path, '');
  if (typeof sort !== 'string') return;
  for (const part of sort.split(',').map((piece) => piece.trim()))
    if (part !== '') checkSortPath(part, model, getModel, path);
};

/** Parameters Strapi reads as one string; any other shape is ignored or crashes deeper down. */
const TEXT_PARAMS = ['locale', 'status', '_q'];

export const checkRestQuery = (
  query: Record<string, unknown>,
  model: Model,
  getModel: GetModel
): void => {
  for (const param of TEXT_PARAMS) {
    const value = query[param];
    if (value !== undefined && typeof value !== 'string')
      fail(`${param} must be a single text value, not ${describe(value)}`, param, param);
  }
  if (query.filters !== undefined) checkFilters(query.filters, model, getModel);
  if (query.sort !== undefined) checkSort(query.sort, model, getModel);
  checkPopulate(query.populate, model, getModel, 'populate');
};
