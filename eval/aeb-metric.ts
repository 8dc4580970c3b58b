/**
 * The article-extraction-benchmark metric, as its evaluate.py computes it (and
 * ../shared/tools/score.py replicates): 4-word shingles of \w+ tokens, per-document tp/fp/fn
 * normalised to sum 1, corpus precision and recall as the means of the per-document values,
 * F1 from those two means.
 */

// Python's \w with re.UNICODE: letters, numbers and the underscore.
const TOKEN = /[\p{L}\p{N}_]+/gu;

export type Counts = readonly [tp: number, fp: number, fn: number];

function shingles(text: string, n = 4): Map<string, number> {
  const tokens = text.match(TOKEN) ?? [];
  const counts = new Map<string, number>();
  for (let i = 0; i < Math.max(1, tokens.length - n + 1); i++) {
    const gram = tokens.slice(i, i + n);
    if (!gram.length) continue;
    const key = gram.join('\u0001');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export function shingleCounts(truth: string, predicted: string): Counts {
  const t = shingles(truth);
  const p = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...t.keys(), ...p.keys()])) {
    const tc = t.get(key) ?? 0;
    const pc = p.get(key) ?? 0;
    tp += Math.min(tc, pc);
    fp += Math.max(0, pc - tc);
    fn += Math.max(0, tc - pc);
  }
  const sum = tp + fp + fn;
  return sum > 0 ? [tp / sum, fp / sum, fn / sum] : [tp, fp, fn];
}

export function precision([tp, fp, fn]: Counts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

export function recall([tp, fp, fn]: Counts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

export interface CorpusScore {
  precision: number;
  recall: number;
  f1: number;
  n: number;
}

export function corpusScore(docs: readonly Counts[]): CorpusScore {
  const p = mean(docs.filter(([tp, fp]) => tp + fp > 0).map(precision));
  const r = mean(docs.filter(([tp, , fn]) => tp + fn > 0).map(recall));
  return { precision: p, recall: r, f1: p + r ? (2 * p * r) / (p + r) : 0, n: docs.length };
}

/** F1 of one document, for listing the pages where one system loses to another. */
export function documentF1(counts: Counts): number {
  const p = precision(counts);
  const r = recall(counts);
  return p + r ? (2 * p * r) / (p + r) : 0;
}
