import fs from 'node:fs';
import path from 'node:path';
import type { Core, Modules, UID } from '@strapi/strapi';

import type {
  ArticleSeed,
  AwardSeed,
  MeetingSeed,
  OfficialSeed,
  OrganizationSeed,
  SeedContent,
} from './content';

export const SEED_FILE = path.join('database', 'seeds', 'content.json');

type Log = (line: string) => void;
type Input<T extends UID.ContentType> = Modules.Documents.Params.Data.Input<T>;
type Keys = Map<string, string>;

export const readSeedContent = (appRoot: string): SeedContent =>
  JSON.parse(fs.readFileSync(path.join(appRoot, SEED_FILE), 'utf8'));

const documentIdOf = (keys: Keys, key: string) => {
  const documentId = keys.get(key);
  if (!documentId) throw new Error(`seed: "${key}" is referenced before it is defined`);
  return documentId;
};

/**
 * Creates the vi version (looked up by its slug) and the en version of one document when missing,
 * so a second run, or a run after a half-finished one, changes nothing that exists.
 */
const ensureDocument = async <T extends UID.ContentType>(
  strapi: Core.Strapi,
  log: Log,
  uid: T,
  key: string,
  data: { vi: Input<T>; en: Input<T> }
): Promise<string> => {
  const documents = strapi.documents(uid);
  const label = `${uid.split('.').pop()} ${key}`;
  const existing = await strapi.db
    .query(uid)
    .findOne({ select: ['documentId'], where: { slug: key, locale: 'vi' } });
  const documentId: string = existing
    ? existing.documentId
    : (await documents.create({ locale: 'vi', data: data.vi, status: 'published' })).documentId;
  const hasEn = await strapi.db
    .query(uid)
    .findOne({ select: ['id'], where: { documentId, locale: 'en' } });
  if (!hasEn)
    await documents.update({ documentId, locale: 'en', data: data.en, status: 'published' });
  log(
    `${existing ? '=' : '+'} ${label}${existing && hasEn ? ' (exists)' : hasEn ? ' vi' : existing ? ' en' : ' vi, en'}`
  );
  return documentId;
};

/** Parents before children, so every parent key resolves when its children are created. */
const parentsFirst = (units: OrganizationSeed[]) => {
  const placed = new Set<string>();
  const ordered: OrganizationSeed[] = [];
  while (ordered.length < units.length) {
    const ready = units.filter(
      (unit) => !placed.has(unit.key) && (!unit.parent || placed.has(unit.parent))
    );
    if (ready.length === 0)
      throw new Error('seed: organization parents form a cycle or name a missing unit');
    ready.forEach((unit) => {
      placed.add(unit.key);
      ordered.push(unit);
    });
  }
  return ordered;
};

const organizationData = (unit: OrganizationSeed, keys: Keys) => {
  const shared = {
    kind: unit.kind,
    level: unit.level,
    validFrom: unit.validFrom,
    validTo: unit.validTo,
    phone: unit.phone,
    parent: unit.parent ? documentIdOf(keys, unit.parent) : undefined,
  };
  return { vi: { ...shared, ...unit.vi }, en: { ...shared, ...unit.en } };
};

const officialData = (person: OfficialSeed, keys: Keys) => {
  const localized = (version: OfficialSeed['vi']) => ({
    ...version,
    positions: version.positions.map((position) => ({
      ...position,
      organization: documentIdOf(keys, position.organization),
    })),
  });
  return { vi: localized(person.vi), en: localized(person.en) };
};

const meetingData = (meeting: MeetingSeed, keys: Keys) => {
  const { key, vi, en, attendees, organizer, ...shared } = meeting;
  const localized = ({ attendeePositions, ...text }: MeetingSeed['vi']) => ({
    ...shared,
    ...text,
    organizer: documentIdOf(keys, organizer),
    attendees: attendees.map((attendee, index) => ({
      official: documentIdOf(keys, attendee.official),
      role: attendee.role,
      positionText: attendeePositions[index],
    })),
  });
  return { vi: localized(vi), en: localized(en) };
};

const awardData = (award: AwardSeed, keys: Keys) => {
  const { key, vi, en, issuer, presenter, presentedAt, ...shared } = award;
  const relations = {
    awardStatus: 'active' as const,
    issuer: documentIdOf(keys, issuer),
    presenter: presenter ? documentIdOf(keys, presenter) : undefined,
    presentedAt: presentedAt ? documentIdOf(keys, presentedAt) : undefined,
  };
  return { vi: { ...shared, ...relations, ...vi }, en: { ...shared, ...relations, ...en } };
};

const paragraphs = (texts: string[]) =>
  texts.map((text) => ({
    type: 'paragraph' as const,
    children: [{ type: 'text' as const, text }],
  }));

const articleData = (article: ArticleSeed, keys: Keys) => {
  const shared = {
    publishedDate: article.publishedDate,
    organization: documentIdOf(keys, article.organization),
    meetings: article.meetings.map((key) => documentIdOf(keys, key)),
    officials: article.officials.map((key) => documentIdOf(keys, key)),
    awards: article.awards.map((key) => documentIdOf(keys, key)),
  };
  const localized = ({ body, gallery, ...text }: ArticleSeed['en']) => ({
    ...shared,
    ...text,
    body: paragraphs(body),
    gallery: gallery.map((caption) => ({ caption })),
  });
  return { vi: localized(article.vi), en: localized(article.en) };
};

/** What the seed needs of the insights plugin's view store; the app imports none of the plugin's files. */
type BaselineImporter = {
  importBaseline: (
    key: { contentType: UID.ContentType; documentId: string; locale: string },
    views: number
  ) => Promise<boolean>;
};
const isBaselineImporter = (value: unknown): value is BaselineImporter =>
  typeof value === 'object' &&
  value !== null &&
  'importBaseline' in value &&
  typeof value.importBaseline === 'function';

/** The old portal's "Số lượt xem" becomes the starting count of the article's vi version (once). */
const importLegacyViews = async (
  strapi: Core.Strapi,
  log: Log,
  articles: ArticleSeed[],
  keys: Keys
) => {
  const viewStore: unknown = strapi.plugin('insights')?.service('viewStore');
  if (!isBaselineImporter(viewStore)) return;
  const contentType: UID.ContentType = 'api::article.article';
  for (const { key: article, legacyViews } of articles) {
    if (legacyViews === undefined) continue;
    const imported = await viewStore.importBaseline(
      { contentType, documentId: documentIdOf(keys, article), locale: 'vi' },
      legacyViews
    );
    log(`${imported ? '+' : '='} views ${article}: ${legacyViews}${imported ? '' : ' (exists)'}`);
  }
};

/** Imports database/seeds/content.json; safe to run any number of times. */
export const importSeed = async (
  strapi: Core.Strapi,
  log: Log = (line) => strapi.log.info(`[seed] ${line}`)
) => {
  const content = readSeedContent(strapi.dirs.app.root);
  const keys: Keys = new Map();
  const remember = (key: string) => (documentId: string) => keys.set(key, documentId);

  for (const unit of parentsFirst(content.organizations)) {
    remember(unit.key)(
      await ensureDocument(
        strapi,
        log,
        'api::organization.organization',
        unit.key,
        organizationData(unit, keys)
      )
    );
  }
  for (const person of content.officials) {
    remember(person.key)(
      await ensureDocument(
        strapi,
        log,
        'api::official.official',
        person.key,
        officialData(person, keys)
      )
    );
  }
  for (const meeting of content.meetings) {
    remember(meeting.key)(
      await ensureDocument(
        strapi,
        log,
        'api::meeting.meeting',
        meeting.key,
        meetingData(meeting, keys)
      )
    );
  }
  for (const award of content.awards) {
    remember(award.key)(
      await ensureDocument(strapi, log, 'api::award.award', award.key, awardData(award, keys))
    );
  }
  for (const article of content.articles) {
    remember(article.key)(
      await ensureDocument(
        strapi,
        log,
        'api::article.article',
        article.key,
        articleData(article, keys)
      )
    );
  }
  await importLegacyViews(strapi, log, content.articles, keys);
  return keys;
};
