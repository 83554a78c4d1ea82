import { matchesExact, matchesFolded, type Term } from './query';

/** An indexed entry's words as the engines store them: exact keys and folded words, title apart from the rest. */
export type IndexedWords = {
  titleExact: string[];
  titleFolded: string[];
  bodyExact: string[];
  bodyFolded: string[];
};

/**
 * Weights of the ranking, largest first: the reader's marks matched exactly ("dương" is not "đường"), the query's
 * words in a row in the title, the share of its words in the title, its words in a row in the text, then how
 * often they occur. A tie is broken by date outside (newer first).
 */
export const WEIGHTS = { exact: 8, titleRun: 4, title: 2, bodyRun: 1, frequency: 0.5 };

const share = (count: number, of: number) => (of === 0 ? 0 : count / of);

/** Which terms each word matches (folded: as typed, as a typo's correction, or as a prefix), read once per word. */
const termHits = (terms: Term[], words: string[]): boolean[][] =>
  words.map((word) => terms.map((term) => matchesFolded(term, word)));

/**
 * The longest run of the query's terms found one after another, in order, in the words (as a share of the
 * terms): 1 when the whole query is a phrase there. Linear: each word extends the runs ending at the word before.
 */
const runShare = (hits: boolean[][], termCount: number) => {
  let previous = new Array<number>(termCount).fill(0);
  let current = new Array<number>(termCount).fill(0);
  let longest = 0;
  for (const matched of hits) {
    for (let j = 0; j < termCount; j += 1) {
      current[j] = matched[j] ? 1 + (j > 0 ? previous[j - 1] : 0) : 0;
      longest = Math.max(longest, current[j]);
    }
    [previous, current] = [current, previous];
  }
  return share(longest, termCount);
};

/** How many of the words each term matches. */
const counts = (hits: boolean[][], termCount: number) =>
  hits.reduce(
    (sums, matched) => sums.map((sum, j) => (matched[j] ? sum + 1 : sum)),
    new Array<number>(termCount).fill(0)
  );

/** Occurrences of a term, saturating: the tenth mention says little more than the third. */
const frequency = (count: number) => Math.min(1, Math.log1p(count) / Math.log(10));

export const score = (terms: Term[], words: IndexedWords): number => {
  const marked = terms.filter((term) => term.marked);
  const exactKeys = [...words.titleExact, ...words.bodyExact];
  const exact = share(
    marked.filter((term) => exactKeys.some((key) => matchesExact(term, key))).length,
    marked.length
  );
  const title = termHits(terms, words.titleFolded);
  const body = termHits(terms, words.bodyFolded);
  const inTitle = counts(title, terms.length);
  const inBody = counts(body, terms.length);
  const often = share(
    inTitle.reduce((sum, count, j) => sum + frequency(count + inBody[j]), 0),
    terms.length
  );
  // A run of one word in the text is no phrase: the frequency already counts it.
  const bodyRun = runShare(body, terms.length);
  const total =
    WEIGHTS.exact * exact +
    WEIGHTS.titleRun * runShare(title, terms.length) +
    WEIGHTS.title * share(inTitle.filter((count) => count > 0).length, terms.length) +
    WEIGHTS.bodyRun * (bodyRun * terms.length >= 2 ? bodyRun : 0) +
    WEIGHTS.frequency * often;
  return Math.round(total * 1000) / 1000;
};
