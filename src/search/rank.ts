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

/**
 * The longest run of the query's terms found one after another, in order, in the words (as a share of the
 * terms): 1 when the whole query is a phrase there. Linear: each word extends the runs ending at the word before.
 */
const runShare = (terms: Term[], words: string[]) => {
  let previous = terms.map(() => 0);
  let longest = 0;
  for (const word of words) {
    const current = terms.map((term, j) =>
      matchesFolded(term, word) ? 1 + (j > 0 ? previous[j - 1] : 0) : 0
    );
    longest = Math.max(longest, ...current);
    previous = current;
  }
  return share(longest, terms.length);
};

/** Occurrences of a term, saturating: the tenth mention says little more than the third. */
const frequency = (term: Term, words: string[]) =>
  Math.min(1, Math.log1p(words.filter((word) => matchesFolded(term, word)).length) / Math.log(10));

export const score = (terms: Term[], words: IndexedWords): number => {
  const marked = terms.filter((term) => term.marked);
  const exactKeys = [...words.titleExact, ...words.bodyExact];
  const exact = share(
    marked.filter((term) => exactKeys.some((key) => matchesExact(term, key))).length,
    marked.length
  );
  const inTitle = share(
    terms.filter((term) => words.titleFolded.some((word) => matchesFolded(term, word))).length,
    terms.length
  );
  const allWords = [...words.titleFolded, ...words.bodyFolded];
  const often = share(
    terms.reduce((sum, term) => sum + frequency(term, allWords), 0),
    terms.length
  );
  // A run of one word in the text is no phrase: the frequency already counts it.
  const bodyRun = runShare(terms, words.bodyFolded);
  const total =
    WEIGHTS.exact * exact +
    WEIGHTS.titleRun * runShare(terms, words.titleFolded) +
    WEIGHTS.title * inTitle +
    WEIGHTS.bodyRun * (bodyRun * terms.length >= 2 ? bodyRun : 0) +
    WEIGHTS.frequency * often;
  return Math.round(total * 1000) / 1000;
};
