/**
 * One typo (a letter missing, extra, wrong, or two letters swapped) in a word of at least TYPO_MIN_LENGTH letters
 * still finds the word: the query asks the index's vocabulary which of the word's one-edit variants it holds.
 * Shorter words are left alone: one edit away from "to" or "ba" is half the language.
 */
export const TYPO_MIN_LENGTH = 5;
/** Past this length a word is no typo but a token (a code, a pasted URL): its variants would only cost queries. */
export const TYPO_MAX_LENGTH = 20;

export const mayBeTypo = (word: string) =>
  word.length >= TYPO_MIN_LENGTH && word.length <= TYPO_MAX_LENGTH;

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Every string one edit away from a folded word (deletion, transposition, substitution, insertion). */
export const oneEditVariants = (word: string): string[] => {
  const variants = new Set<string>();
  for (let i = 0; i <= word.length; i += 1) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (tail.length > 0) variants.add(head + tail.slice(1));
    if (tail.length > 1) variants.add(head + tail[1] + tail[0] + tail.slice(2));
    for (const letter of ALPHABET) {
      if (tail.length > 0) variants.add(head + letter + tail.slice(1));
      variants.add(head + letter + tail);
    }
  }
  variants.delete(word);
  return [...variants];
};
