/**
 * Paywall stubs. Sites that sell subscriptions declare it (schema.org `isAccessibleForFree:
 * false`, which Google asks them to), yet many still send the whole text (to subscribers, to
 * crawlers, metered): the mark alone says nothing about what is on the page. Lede says that only
 * the beginning is there when the page also shows it: the article's declared `wordCount` is well
 * above the words found, or a subscription prompt stands on the page and the text found is short.
 */
import { findJsonLdArticles, type JsonObject } from './json-ld';

export interface Paywall {
  /** Only the beginning of the article is on the page; the rest is for subscribers. */
  partial: boolean;
  /** What shows it, for the curious and for tests. */
  source: string;
}

/**
 * What a paywall says, in a short line of its own: "Ce contenu est réservé aux inscrits", "This
 * article is for subscribers only", "Dieser Artikel ist nur für Abonnenten", "Contenido exclusivo
 * para suscriptores", "Articolo riservato agli abbonati", "Subscribe to continue reading".
 */
const PROMPT =
  /r[ée]serv[ée]e?s? aux (?:abonn[ée]s|inscrits)|for (?:paying )?subscribers|subscribers only|subscribe (?:now )?to (?:continue|keep|read)|nur f[üu]r (?:abonnent|abonnierende)|(?:exclusivo|exclusiva|reservado) para suscriptores|riservat[oa] agli abbonati/i;
/** A prompt is a short line; longer text that says it is the article talking about paywalls. */
const PROMPT_MAX_CHARS = 200;
/** With a prompt on the page, a text this short is the teaser. */
const STUB_MAX_WORDS = 600;
/** Found words below this share of the declared `wordCount`: the rest is not on the page. */
const DECLARED_SHARE = 0.6;

const isFalse = (value: unknown): boolean => value === false || (typeof value === 'string' && /^false$/i.test(value));

function marksNotFree(article: JsonObject): boolean {
  const parts = Array.isArray(article.hasPart) ? article.hasPart : [article.hasPart];
  return (
    isFalse(article.isAccessibleForFree) ||
    parts.some((part) => typeof part === 'object' && part !== null && isFalse((part as JsonObject).isAccessibleForFree))
  );
}

/** One pass over the text nodes of the body: linear in the page. */
function hasPrompt(doc: Document): boolean {
  if (!doc.body) return false;
  const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    if (text.length <= PROMPT_MAX_CHARS && PROMPT.test(text)) return true;
  }
  return false;
}

export function findPaywall(doc: Document, words: number): Paywall | null {
  const marked = findJsonLdArticles(doc).filter(marksNotFree);
  if (!marked.length) return null;
  const declared = Math.max(0, ...marked.map((a) => Number(a.wordCount)).filter(Number.isFinite));
  if (declared >= 100 && words < declared * DECLARED_SHARE)
    return { partial: true, source: `isAccessibleForFree: false; wordCount ${declared}, ${words} on the page` };
  const prompt = hasPrompt(doc);
  return prompt && words <= STUB_MAX_WORDS
    ? { partial: true, source: 'isAccessibleForFree: false; a subscription prompt on the page' }
    : { partial: false, source: 'isAccessibleForFree: false' };
}
