/**
 * How much a report may hold. The popup refuses a content script's answer with a string over
 * 5,000,000 characters, a list over 10,000 items or over 100,000 blocks (utils/validate-report.ts),
 * and the reader would get an error instead of a report. A page that big is no article (the
 * longest of the shared corpora has 120,000 characters, 209 quotes and 877 figures): its report is
 * cut to fit, in article order.
 */
import type { TextBlock } from './blocks';
import type { PageReport } from './with-figures';

/** The article's text: eight times the longest article of the corpora. */
export const MAX_ARTICLE_CHARS = 1_000_000;
/** Blocks of text: a long live blog has a few thousand. */
export const MAX_BLOCKS = 10_000;
/**
 * Quotes and update notes. Figures are read in the popup, whose bundle budget has no room for a
 * cap: a page with more than 10,000 figures in its first million characters still shows them, but
 * the history refuses its report (utils/validate-stored.ts).
 */
export const MAX_ITEMS = 5_000;
/** A title, a byline, an excerpt, a source: what a page puts in its metadata may be any length. */
export const MAX_FIELD_CHARS = 10_000;

export function limitBlocks(blocks: TextBlock[]): TextBlock[] {
  const out: TextBlock[] = [];
  let room = MAX_ARTICLE_CHARS;
  for (const block of blocks) {
    if (out.length === MAX_BLOCKS || room <= 0) break;
    out.push(block.text.length > room ? { ...block, text: block.text.slice(0, room) } : block);
    room -= block.text.length;
  }
  return out;
}

const clip = (text: string | null): string | null =>
  text && text.length > MAX_FIELD_CHARS ? text.slice(0, MAX_FIELD_CHARS) : text;

/** The report with its metadata and lists cut to the limits; what comes from the blocks fits already. */
export function fitPageReport(report: PageReport): PageReport {
  const source = <T extends { source: string } | null>(t: T): T => (t ? { ...t, source: clip(t.source) ?? '' } : t);
  return {
    ...report,
    lang: clip(report.lang),
    title: clip(report.title),
    byline: clip(report.byline),
    siteName: clip(report.siteName),
    excerpt: clip(report.excerpt),
    published: source(report.published),
    modified: source(report.modified),
    paywall: source(report.paywall),
    updates: report.updates.slice(0, MAX_ITEMS),
    quotes: report.quotes.slice(0, MAX_ITEMS).map((q) => ({ ...q, speaker: clip(q.speaker), role: clip(q.role) })),
  };
}
