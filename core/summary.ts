/**
 * The first summary: the article's opening sentences (Lead-3, the strong baseline for news),
 * from its paragraphs only, never its headings, captions or pull-quotes. Ranking by centrality,
 * headline overlap, figures and quotes comes with the summary capability (issue 6).
 */
import type { TextBlock } from './blocks';
import { splitSentences } from './sentences';
import { countWords } from './text';

const MIN_WORDS = 6;

export function summarize(blocks: readonly TextBlock[], lang: string | null, count = 3): string[] {
  const picked: string[] = [];
  for (const block of blocks) {
    if (block.kind !== 'paragraph') continue;
    for (const sentence of splitSentences(block.text, lang)) {
      if (countWords(sentence) < MIN_WORDS) continue;
      picked.push(sentence);
      if (picked.length === count) return picked;
    }
  }
  return picked;
}
