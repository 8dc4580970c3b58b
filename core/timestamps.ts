/**
 * Published and modified times, with where each came from.
 *
 *   JSON-LD ─┐
 *   microdata ┤
 *   meta tags ┼─> candidates (date, role, trust) ─> sanity ─> best per role ─> zone ─> Timestamp
 *   <time> in header ┤                             (future,       (a bare day is
 *   text in header ──┤                              foreign        completed by a
 *   URL ─────────────┘                              regions)       same-day time)
 *
 * Trust follows how deliberately a page states a date: structured data first, then meta tags,
 * then what the article's header shows, then the URL.
 */
import type { Timestamp } from './types';
import { instantMs, parseMachineDate, toIso, wallClockMs, type PageDate } from './dates';
import { findTextDates, type DateRole } from './text-dates';
import { findHeaderRegion, inForeignRegion } from './page-regions';
import { inferZone, offsetForLocalTime } from './timezones';
import { findJsonLdArticles } from './json-ld';
import { normalizeSpace } from './text';

interface Candidate {
  date: PageDate;
  role: DateRole;
  source: string;
  trust: number;
}

const TRUST = { jsonLd: 6, microdata: 5, meta: 4, timeElement: 3, text: 2, url: 1 } as const;

const META_PUBLISHED = [
  'article:published_time',
  'og:article:published_time',
  'og:published_time',
  'datepublished',
  'publishdate',
  'publish-date',
  'publish_date',
  'pubdate',
  'parsely-pub-date',
  'sailthru.date',
  'dc.date.issued',
  'dcterms.issued',
  'dc.date.created',
  'dcterms.created',
  'dc.date',
  'dcterms.date',
  'article.published',
  'published_time',
  'cxenseparse:recs:publishtime',
  'date',
  'citation_publication_date',
  'citation_date',
  'originalpublicationdate',
  'article_date_original',
  'creation_date',
  'release_date',
];
const META_MODIFIED = [
  'article:modified_time',
  'og:updated_time',
  'og:article:modified_time',
  'datemodified',
  'modified_time',
  'dcterms.modified',
  'dc.date.modified',
  'last-modified',
  'lastmod',
  'article.updated',
  'parsely-updated',
  'sailthru.updated',
  'revised',
];

function fromJsonLd(doc: Document): Candidate[] {
  const out: Candidate[] = [];
  // Articles come before mere web pages, and the first article before the others.
  findJsonLdArticles(doc).forEach((article, rank) => {
    const pairs: [string, DateRole][] = [
      ['datePublished', 'published'],
      ['dateCreated', 'published'],
      ['uploadDate', 'published'],
      ['dateModified', 'modified'],
    ];
    for (const [key, role] of pairs) {
      const value = article[key];
      const date = typeof value === 'string' ? parseMachineDate(value) : null;
      if (date) out.push({ date, role, source: `json-ld:${key}`, trust: TRUST.jsonLd - rank / 100 });
    }
  });
  return out;
}

function machineValue(el: Element): string {
  return el.getAttribute('content') ?? el.getAttribute('datetime') ?? el.textContent ?? '';
}

function fromMicrodata(doc: Document): Candidate[] {
  const out: Candidate[] = [];
  for (const el of Array.from(doc.querySelectorAll('[itemprop~="datePublished"], [itemprop~="dateModified"]'))) {
    if (el.tagName.toUpperCase() === 'META' && el.closest('head')) continue; // counted as meta
    if (inForeignRegion(el)) continue;
    const date = parseMachineDate(machineValue(el));
    const modified = (el.getAttribute('itemprop') ?? '').includes('dateModified');
    const key = modified ? 'dateModified' : 'datePublished';
    if (date)
      out.push({ date, role: modified ? 'modified' : 'published', source: `microdata:${key}`, trust: TRUST.microdata });
  }
  return out;
}

function fromMeta(doc: Document): Candidate[] {
  const out: Candidate[] = [];
  for (const el of Array.from(doc.querySelectorAll('meta[content]'))) {
    const name = (
      el.getAttribute('property') ??
      el.getAttribute('name') ??
      el.getAttribute('itemprop') ??
      el.getAttribute('http-equiv') ??
      ''
    ).toLowerCase();
    const role: DateRole | null = META_PUBLISHED.includes(name)
      ? 'published'
      : META_MODIFIED.includes(name)
        ? 'modified'
        : null;
    const date = role ? parseMachineDate(el.getAttribute('content') ?? '') : null;
    // Earlier names in each list are the more specific ones.
    const list = role === 'published' ? META_PUBLISHED : META_MODIFIED;
    if (date && role) out.push({ date, role, source: `meta:${name}`, trust: TRUST.meta - list.indexOf(name) / 100 });
  }
  return out;
}

const MODIFIED_HINT = /updat|modif|aktualis|actuali|aggiorn|mise-?a-?jour|maj\b/i;

function fromTimeElements(region: Element): Candidate[] {
  const out: Candidate[] = [];
  for (const el of Array.from(region.querySelectorAll('time[datetime]'))) {
    if (inForeignRegion(el)) continue;
    const date = parseMachineDate(el.getAttribute('datetime') ?? '');
    if (!date) continue;
    const hint = `${el.getAttribute('class') ?? ''} ${el.getAttribute('itemprop') ?? ''} ${el.parentElement?.getAttribute('class') ?? ''}`;
    const role: DateRole =
      MODIFIED_HINT.test(hint) || out.some((c) => c.role === 'published') ? 'modified' : 'published';
    out.push({ date, role, source: 'time[datetime]', trust: TRUST.timeElement });
  }
  return out;
}

/** The visible text of a region, text nodes joined by a space, foreign regions left out. */
function visibleText(region: Element, limit: number): string {
  const parts: string[] = [];
  let length = 0;
  const walk = (node: Node): void => {
    if (length > limit) return;
    if (node.nodeType === 3) {
      const text = node.nodeValue ?? '';
      if (text.trim()) {
        parts.push(text);
        length += text.length;
      }
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT' || tag === 'TEMPLATE') return;
    if (el !== region && inForeignRegion(el)) return;
    for (let child = el.firstChild; child; child = child.nextSibling) walk(child);
  };
  walk(region);
  return normalizeSpace(parts.join(' '));
}

function fromText(region: Element, monthFirst: boolean): Candidate[] {
  const found = findTextDates(visibleText(region, 3000), monthFirst);
  const out: Candidate[] = [];
  for (const { date, role } of found) {
    // Unlabelled dates in a header: the first is the publication, a later one the update.
    const first = out.find((c) => c.role === 'published');
    const inferred: DateRole =
      role ?? (first && wallClockMs(date) > wallClockMs(first.date) ? 'modified' : 'published');
    if (!role && inferred === 'published' && first) continue;
    out.push({ date, role: inferred, source: 'text:header', trust: TRUST.text });
  }
  return out;
}

const URL_DATE = /\/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:[/-]|$)/;

function fromUrl(url: string | null): Candidate[] {
  const m = url ? URL_DATE.exec(url) : null;
  if (!m) return [];
  const date = parseMachineDate(`${m[1]}-${m[2]?.padStart(2, '0')}-${m[3]?.padStart(2, '0')}`);
  return date ? [{ date, role: 'published', source: 'url', trust: TRUST.url }] : [];
}

function isFuture(date: PageDate, now: Date): boolean {
  const instant = instantMs(date);
  // Without an offset the page could be up to 14 h ahead of UTC.
  return instant === null ? wallClockMs(date) - 14 * 3600_000 > now.getTime() : instant - 600_000 > now.getTime();
}

function best(candidates: Candidate[], role: DateRole): Candidate | null {
  const ofRole = candidates.filter((c) => c.role === role).sort((a, b) => b.trust - a.trust);
  const top = ofRole[0];
  if (!top) return null;
  if (top.date.hour !== null) return top;
  // A bare day from a trusted source, completed by a less trusted source's time on the same day.
  const timed = ofRole.find(
    (c) =>
      c.date.hour !== null &&
      c.date.year === top.date.year &&
      c.date.month === top.date.month &&
      c.date.day === top.date.day,
  );
  return timed ? { ...timed, source: `${top.source} + ${timed.source}` } : top;
}

interface PageContext {
  hosts: string[];
  locales: string[];
}

function pageContext(doc: Document, url: string | null): PageContext {
  const hosts: string[] = [];
  const addHost = (href: string | null | undefined): void => {
    try {
      if (href) hosts.push(new URL(href, url ?? undefined).hostname);
    } catch {
      /* not a URL */
    }
  };
  addHost(doc.querySelector('link[rel~="canonical"]')?.getAttribute('href'));
  addHost(doc.querySelector('meta[property="og:url"]')?.getAttribute('content'));
  addHost(url);
  const locales = [
    doc.documentElement?.getAttribute('lang'),
    doc.querySelector('meta[property="og:locale"]')?.getAttribute('content'),
    doc.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content'),
  ].filter((l): l is string => !!l);
  return { hosts, locales };
}

/** Gives a local time its offset, from the page's country or its other dates, and says which. */
function withZone(chosen: Candidate, all: Candidate[], context: PageContext): Timestamp {
  const { date } = chosen;
  if (date.offset !== null || date.hour === null) return { iso: toIso(date), source: chosen.source };
  const guess = inferZone(context.hosts, context.locales);
  if (guess) {
    const offset = offsetForLocalTime(guess.zone, wallClockMs(date));
    return { iso: toIso({ ...date, offset }), source: `${chosen.source}, zone ${guess.zone} from ${guess.evidence}` };
  }
  const withOffset = all.find((c) => c.date.offset !== null && c.date.hour !== null);
  if (withOffset && withOffset.date.offset !== null) {
    return {
      iso: toIso({ ...date, offset: withOffset.date.offset }),
      source: `${chosen.source}, offset from ${withOffset.source}`,
    };
  }
  return { iso: toIso(date), source: `${chosen.source}, no time zone on the page` };
}

function comparable(a: Timestamp): number {
  const date = parseMachineDate(a.iso);
  return date ? (instantMs(date) ?? wallClockMs(date)) : Number.NaN;
}

export interface Timestamps {
  published: Timestamp | null;
  modified: Timestamp | null;
}

export function extractTimestamps(doc: Document, url: string | null, now: Date): Timestamps {
  const region = findHeaderRegion(doc) ?? doc.querySelector('article') ?? doc.body;
  const context = pageContext(doc, url);
  const monthFirst = context.locales.some((l) => /^en[-_]us$/i.test(l));
  const candidates = [
    ...fromJsonLd(doc),
    ...fromMicrodata(doc),
    ...fromMeta(doc),
    ...(region ? fromTimeElements(region) : []),
    ...(region ? fromText(region, monthFirst) : []),
    ...fromUrl(url),
  ].filter((c) => !isFuture(c.date, now));

  const publishedCandidate = best(candidates, 'published');
  const modifiedCandidate = best(candidates, 'modified');
  const published = publishedCandidate ? withZone(publishedCandidate, candidates, context) : null;
  let modified = modifiedCandidate ? withZone(modifiedCandidate, candidates, context) : null;
  // An "update" at or before publication is no update.
  if (modified && published && !(comparable(modified) > comparable(published))) modified = null;
  return { published, modified };
}
