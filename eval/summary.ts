/**
 * Summary quality (issue 6): ROUGE-1, ROUGE-2 and ROUGE-L F1 (eval/rouge.ts, macro means over
 * pages) between each page's editor-written description and three extractive summaries, in one
 * run, overall and per language:
 *
 *   Lede       the report's `summary` (core/summary.ts, the real pipeline through readPage)
 *   Lead-3     the first three candidate sentences
 *   TextRank   a plain TextRank (Mihalcea & Tarau 2004) over the same candidates
 *
 * The candidates are the sentences of at least 6 words of the article's 'paragraph' blocks, from
 * the same blocks and the same splitter (core/sentences.ts) as Lede, so only the ranking differs.
 *
 * Pages: every page of the shared corpora whose description (og:description, else meta
 * description, read from the raw page before any analysis) is editor-written text: at least 8
 * words, not a site-wide slogan and not a copy of the body's first sentence (see isCopy).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { JSDOM, VirtualConsole } from 'jsdom';
import { readPage } from '../core/read-page';
import type { TextBlock } from '../core/blocks';
import { splitSentences } from '../core/sentences';
import { countWords, normalizeSpace } from '../core/text';
import { lcsLength, rouge, rougeN, rougeTokens, type RougeScores } from './rouge';

const CORPORA = path.resolve(import.meta.dirname, '../../shared/corpora');
const SETS = ['aeb', 'fundus-a', 'htmldate-a', 'readability-pages'] as const;
const NOW = new Date('2026-11-25T00:00:00Z');
const MIN_SENTENCE_WORDS = 6;
const MIN_DESCRIPTION_WORDS = 8;
const COPY_SHARE = 0.8;
/** A language with this many pages is one the "Done when" of issue 6 holds Lede to. */
const MAJOR_LANGUAGE_PAGES = 20;
const SYSTEMS = ['Lede', 'Lead-3', 'TextRank'] as const;
type System = (typeof SYSTEMS)[number];

interface Gold {
  id: string;
  html: string;
  url?: string;
}

interface PageResult {
  set: string;
  id: string;
  site: string;
  lang: string;
  description: string;
  copy: boolean;
  scores: Record<System, RougeScores>;
}

// Some sites put escaped HTML in the description (WordPress excerpts, The Japan News's <p>): tags
// are not prose, and a link there is a "Read More" button.
const MARKUP_LINK = /<a\b[^>]*>.*?<\/a>/gis;
const MARKUP_TAG = /<\/?[a-z][^>]*>/gi;

/** The editor's description as the page declares it, or null when it has none. */
export function pageDescription(doc: Document): string | null {
  for (const selector of ['meta[property="og:description" i]', 'meta[name="description" i]']) {
    const raw = doc.querySelector(selector)?.getAttribute('content') ?? '';
    const content = normalizeSpace(raw.replace(MARKUP_LINK, ' ').replace(MARKUP_TAG, ' '));
    if (content) return content;
  }
  return null;
}

/** The sentences any of the three summaries may pick, in article order. */
export function candidateSentences(blocks: readonly TextBlock[]): string[] {
  return blocks
    .filter((block) => block.kind === 'paragraph')
    .flatMap((block) => splitSentences(block.text))
    .filter((sentence) => countWords(sentence) >= MIN_SENTENCE_WORDS);
}

const DAMPING = 0.85;
const CONVERGENCE = 1e-6;
const MAX_ITERATIONS = 100;

/**
 * Plain TextRank: sentences are nodes, edges weigh |common words| / (log|s1| + log|s2|) on
 * lower-cased word tokens (no stop words removed, no stemming), weighted PageRank with d = 0.85;
 * the top `count` sentences, shown in article order.
 */
export function textRank(sentences: readonly string[], count = 3): string[] {
  if (sentences.length <= count) return [...sentences];
  const bags = sentences.map((sentence) => {
    const tokens = rougeTokens(sentence);
    return { length: tokens.length, words: new Set(tokens) };
  });
  const weights = bags.map((a, i) => bags.map((b, j) => (i === j ? 0 : similarity(a, b))));
  const outWeights = weights.map((row) => row.reduce((sum, w) => sum + w, 0));
  let scores = sentences.map(() => 1);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    // The graph is undirected (weights symmetric): row i holds the edges into sentence i.
    const next = weights.map(
      (row) =>
        1 -
        DAMPING +
        DAMPING * row.reduce((sum, w, j) => (w ? sum + (w / (outWeights[j] ?? 1)) * (scores[j] ?? 0) : sum), 0),
    );
    const change = next.reduce((max, score, i) => Math.max(max, Math.abs(score - (scores[i] ?? 0))), 0);
    scores = next;
    if (change < CONVERGENCE) break;
  }
  return (
    sentences
      .map((sentence, index) => ({ sentence, index, score: scores[index] ?? 0 }))
      // Ties go to the earlier sentence, as position is what news rewards.
      .sort((a, b) => b.score - a.score || a.index - b.index)
      .slice(0, count)
      .sort((a, b) => a.index - b.index)
      .map(({ sentence }) => sentence)
  );
}

/** TextRank's edge weight: shared words over the sum of the log lengths. */
function similarity(a: { length: number; words: Set<string> }, b: { length: number; words: Set<string> }): number {
  const norm = Math.log(a.length) + Math.log(b.length);
  if (norm <= 0) return 0;
  let common = 0;
  for (const word of a.words) if (b.words.has(word)) common++;
  return common / norm;
}

/**
 * A description is a copy of the body's first sentence (Lead-1, the first candidate), compared on
 * lower-cased word tokens (case, spaces and punctuation ignored), when
 *   - at least 80% of its words are found in order in Lead-1 (LCS / description length): the
 *     first sentence, maybe cut short with "…" or with a dateline added or dropped;
 *   - or Lead-1 is found word for word in it: the first sentence and more;
 *   - or their ROUGE-1 F1 is at least 0.8: the same words, reordered.
 */
export function isCopy(description: string, lead1: string | undefined): boolean {
  if (!lead1) return false;
  const d = rougeTokens(description);
  const l = rougeTokens(lead1);
  if (!d.length || !l.length) return false;
  if (lcsLength(d, l) / d.length >= COPY_SHARE) return true;
  if (` ${d.join(' ')} `.includes(` ${l.join(' ')} `)) return true;
  return rougeN(d, l, 1) >= COPY_SHARE;
}

function readGold(set: string, limit: number): Gold[] {
  const lines = readFileSync(path.join(CORPORA, set, 'gold.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean);
  return lines.slice(0, limit).map((l) => JSON.parse(l) as Gold);
}

/** The page address: readability-pages has none, and Readability's own tests use this one. */
function pageUrl(set: string, gold: Gold): string {
  return gold.url ?? (set === 'readability-pages' ? 'http://fakehost/test/page.html' : 'http://localhost/');
}

type Exclusion = 'none' | 'short';

/** Reads and scores one page; a string says why it is left out before any scoring. */
function scorePage(set: string, gold: Gold): PageResult | Exclusion {
  const url = pageUrl(set, gold);
  const html = gunzipSync(readFileSync(path.join(CORPORA, set, gold.html))).toString('utf8');
  const dom = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
  try {
    const doc = dom.window.document;
    const description = pageDescription(doc);
    if (!description) return 'none';
    if (countWords(description) < MIN_DESCRIPTION_WORDS) return 'short';
    const { report, blocks } = readPage(doc, { url, now: NOW });
    const candidates = candidateSentences(blocks);
    const summaries: Record<System, string[]> = {
      Lede: report.summary,
      'Lead-3': candidates.slice(0, 3),
      TextRank: textRank(candidates),
    };
    return {
      set,
      id: gold.id,
      // readability-pages all share one fake address: each is its own site.
      site: gold.url ? new URL(url).hostname.replace(/^www\./, '') : `${set}/${gold.id}`,
      lang: (report.lang ?? '').split(/[-_]/)[0]?.toLowerCase() || 'und',
      description,
      copy: isCopy(description, candidates[0]),
      scores: {
        Lede: rouge(summaries.Lede, description),
        'Lead-3': rouge(summaries['Lead-3'], description),
        TextRank: rouge(summaries.TextRank, description),
      },
    };
  } finally {
    dom.window.close();
  }
}

/**
 * Descriptions found word for word on two pages or more of one site describe the site, not the
 * article ("The latest news from…"): their page keys.
 */
function sloganPages(pages: readonly PageResult[]): Set<PageResult> {
  const bySiteText = new Map<string, PageResult[]>();
  for (const page of pages) {
    const key = `${page.site}\u0001${rougeTokens(page.description).join(' ')}`;
    bySiteText.set(key, [...(bySiteText.get(key) ?? []), page]);
  }
  return new Set([...bySiteText.values()].filter((group) => group.length > 1).flat());
}

const points = (x: number): string => (100 * x).toFixed(1).padStart(6);

function mean(pages: readonly PageResult[], system: System, metric: keyof RougeScores): number {
  return pages.reduce((sum, page) => sum + page.scores[system][metric], 0) / pages.length;
}

function row(label: string, pages: readonly PageResult[]): string {
  const cells = SYSTEMS.map((system) =>
    (['rouge1', 'rouge2', 'rougeL'] as const).map((metric) => points(mean(pages, system, metric))).join(''),
  );
  const gain = mean(pages, 'Lede', 'rouge1') - mean(pages, 'Lead-3', 'rouge1');
  const sign = gain >= 0 ? '+' : '-';
  return `  ${label.padEnd(8)}${String(pages.length).padStart(6)}  ${cells.join('  │')}  │ ${sign}${Math.abs(100 * gain).toFixed(1)}`;
}

export function evalSummary(limit: number): void {
  const excluded = { none: 0, short: 0, slogan: 0, copy: 0 };
  const scored: PageResult[] = [];
  let total = 0;
  for (const set of SETS) {
    for (const gold of readGold(set, limit)) {
      total++;
      const result = scorePage(set, gold);
      if (typeof result === 'string') excluded[result]++;
      else scored.push(result);
    }
  }
  const slogans = sloganPages(scored);
  excluded.slogan = slogans.size;
  const pages = scored.filter((page) => !slogans.has(page) && !page.copy);
  excluded.copy = scored.length - slogans.size - pages.length;

  console.log(`\nsummary: ROUGE F1 ×100 against the editor's description, mean over ${pages.length} of ${total} pages`);
  console.log(
    `  excluded: no description ${excluded.none}, under ${MIN_DESCRIPTION_WORDS} words ${excluded.short}, ` +
      `same on several pages of a site ${excluded.slogan}, copy of the first sentence ${excluded.copy}`,
  );
  if (!pages.length) return;
  const head = SYSTEMS.map((s) => s.padStart(12).padEnd(18)).join('  │');
  console.log(`  ${''.padEnd(14)}  ${head}  │ Lede − Lead-3`);
  console.log(
    `  ${'lang'.padEnd(8)}${'pages'.padStart(6)}  ${SYSTEMS.map(() => '    R1    R2    RL').join('  │')}  │ R1`,
  );
  console.log(row('all', pages));
  const byLang = new Map<string, PageResult[]>();
  for (const page of pages) byLang.set(page.lang, [...(byLang.get(page.lang) ?? []), page]);
  const langs = [...byLang.entries()].sort(([a, pa], [b, pb]) => pb.length - pa.length || a.localeCompare(b));
  for (const [lang, langPages] of langs) {
    console.log(row(`${lang}${langPages.length >= MAJOR_LANGUAGE_PAGES ? ' *' : ''}`, langPages));
  }
  console.log(`  * at least ${MAJOR_LANGUAGE_PAGES} pages`);
}
