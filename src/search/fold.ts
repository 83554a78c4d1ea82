/**
 * Vietnamese text folding shared by the index, the queries and the highlighter, on SQLite and PostgreSQL alike.
 *
 * A Vietnamese syllable carries at most one tone mark (huyền, sắc, hỏi, ngã, nặng) and shape marks that make
 * other letters (â ă ê ô ơ ư, and đ). Two keys are kept per word:
 * - `exactKey`: the word with its shape marks and its tone moved to the end as a digit, so "hoà" and "hòa",
 *   "thuỵ" and "thụy" (old and new tone placement), NFC and NFD, capitals, are one key, while "dương" and
 *   "đường" stay apart;
 * - `fold`: no marks at all and đ → d, so "duong", "dương" and "đường" meet.
 */

/** Combining tone marks (in NFD) and the digit each becomes at the end of an exact key. */
const TONES: Record<string, string> = {
  '\u0300': '2', // huyền
  '\u0301': '1', // sắc
  '\u0303': '4', // ngã
  '\u0309': '3', // hỏi
  '\u0323': '5', // nặng
};

const MARKS = /\p{M}/gu;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;

const lowerNfd = (word: string) => word.normalize('NFD').toLowerCase();

/** No marks, đ → d, lowercase: what a reader types without a Vietnamese keyboard. */
export const fold = (word: string): string => lowerNfd(word).replace(MARKS, '').replace(/đ/g, 'd');

/** Lowercase, shape marks kept, tone mark (wherever it was placed) as a trailing digit. */
export const exactKey = (word: string): string => {
  const letters = lowerNfd(word);
  const tones = Array.from(letters)
    .map((char) => TONES[char] ?? '')
    .join('');
  const base = Array.from(letters)
    .filter((char) => TONES[char] === undefined)
    .join('')
    .normalize('NFC')
    // Marks that compose with no Vietnamese letter (other scripts) would split a token in the engines.
    .replace(MARKS, '');
  return base + tones;
};

/** True when the word carries any mark or đ, i.e. its exact key says more than its folded form. */
export const isMarked = (word: string): boolean => exactKey(word) !== fold(word);

export type Token = { text: string; start: number; end: number };

/** The words of a text with their offsets in it (NFC or NFD alike: marks stay with their letter). */
export const tokenize = (text: string): Token[] =>
  Array.from(text.matchAll(WORD), (match) => ({
    text: match[0],
    start: match.index ?? 0,
    end: (match.index ?? 0) + match[0].length,
  }));

/** The words of a text, folded and as exact keys, each joined by spaces: the two forms the engines index. */
export const indexForms = (text: string): { exact: string; folded: string } => {
  const words = tokenize(text).map((token) => token.text);
  return { exact: words.map(exactKey).join(' '), folded: words.map(fold).join(' ') };
};

/** Lowercase in NFC with every mark kept: Unicode case folding, for `$containsi` on SQLite. */
export const lowerNfc = (text: string): string => text.normalize('NFC').toLowerCase();
