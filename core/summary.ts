/**
 * The summary: the article's key sentences, chosen on the reader's machine in the article's own
 * language, shown in article order.
 *
 *   candidates  sentences of the article's paragraphs (never headings, captions, pull-quotes or
 *               list items), of at least six words, not the headline repeated, not a bare
 *               attribution or credit line;
 *   features    position (news puts the story first), centrality (TF-IDF cosine with the whole
 *               article), overlap with the headline, a figure in the sentence; a sentence that is
 *               mostly a direct quote is a voice, not the story, and weighs less;
 *   selection   best first, skipping any sentence too close to one already chosen (no two
 *               sentences saying the same thing); three to five sentences with the length.
 *
 * Words are compared without the language's function words (stop-words.ts) and cut to their
 * first six letters, a crude stem that holds across the seven languages ("négociations" and
 * "négocier" meet). The weights were set on the corpora's split A (`npm run eval -- --set
 * summary`: ROUGE against the editors' descriptions) and are checked on it beside Lead-3.
 * Cost: one pass to count words, one dot product per sentence, so linear in the article.
 */
import type { TextBlock } from './blocks';
import { bmpRegExp } from './bmp-regexp';
import { splitSentences } from './sentences';
import { stopWordsFor } from './stop-words';

export interface SummaryOptions {
  /** The headline: sentences that share its words are about the story. */
  title?: string | null;
  /** How many sentences; by default three to five with the article's length. */
  count?: number;
  /** Other weights than the tuned ones, for the evaluation's comparisons. */
  weights?: Partial<SummaryWeights>;
}

export type SummaryWeights = typeof WEIGHTS;

interface Candidate {
  text: string;
  /** Order among the candidates. */
  position: number;
  terms: Map<string, number>;
  words: number;
  score: number;
}

const MIN_WORDS = 6;
const WORD = bmpRegExp(String.raw`[\p{L}\p{N}]+`, 'gu');
const STEM = 6;
/** Two sentences this close (cosine of their term vectors) say the same thing. */
const REDUNDANT = 0.5;
const QUOTE_MARKS = /[«»“”„"‹›「」]/gu;
const DIGIT = /\d/;

/**
 * Set on split A of the shared corpora with a coarse grid (`npm run eval -- --set summary`):
 * position and the headline carry most; centrality helps a little; long sentences, sentences that
 * are mostly a quote or open onto what follows ("…, he said:") weigh less. A figure helps a
 * reader more than ROUGE shows: it keeps a small weight.
 */
const WEIGHTS = {
  position: 2,
  centrality: 0.2,
  title: 2,
  figure: 0.1,
  quote: 0.4,
  /** Past `long` words, a sentence loses this much per `long` words more. */
  length: 1.5,
  long: 25,
  open: 0.5,
};
/** A sentence that opens onto what follows (a list, a quote: "…, he said:") or asks: not a summary's. */
const OPEN_ENDED = /[:?]\s*$/u;

function termsOf(text: string, stop: ReadonlySet<string>): Map<string, number> {
  const terms = new Map<string, number>();
  for (const [word] of text.toLowerCase().matchAll(WORD)) {
    if (word.length < 2 || stop.has(word)) continue;
    const stem = word.slice(0, STEM);
    terms.set(stem, (terms.get(stem) ?? 0) + 1);
  }
  return terms;
}

/** The squared length of a term vector, each term weighted. */
function norm2(v: ReadonlyMap<string, number>, weight: (t: string) => number): number {
  let sum = 0;
  for (const [t, n] of v) sum += (n * weight(t)) ** 2;
  return sum;
}

/**
 * `nb` is b's norm2, passed in when b is compared with every sentence (the whole article's
 * vector): worked out again for each, it made the summary quadratic in the article's vocabulary
 * (a 53,000-character article: 78 ms in Node, now 23 ms).
 */
function cosine(
  a: ReadonlyMap<string, number>,
  b: ReadonlyMap<string, number>,
  weight: (t: string) => number,
  nb = norm2(b, weight),
): number {
  let dot = 0;
  let na = 0;
  for (const [t, n] of a) {
    const w = weight(t);
    na += (n * w) ** 2;
    const m = b.get(t);
    if (m) dot += n * m * w * w;
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/** Share of the sentence inside quotation marks: 1 for a sentence that is all quote. */
function quotedShare(sentence: string): number {
  const marks = [...sentence.matchAll(QUOTE_MARKS)].map((m) => m.index);
  let quoted = 0;
  for (let i = 0; i + 1 < marks.length; i += 2) quoted += (marks[i + 1] ?? 0) - (marks[i] ?? 0);
  // An opening mark with no closing one: the quote runs to the end.
  if (marks.length % 2) quoted += sentence.length - (marks[marks.length - 1] ?? 0);
  return quoted / sentence.length;
}

/**
 * Three sentences, four past 2,000 words, five past 4,000: each sentence more costs a reader time
 * (and, in the evaluation, precision against the editors' one-line descriptions).
 */
export function summaryLength(words: number): number {
  return words > 4000 ? 5 : words > 2000 ? 4 : 3;
}

export function summarize(blocks: readonly TextBlock[], lang: string | null, options: SummaryOptions = {}): string[] {
  const weights = { ...WEIGHTS, ...options.weights };
  const stop = stopWordsFor(lang);
  const title = termsOf(options.title ?? '', stop);
  const candidates: Candidate[] = [];
  let words = 0;
  for (const block of blocks) {
    if (block.kind !== 'paragraph') continue;
    for (const text of splitSentences(block.text)) {
      const count = text.match(WORD)?.length ?? 0;
      words += count;
      if (count < MIN_WORDS) continue;
      const terms = termsOf(text, stop);
      // The headline repeated at the top of the body.
      if (title.size && cosine(terms, title, () => 1) > 0.9) continue;
      candidates.push({ text, position: candidates.length, terms, words: count, score: 0 });
    }
  }
  if (!candidates.length) return [];

  // Inverse document frequency over the sentences, and the article's own term vector.
  const df = new Map<string, number>();
  const whole = new Map<string, number>();
  for (const { terms } of candidates) {
    for (const [t, n] of terms) {
      df.set(t, (df.get(t) ?? 0) + 1);
      whole.set(t, (whole.get(t) ?? 0) + n);
    }
  }
  const idfs = new Map<string, number>();
  for (const [t, n] of df) idfs.set(t, Math.log(1 + candidates.length / n));
  const rare = Math.log(1 + candidates.length);
  const idf = (t: string): number => idfs.get(t) ?? rare;
  const wholeNorm = norm2(whole, idf);
  const titleNorm = norm2(title, idf);
  for (const c of candidates) {
    c.score =
      weights.position / Math.sqrt(1 + c.position) +
      weights.centrality * cosine(c.terms, whole, idf, wholeNorm) +
      weights.title * cosine(c.terms, title, idf, titleNorm) +
      (DIGIT.test(c.text) ? weights.figure : 0) -
      weights.quote * quotedShare(c.text) -
      (OPEN_ENDED.test(c.text) ? weights.open : 0) -
      // A long sentence says several things: past `long` words it weighs less, in proportion.
      (weights.length * Math.max(0, c.words - weights.long)) / weights.long;
  }

  const count = options.count ?? summaryLength(words);
  const chosen: Candidate[] = [];
  for (const c of [...candidates].sort((a, b) => b.score - a.score || a.position - b.position)) {
    if (chosen.some((d) => cosine(c.terms, d.terms, idf) > REDUNDANT)) continue;
    chosen.push(c);
    if (chosen.length === count) break;
  }
  return chosen.sort((a, b) => a.position - b.position).map((c) => c.text);
}
