import { fold, tokenize } from './fold';
import { matchesFolded, type Term } from './query';

/** Words a snippet shows: a short window around the first place the query's words gather. */
const SNIPPET_WORDS = 30;
const LEAD_WORDS = 6;

const HTML: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => HTML[char] ?? char);

/**
 * A snippet of the text (HTML-escaped) with the query's words wrapped in `<mark>`, found however they were
 * written (marks, capitals, NFD, tone placement). The window starts a few words before the densest cluster.
 */
export const snippet = (text: string, terms: Term[]): string => {
  const tokens = tokenize(text);
  if (tokens.length === 0) return '';
  // A text repeats its words: each distinct one is folded and matched once.
  const matched = new Map<string, boolean>();
  const hits = tokens.map(({ text: word }) => {
    const known = matched.get(word);
    if (known !== undefined) return known;
    const folded = fold(word);
    const hit = terms.some((term) => matchesFolded(term, folded));
    matched.set(word, hit);
    return hit;
  });
  // hitsBefore[i]: the hits among the first i words, so a window's density is one subtraction.
  const hitsBefore = [0];
  hits.forEach((hit, i) => hitsBefore.push(hitsBefore[i] + (hit ? 1 : 0)));
  const density = (start: number) =>
    hitsBefore[Math.min(start + SNIPPET_WORDS, hits.length)] - hitsBefore[start];
  let best = 0;
  for (let start = 1; start < hits.length; start += 1)
    if (density(start) > density(best)) best = start;
  const first = hits.indexOf(true, best);
  const from = Math.max(0, (first === -1 ? 0 : first) - LEAD_WORDS);
  const shown = tokens.slice(from, from + SNIPPET_WORDS);
  let out = from > 0 ? '… ' : '';
  let cursor = from > 0 ? shown[0].start : 0;
  shown.forEach((token, i) => {
    out += escapeHtml(text.slice(cursor, token.start));
    const word = escapeHtml(token.text);
    out += hits[from + i] ? `<mark>${word}</mark>` : word;
    cursor = token.end;
  });
  return from + SNIPPET_WORDS < tokens.length ? `${out} …` : out + escapeHtml(text.slice(cursor));
};
