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

/** Types whose dates are not the page's own: they sit beside or inside the article. */
const NOT_THE_PAGE =
  /^(Comment|Answer|Question|Review|Rating|AggregateRating|Person|Organization|NewsMediaOrganization|Brand|ImageObject|BreadcrumbList|ListItem|SiteNavigationElement|WebSite|SearchAction|Offer|Event|Place)$/;

/**
 * Article-like objects into `out`; with `others`, also the other dated objects a page describes
 * itself with at top level or in `@graph` (a HowTo, a Recipe, a Product page).
 */
function collect(value: unknown, out: JsonObject[], depth: number, others?: JsonObject[]): void {
  if (depth > 8) return;
  if (Array.isArray(value)) {
    for (const item of value) collect(item, out, depth + 1, others);
    return;
  }
  if (!isObject(value)) return;
  const t = types(value);
  if (t.some((x) => ARTICLE_TYPES.test(x))) out.push(value);
  else if (others && depth <= 2 && !t.some((x) => NOT_THE_PAGE.test(x)) && 'datePublished' in value) others.push(value);
  for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage', 'hasPart', 'itemListElement']) {
    // Only @graph holds more of the page's own top-level objects.
    if (key in value) collect(value[key], out, depth + 1, key === '@graph' ? others : undefined);
  }
}

/** Sites wrap JSON-LD in CDATA or HTML comments for old parsers; JSON.parse wants neither. */
const WRAPPERS = /^\s*(?:<!\[CDATA\[|<!--)|(?:\]\]>|-->)\s*$/g;

function unwrap(text: string): string {
  return text.replace(WRAPPERS, '');
}

const isPage = (o: JsonObject): boolean => types(o).every((t) => /Page$|VideoObject/.test(t));

/** Article-like objects, true articles before mere web pages. */
export function findJsonLdArticles(doc: Document): JsonObject[] {
  return findJsonLdObjects(doc).articles;
}

export interface JsonLdObjects {
  /** Articles first, then web pages about one. */
  articles: JsonObject[];
  /** Other dated objects the page describes itself with (HowTo, Recipe, Product…). */
  others: JsonObject[];
  /** The text of blocks that are not valid JSON, for a last-resort look at their fields. */
  broken: string[];
}

export function findJsonLdObjects(doc: Document): JsonLdObjects {
  const found: JsonObject[] = [];
  const others: JsonObject[] = [];
  const broken: string[] = [];
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json" i]'))) {
    const text = unwrap(script.textContent ?? '');
    try {
      collect(JSON.parse(text), found, 0, others);
    } catch {
      // Pages ship broken JSON-LD (trailing commas, two objects in one block, HTML entities).
      broken.push(text);
    }
  }
  return { articles: [...found.filter((o) => !isPage(o)), ...found.filter(isPage)], others, broken };
}
