/**
 * ROUGE (eval/rouge.ts) on examples small enough to count by hand; the arithmetic is in the
 * comments, the expected numbers are written out rather than recomputed.
 */
import { describe, expect, it } from 'vitest';
import { lcsLength, rouge, rougeL, rougeN, rougeTokens } from '@/eval/rouge';

describe('rougeTokens', () => {
  it('lower-cases, keeps letters and digits of any script, drops punctuation', () => {
    expect(rougeTokens('L’Élysée a dit : « Non », 2024.')).toEqual(['l', 'élysée', 'a', 'dit', 'non', '2024']);
    expect(rougeTokens('Путин и 東京')).toEqual(['путин', 'и', '東京']);
  });

  it('joins a decomposed accent to its letter (NFC) instead of cutting the word', () => {
    expect(rougeTokens('Cafe\u0301 naïve')).toEqual(['café', 'naïve']);
  });
});

describe('lcsLength', () => {
  it('finds the textbook LCS', () => {
    // ABCBDAB / BDCABA: BCBA (or BDAB), length 4.
    expect(lcsLength([...'ABCBDAB'], [...'BDCABA'])).toBe(4);
    expect(lcsLength([], ['a'])).toBe(0);
  });
});

describe('rouge', () => {
  it('scores a near paraphrase', () => {
    // cand: the cat sat on the mat (6 tokens); ref: the cat is on the mat (6).
    // ROUGE-1: the 2/2 + cat + on + mat = 5 matches, P = R = 5/6, F1 = 5/6 = 0.8333.
    // ROUGE-2: 5 bigrams each; "the cat", "on the", "the mat" match: 3/5, F1 = 0.6.
    // ROUGE-L: LCS "the cat on the mat" = 5, F1 = 5/6.
    const s = rouge('The cat sat on the mat.', 'the cat is on the mat');
    expect(s.rouge1).toBeCloseTo(0.833333, 6);
    expect(s.rouge2).toBeCloseTo(0.6, 6);
    expect(s.rougeL).toBeCloseTo(0.833333, 6);
  });

  it('tells word order apart only in ROUGE-2 and ROUGE-L (Lin 2004, section 3)', () => {
    // cand: the gunman killed police; ref: police killed the gunman (4 tokens each).
    // ROUGE-1: all 4 match, F1 = 1.
    // ROUGE-2: cand {the gunman, gunman killed, killed police}, ref {police killed, killed the,
    //   the gunman}: 1 match of 3 on each side, F1 = 1/3.
    // ROUGE-L: LCS "the gunman" = 2, P = R = 2/4, F1 = 0.5.
    const s = rouge('The gunman killed police.', 'Police killed the gunman.');
    expect(s.rouge1).toBe(1);
    expect(s.rouge2).toBeCloseTo(0.333333, 6);
    expect(s.rougeL).toBe(0.5);
  });

  it('clips repeated n-grams to their count in the reference', () => {
    // cand: the the the the (4); ref: the cat (2). "the" matches min(4, 1) = 1 time.
    // ROUGE-1: P = 1/4, R = 1/2, F1 = 2·(1/8)/(3/4) = 1/3.
    // ROUGE-2: "the the" ×3 against "the cat": 0.
    // ROUGE-L: LCS "the" = 1, same as ROUGE-1: 1/3.
    const s = rouge('the the the the', 'the cat');
    expect(s.rouge1).toBeCloseTo(0.333333, 6);
    expect(s.rouge2).toBe(0);
    expect(s.rougeL).toBeCloseTo(0.333333, 6);
  });

  it('balances precision and recall of unequal lengths', () => {
    // cand: a b c d (4); ref: b d e (3). ROUGE-1: b, d match: P = 2/4, R = 2/3,
    // F1 = 2·(1/3)/(7/6) = 4/7 = 0.5714. ROUGE-L: LCS "b d" = 2, the same 4/7.
    // ROUGE-2: {a b, b c, c d} against {b d, d e}: 0.
    const s = rouge('a b c d', 'b d e');
    expect(s.rouge1).toBeCloseTo(0.571429, 6);
    expect(s.rouge2).toBe(0);
    expect(s.rougeL).toBeCloseTo(0.571429, 6);
  });

  it('joins the sentences of a summary, so n-grams and the LCS run across them', () => {
    // cand: alpha beta gamma (3); ref: beta gamma (2).
    // ROUGE-1: 2 matches, P = 2/3, R = 1, F1 = (4/3)/(5/3) = 0.8.
    // ROUGE-2: {alpha beta, beta gamma} against {beta gamma}: P = 1/2, R = 1, F1 = 2/3.
    // ROUGE-L: LCS "beta gamma" = 2, 0.8.
    const s = rouge(['Alpha beta.', 'Gamma.'], 'Beta, gamma');
    expect(s.rouge1).toBeCloseTo(0.8, 6);
    expect(s.rouge2).toBeCloseTo(0.666667, 6);
    expect(s.rougeL).toBeCloseTo(0.8, 6);
  });

  it('scores 0 when either side is empty, or has no n-gram of that size', () => {
    const zero = { rouge1: 0, rouge2: 0, rougeL: 0 };
    expect(rouge('', 'a b')).toEqual(zero);
    expect(rouge([], 'a b')).toEqual(zero);
    expect(rouge('a b', '')).toEqual(zero);
    expect(rouge('', '')).toEqual(zero);
    expect(rouge('… — !', 'a b')).toEqual(zero); // punctuation only: no token
    // One token each side: unigrams match (F1 1), but there is no bigram on either side.
    expect(rouge('a', 'A.')).toEqual({ rouge1: 1, rouge2: 0, rougeL: 1 });
    expect(rougeN(['a', 'b'], ['a', 'b'], 3)).toBe(0);
    expect(rougeL([], [])).toBe(0);
  });
});
