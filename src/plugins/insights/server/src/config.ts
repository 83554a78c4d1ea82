import type { Core, UID } from '@strapi/strapi';

import { isRecord } from './utils';

/** A fixed-window budget: at most maxHits per windowSeconds. */
export type Budget = { windowSeconds: number; maxHits: number };

/** Who normally issues a commendation form: a warning (`issuerWarning`) names `label` when the issuer does not fit. */
export type IssuerRule = { label: string; levels: string[]; kinds: string[] };

/**
 * The app's types and fields the commendations module reads: the plugin knows the app only through these names.
 * Relations to a unit or a person are named here once (see awardReferences in commendations/model.ts).
 */
export type CommendationsConfig = {
  award: {
    uid: UID.ContentType;
    /** Relation to the unit that issued the award. */
    issuer: string;
    /** Relation to the person who presented it. */
    presenter: string;
    /** Relation to the event it was presented at, and that event's date field. */
    presentedAt: string;
    presentedAtDate: string;
    /** Repeatable component of recipients: its kind field, and its relations to a unit and to a person. */
    recipients: string;
    recipientKind: string;
    recipientUnit: string;
    recipientPerson: string;
    /** A number of recipients given only as a count, placed at recipientUnit (see commendations/records.ts). */
    recipientCount: string;
    /** A recipient typed in (a person or a collective not in the system). */
    recipientName: string;
    decisionDate: string;
    /** How much of decisionDate is known: day, month or year. */
    decisionDatePrecision: string;
    /** The year the award belongs to, when the editor states it; else it comes from the dates (records.ts). */
    year: string;
    /** Last year of the achievement period. */
    periodEnd: string;
    /** Enumeration of forms (Bằng khen, Giấy khen, ...): the list the API accepts is read from the schema. */
    form: string;
    awardStatus: string;
    issuerWarning: string;
  };
  /** The unit type: its tree (parent) and merges (successors, many-to-many); level and kind are what issuer rules compare. */
  unit: {
    uid: UID.ContentType;
    name: string;
    parent: string;
    successors: string;
    level: string;
    kind: string;
  };
  /** The person type and the repeatable positions that place a person in a unit over a period. */
  person: {
    uid: UID.ContentType;
    name: string;
    positions: string;
    positionTitle: string;
    positionUnit: string;
    positionStart: string;
    positionEnd: string;
    /** True when the position ended at a date nobody recorded. */
    positionFormer: string;
  };
  /** Forms listed in records but kept out of commendation totals (a Giấy chứng nhận is not a commendation). */
  nonCommendationForms: string[];
  /** Form → label in reports. */
  formLabels: Record<string, string>;
  /** Per form, who normally issues it (Luật Thi đua, khen thưởng 2022); forms not listed are never warned about. */
  issuerRules: Record<string, IssuerRule>;
};

/** The fields of a trackable type a ranking entry ("most viewed" box) shows. */
export type CardFields = { title: string; slug: string; publishedDate: string; cover: string };
export const CARD_FIELDS: readonly (keyof CardFields)[] = [
  'title',
  'slug',
  'publishedDate',
  'cover',
];

export type InsightsConfig = {
  /** Public type names a view hit may name, and the content type each stands for. */
  trackableTypes: Record<string, UID.ContentType>;
  /**
   * What a ranking entry carries besides its views: per trackable type name, its title, slug, date and cover
   * (a single media) fields; the unit (unitField) comes with its name (commendations.unit.name) and `unitSlug`.
   */
  rankingCard: {
    fields: Record<string, CardFields>;
    unitSlug: string;
    /** The URL a cover is shown with, from the media file's own (the app's rule: absolute with its public URL). */
    mediaUrl?: (url: string) => string;
  };
  /** The relation that places a trackable entry in a unit (rankings per unit, a unit's summary). */
  unitField: string;
  /** A visitor counts once per document and locale within this window. */
  dedupWindowMinutes: number;
  /** Proxies whose X-Forwarded-For is believed: proxy-addr trust values (addresses, CIDRs, 'loopback', …). */
  trustedProxies: string[];
  /** Hits one visitor (IP + user agent) may send per window before getting 429. */
  rateLimit: Budget;
  /**
   * Hits one client IP may send whatever user agents it rotates, for one document and overall, before getting 429
   * (those hits are not counted). Generous: a school or office behind one NAT address has many real readers.
   */
  ipLimit: { perDocument: Budget; overall: Budget };
  /** With a Redis URL, every instance shares the hit limits above; without, each instance keeps its own. */
  redisUrl?: string;
  /** Day, week, month and year buckets follow this clock, minutes east of UTC (the app sets Vietnam time: +420). */
  utcOffsetMinutes: number;
  /** Bodies of view hits larger than this are refused with 413. */
  maxBodyBytes: number;
  commendations: CommendationsConfig;
  /**
   * Types whose translations are followed (translations module): public type names and the content types they
   * stand for; `ignoredFields` are localized fields that are not translated text (slugs are derived per locale).
   */
  translations: { types: Record<string, UID.ContentType>; ignoredFields: string[] };
};

/** The plugin's configuration, defaults merged with config/plugins.ts, validated once at load (validator below). */
export const insightsConfig = (strapi: Core.Strapi): InsightsConfig =>
  strapi.config.get('plugin::insights');

const isPositive = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) && value > 0;
const isBudget = (value: Budget | undefined) =>
  isPositive(value?.windowSeconds) && isPositive(value?.maxHits);
const isName = (value: unknown) => typeof value === 'string' && value !== '';
const isNameList = (value: unknown) => Array.isArray(value) && value.every(isName);

/** Every field of each named section of `commendations` must be a non-empty name. */
const checkNames = (commendations: unknown) => {
  if (!isRecord(commendations))
    throw new Error('insights: commendations must name the award, unit and person types');
  if (!isNameList(commendations.nonCommendationForms))
    throw new Error('insights: commendations.nonCommendationForms must be a list of forms');
  const labels = commendations.formLabels;
  if (!isRecord(labels) || !Object.values(labels).every(isName))
    throw new Error('insights: commendations.formLabels must map forms to labels');
  for (const section of ['award', 'unit', 'person'] as const) {
    const names = commendations[section];
    if (!isRecord(names) || !isName(names.uid))
      throw new Error(`insights: commendations.${section}.uid is required`);
    const blank = Object.entries(names).find(([, value]) => !isName(value));
    if (blank)
      throw new Error(`insights: commendations.${section}.${blank[0]} must be a field name`);
  }
  const rules = commendations.issuerRules;
  if (!isRecord(rules))
    throw new Error('insights: commendations.issuerRules must map forms to rules');
  for (const [form, rule] of Object.entries(rules)) {
    if (
      !isRecord(rule) ||
      !isName(rule.label) ||
      !isNameList(rule.levels) ||
      !isNameList(rule.kinds)
    ) {
      throw new Error(
        `insights: commendations.issuerRules.${form} needs a label, levels and kinds`
      );
    }
  }
};

/** Every trackable type names its card fields; the unit's slug is named. */
const checkCard = (config: InsightsConfig) => {
  const card: unknown = config.rankingCard;
  if (!isRecord(card) || !isRecord(card.fields) || !isName(card.unitSlug))
    throw new Error('insights: rankingCard needs fields per trackable type and a unitSlug');
  if (card.mediaUrl !== undefined && typeof card.mediaUrl !== 'function')
    throw new Error('insights: rankingCard.mediaUrl must be a function of a media URL');
  for (const type of Object.keys(config.trackableTypes)) {
    const fields = card.fields[type];
    const missing = CARD_FIELDS.find((field) => !isRecord(fields) || !isName(fields[field]));
    if (missing)
      throw new Error(`insights: rankingCard.fields.${type}.${missing} must be a field name`);
  }
};

export default {
  // The app's types are not defaults: config/plugins.ts names them (trackableTypes, commendations).
  default: () => ({
    unitField: 'organization',
    dedupWindowMinutes: 30,
    trustedProxies: [],
    rateLimit: { windowSeconds: 60, maxHits: 60 },
    ipLimit: {
      perDocument: { windowSeconds: 30 * 60, maxHits: 300 },
      overall: { windowSeconds: 60, maxHits: 1200 },
    },
    utcOffsetMinutes: 0,
    maxBodyBytes: 1024,
  }),
  validator(config: InsightsConfig) {
    if (!config.trackableTypes || Object.keys(config.trackableTypes).length === 0) {
      throw new Error('insights: trackableTypes needs at least one type');
    }
    for (const key of ['dedupWindowMinutes', 'maxBodyBytes'] as const) {
      if (!isPositive(config[key])) throw new Error(`insights: ${key} must be a positive number`);
    }
    const budgets = {
      rateLimit: config.rateLimit,
      'ipLimit.perDocument': config.ipLimit?.perDocument,
      'ipLimit.overall': config.ipLimit?.overall,
    };
    for (const [name, budget] of Object.entries(budgets)) {
      if (!isBudget(budget))
        throw new Error(`insights: ${name} needs positive windowSeconds and maxHits`);
    }
    if (!Array.isArray(config.trustedProxies))
      throw new Error('insights: trustedProxies must be a list');
    if (
      typeof config.utcOffsetMinutes !== 'number' ||
      Math.abs(config.utcOffsetMinutes) > 14 * 60
    ) {
      throw new Error('insights: utcOffsetMinutes must be a number of minutes from -840 to 840');
    }
    if (!isName(config.unitField)) throw new Error('insights: unitField must be a field name');
    checkNames(config.commendations);
    checkCard(config);
    if (!isRecord(config.translations?.types) || !isNameList(config.translations.ignoredFields))
      throw new Error('insights: translations needs types and a list of ignoredFields');
  },
};

/** Fails the start when a configured type or field does not exist in the app's schema (run at register). */
export const checkConfiguredModels = (strapi: Core.Strapi) => {
  const { trackableTypes, commendations, translations, rankingCard } = insightsConfig(strapi);
  const typeLists = { trackableTypes, 'translations.types': translations.types };
  for (const [list, types] of Object.entries(typeLists)) {
    for (const [name, uid] of Object.entries(types)) {
      if (!strapi.contentTypes[uid])
        throw new Error(`insights: ${list}.${name} names no content type "${uid}"`);
    }
  }
  const { award, unit, person } = commendations;
  const fieldsOf = (uid: UID.ContentType, fields: string[], where: string) => {
    const model = strapi.contentTypes[uid];
    if (!model) throw new Error(`insights: ${where}.uid names no content type "${uid}"`);
    const missing = fields.find((field) => !(field in model.attributes));
    if (missing)
      throw new Error(`insights: ${where} names a field "${missing}" that ${uid} does not have`);
  };
  fieldsOf(
    award.uid,
    [
      award.issuer,
      award.presenter,
      award.presentedAt,
      award.recipients,
      award.decisionDate,
      award.decisionDatePrecision,
      award.year,
      award.periodEnd,
      award.form,
      award.awardStatus,
      award.issuerWarning,
    ],
    'commendations.award'
  );
  fieldsOf(
    unit.uid,
    [unit.name, unit.parent, unit.successors, unit.level, unit.kind],
    'commendations.unit'
  );
  fieldsOf(person.uid, [person.name, person.positions], 'commendations.person');
  for (const [type, uid] of Object.entries(trackableTypes))
    fieldsOf(
      uid,
      CARD_FIELDS.map((field) => rankingCard.fields[type][field]),
      `rankingCard.fields.${type}`
    );
  fieldsOf(unit.uid, [rankingCard.unitSlug], 'rankingCard.unitSlug');
};
