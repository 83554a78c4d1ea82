/** Shape of database/seeds/content.json: entities keyed by their vi slug, relations naming keys. */
type Localized<T> = { vi: T; en: T };

export type OrganizationSeed = Localized<{ name: string; shortName?: string; slug: string }> & {
  key: string;
  kind: 'womens_union' | 'party_committee' | 'government' | 'fatherland_front' | 'bank' | 'other';
  level: 'central' | 'province' | 'district' | 'commune' | 'branch';
  parent?: string;
  validFrom?: string;
  validTo?: string;
  phone?: string;
};

export type OfficialSeed = Localized<{
  fullName: string;
  slug: string;
  positions: { title: string; organization: string; startDate?: string; endDate?: string }[];
}> & { key: string };

export type MeetingSeed = Localized<{
  title: string;
  slug: string;
  summary?: string;
  attendeePositions: string[];
}> & {
  key: string;
  kind: 'congress' | 'executive_committee' | 'standing_committee' | 'review' | 'other';
  extended: boolean;
  sessionNumber?: number;
  termNumber?: number;
  termStartYear?: number;
  termEndYear?: number;
  startDate?: string;
  organizer: string;
  attendees: { official: string; role: 'chairs' | 'directs' | 'attends' | 'reports' }[];
};

export type AwardSeed = Localized<{
  title: string;
  slug?: string;
  recipientsNote?: string;
  achievement?: string;
  movement?: string;
}> & {
  key: string;
  form:
    | 'certificate_of_merit'
    | 'certificate_of_commendation'
    | 'emulation_flag'
    | 'emulation_title'
    | 'medal'
    | 'commemorative_medal'
    | 'other';
  issuer: string;
  presenter?: string;
  presentedAt?: string;
  decisionNumber?: string;
  decisionDate?: string;
  periodStart?: number;
  periodEnd?: number;
  countedCollectives: number;
  countedIndividuals: number;
};

type ArticleText = {
  title: string;
  summary: string;
  /** The byline: a person's name, the same in every locale. */
  author?: string;
  body: string[];
  gallery: string[];
};

export type ArticleSeed = {
  key: string;
  publishedDate: string;
  /** "Số lượt xem" shown on the portal when the article was captured; imported by view tracking. */
  legacyViews?: number;
  organization: string;
  meetings: string[];
  officials: string[];
  awards: string[];
  vi: ArticleText & { slug: string };
  /** Translated from the vi text: every paragraph and caption, in the same order (photos are shared). */
  en: ArticleText;
};

export type SeedContent = {
  organizations: OrganizationSeed[];
  officials: OfficialSeed[];
  meetings: MeetingSeed[];
  awards: AwardSeed[];
  articles: ArticleSeed[];
};
