/**
 * JSON-LD: the article objects a page describes itself with, wherever they sit (top level,
 * arrays, `@graph`, `mainEntity`, `mainEntityOfPage`). Broken JSON is skipped, never thrown.
 */

export type JsonObject = Record<string, unknown>;

/** schema.org types that are an article or a page about one. */
const ARTICLE_TYPES =
  /^(Article|NewsArticle|AnalysisNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|AskPublicNewsArticle|LiveBlogPosting|BlogPosting|SocialMediaPosting|Report|ScholarlyArticle|TechArticle|SatiricalArticle|AdvertiserContentArticle|MedicalScholarlyArticle|DiscussionForumPosting|WebPage|ItemPage|VideoObject)$/;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function types(obj: JsonObject): string[] {
  const t = obj['@type'];
  const list = Array.isArray(t) ? t : [t];
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^https?:\/\/schema\.org\//, ''));
}

function collect(value: unknown, out: JsonObject[], depth: number): void {
  if (depth > 8) return;
  if (Array.isArray(value)) {
    for (const item of value) collect(item, out, depth + 1);
    return;
  }
  if (!isObject(value)) return;
  if (types(value).some((t) => ARTICLE_TYPES.test(t))) out.push(value);
  for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage', 'hasPart', 'itemListElement']) {
    if (key in value) collect(value[key], out, depth + 1);
  }
}

/** Sites wrap JSON-LD in CDATA or HTML comments for old parsers; JSON.parse wants neither. */
const WRAPPERS = /^\s*(?:<!\[CDATA\[|<!--)|(?:\]\]>|-->)\s*$/g;

function unwrap(text: string): string {
  return text.replace(WRAPPERS, '');
}

/** Article-like objects, true articles before mere web pages. */
export function findJsonLdArticles(doc: Document): JsonObject[] {
  const found: JsonObject[] = [];
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json" i]'))) {
    try {
      collect(JSON.parse(unwrap(script.textContent ?? '')), found, 0);
    } catch {
      // Pages ship broken JSON-LD (trailing commas, HTML entities); the other signals remain.
    }
  }
  const isPage = (o: JsonObject): boolean => types(o).every((t) => /Page$|VideoObject/.test(t));
  return [...found.filter((o) => !isPage(o)), ...found.filter(isPage)];
}
