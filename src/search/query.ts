import { exactKey, fold, isMarked, tokenize } from './fold';

/**
 * One word of a reader's query. `forms` are the folded words it matches (the word itself, or the index's words
 * one typo away from it when the index does not know it); `prefix` holds for the last word, still being typed.
 */
export type Term = {
  folded: string;
  exact: string;
  marked: boolean;
  prefix: boolean;
  forms: string[];
};

export const MAX_TERMS = 12;

/** The query's words (at most MAX_TERMS), before the vocabulary is asked about typos. */
export const parseTerms = (q: string): Term[] => {
  const words = tokenize(q)
    .map((token) => token.text)
    .slice(0, MAX_TERMS);
  return words.map((word, index) => ({
    folded: fold(word),
    exact: exactKey(word),
    marked: isMarked(word),
    prefix: index === words.length - 1,
    forms: [fold(word)],
  }));
};

/** The tone digits an exact key ends with, and the letters before them. */
const splitTone = (key: string) => {
  const match = /^(.*?)(\d*)$/u.exec(key);
  return { base: match?.[1] ?? key, tone: match?.[2] ?? '' };
};

/** The exact key a query term's prefix is compared on: its letters; its tone only once typed. */
export const exactPrefixBase = (term: Term) => splitTone(term.exact).base;

/** Does an indexed folded word match the term (as typed, as a typo's correction, or as a prefix)? */
export const matchesFolded = (term: Term, word: string) =>
  term.forms.some((form) => (term.prefix ? word.startsWith(form) : word === form));

/** Does an indexed exact key match the term with its marks (a prefix keeps the tone the reader typed, if any)? */
export const matchesExact = (term: Term, key: string) => {
  if (!term.prefix) return key === term.exact;
  const typed = splitTone(term.exact);
  const indexed = splitTone(key);
  return indexed.base.startsWith(typed.base) && (typed.tone === '' || typed.tone === indexed.tone);
};
