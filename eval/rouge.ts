/**
 * ROUGE-N and ROUGE-L F1 (Lin 2004, "ROUGE: A Package for Automatic Evaluation of Summaries"),
 * for the summary evaluation (eval/summary.ts). One reference per page, so the multi-reference
 * jackknifing of the original package does not apply.
 *
 * Tokens are the lower-cased Unicode letter-and-digit runs of the whole summary (its sentences
 * joined): no stemming and no stop-word removal, so every language is scored the same way. The
 * text is NFC-normalised first, because \p{L} does not match combining accents and a decomposed
 * "é" would otherwise cut a word in two.
 *
 * Written here rather than taken from npm: js-rouge, the maintained package, tokenizes the Penn
 * Treebank way (English, punctuation kept as tokens), throws on an empty summary (a page where a
 * system finds no sentence must score 0, not stop the run) and its l() is the union LCS over
 * sentence pairs (rougeLsum), not the LCS of the whole token sequences used here. With a custom
 * tokenizer, a wrapper for empty input and still a different ROUGE-L, it would save little.
 */

const TOKEN = /[\p{L}\p{N}]+/gu;

export interface RougeScores {
  rouge1: number;
  rouge2: number;
  rougeL: number;
}

export function rougeTokens(text: string): string[] {
  return text.normalize('NFC').toLowerCase().match(TOKEN) ?? [];
}

/** F1 from an overlap and the two lengths; 0 when either side is empty or nothing overlaps. */
function f1(overlap: number, candidateLength: number, referenceLength: number): number {
  if (!overlap || !candidateLength || !referenceLength) return 0;
  const precision = overlap / candidateLength;
  const recall = overlap / referenceLength;
  return (2 * precision * recall) / (precision + recall);
}

function ngramCounts(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const gram = tokens.slice(i, i + n).join('\u0001');
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

/** ROUGE-N F1: n-gram matches with clipped counts (a candidate n-gram matches at most as often as it is in the reference). */
export function rougeN(candidate: readonly string[], reference: readonly string[], n: number): number {
  const cand = ngramCounts(candidate, n);
  const ref = ngramCounts(reference, n);
  let overlap = 0;
  for (const [gram, count] of cand) overlap += Math.min(count, ref.get(gram) ?? 0);
  return f1(overlap, Math.max(0, candidate.length - n + 1), Math.max(0, reference.length - n + 1));
}

/** Length of the longest common subsequence, by the O(n·m) dynamic programme on two rows. */
export function lcsLength(a: readonly string[], b: readonly string[]): number {
  if (!a.length || !b.length) return 0;
  let previous = new Uint32Array(b.length + 1);
  let current = new Uint32Array(b.length + 1);
  for (const tokenA of a) {
    for (let j = 1; j <= b.length; j++) {
      current[j] = tokenA === b[j - 1] ? (previous[j - 1] ?? 0) + 1 : Math.max(previous[j] ?? 0, current[j - 1] ?? 0);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length] ?? 0;
}

/** ROUGE-L F1 (β = 1) at summary level: the LCS of the two whole token sequences. */
export function rougeL(candidate: readonly string[], reference: readonly string[]): number {
  return f1(lcsLength(candidate, reference), candidate.length, reference.length);
}

/** The three scores of a candidate summary (its sentences) against a reference text. */
export function rouge(candidate: readonly string[] | string, reference: string): RougeScores {
  const cand = rougeTokens(typeof candidate === 'string' ? candidate : candidate.join(' '));
  const ref = rougeTokens(reference);
  return { rouge1: rougeN(cand, ref, 1), rouge2: rougeN(cand, ref, 2), rougeL: rougeL(cand, ref) };
}
