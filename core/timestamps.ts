/**
 * Published and modified times, with where each came from.
 *
 *   JSON-LD ──────────┐
 *   microdata ────────┤
 *   meta tags ────────┤
 *   page dates ───────┼─> candidates (date, role, trust) ─> not future ─> best per role ─> zone
 *    (header, near the│                                                  (a bare day is
 *     headline, body, │                                                   completed by a
 *     whole page)     │                                                   same-day time)
 *   URL ──────────────┤
 *   script JSON ──────┘
 *
 * Trust follows how deliberately a page states a date: structured data first, then meta tags,
 * then what the article's header shows, then dates near the headline, the URL, the body, and
 * last whatever the rest of the page shows. The numbers next to each rule are from the
 * evaluation (`npm run eval`, eval/dates.ts) on htmldate-a (488 pages), fundus-a (135) and
 * readability-pages (33), exact-day accuracy unless said otherwise.
 */
import type { Timestamp } from './types';
import { instantMs, parseMachineDate, toIso, wallClockMs, type PageDate } from './dates';
import { findTextDates, type DateRole } from './text-dates';
import { inferZone, offsetAt, offsetForLocalTime } from './timezones';
import { findJsonLdObjects, type JsonObject } from './json-ld';
import { findPageDates, type PageDates, type SeenDate } from './page-dates';
import { FOREIGN_REGION } from './page-regions';

interface Candidate {
  date: PageDate;
  role: DateRole;
  source: string;
  trust: number;
}

const TRUST = {
  jsonLd: 6,
  microdata: 3.9,
  meta: 4,
  trackback: 3.8,
  headerTime: 3,
  headerText: 2.5,
  nearTime: 2.1,
  genericMeta: 1.9,
  otherMeta: 1.85,
  nearHeadline: 2,
  rightBelow: 1.7,
  farAbove: 1.65,
  labelled: 1.8,
  title: 1.6,
  url: 1.5,
  body: 1.2,
  scriptJson: 1,
  page: 0.5,
  anyDate: 0.3,
  relative: 0.2,
} as const;

/** Meta names, most specific first; compared after `normalizeName`. */
const META_PUBLISHED = [
  'article:published_time',
  'og:article:published_time',
  'og:published_time',
  'article:published',
  'datepublished',
  'date_published',
  'publishdate',
  'publish-date',
  'publish_date',
  'published-date',
  'published_time',
  'pubdate',
  'bt:pubdate',
  'rnews:datepublished',
  'parsely-pub-date',
  'sailthru.date',
  'dc.date.issued',
  'dcterms.issued',
  'dc.date.published',
  'dc.date.created',
  'dcterms.created',
  'dc.created',
  'datecreated',
  'article.published',
  'article.created',
  'cxenseparse:recs:publishtime',
  'originalpublicationdate',
  'article_date_original',
  'citation_publication_date',
  'citation_date',
  'creation_date',
  'release_date',
  'dc.date',
  'dcterms.date',
  'date',
];
const META_MODIFIED = [
  'article:modified_time',
  'og:updated_time',
  'og:article:modified_time',
  'datemodified',
  'date_modified',
  'modified_time',
  'dcterms.modified',
  'dc.date.modified',
  'bt:moddate',
  'last-modified',
  'lastmod',
  'last-updated',
  'article.updated',
  'parsely-updated',
  'sailthru.updated',
  'revised',
];
/**
 * Names that say "a date" without saying which: CMSes fill them with the page's build or
 * last-edit day as often as with its publication. They yield to what the article's header shows
 * (htmldate-a: 7 pages where they disagree with the visible date, the visible one right in all).
 */
const GENERIC_META = new Set(['date', 'dc.date', 'dcterms.date', 'datecreated', 'creation.date', 'release.date']);
/** Site-specific names that still say what they hold ("five_hundred_pixels:uploaded"). */
const OTHER_META_PUBLISHED =
  /(?:^|\.)(?:published|publish\.?date|pub\.?date|uploaded|upload\.?date|date\.?published|published\.?(?:at|on|time))$/;
const OTHER_META_MODIFIED =
  /(?:^|\.)(?:modified|updated|date\.?modified|modified\.?(?:at|on|time)|updated\.?(?:at|on|time))$/;
const normalizeName = (name: string): string => name.toLowerCase().replace(/[:_-]/g, '.');
const META_RANK = new Map<string, [DateRole, number]>([
  ...META_PUBLISHED.map((n, i): [string, [DateRole, number]] => [normalizeName(n), ['published', i]]),
  ...META_MODIFIED.map((n, i): [string, [DateRole, number]] => [normalizeName(n), ['modified', i]]),
]);

const JSON_LD_KEYS: readonly [string, DateRole][] = [
  ['datePublished', 'published'],
  ['dateCreated', 'published'],
  ['uploadDate', 'published'],
  ['dateModified', 'modified'],
];

/** A date written for machines, or failing that the first date a person would read in it. */
function parseAnyDate(value: string): PageDate | null {
  return parseMachineDate(value) ?? (value.length < 80 ? (findTextDates(value)[0]?.date ?? null) : null);
}

function fromJsonLd(doc: Document): Candidate[] {
  const out: Candidate[] = [];
  const { articles, others, broken } = findJsonLdObjects(doc);
  const read = (objects: JsonObject[], base: number): void => {
    // Articles come before mere web pages, and the first article before the others.
    objects.forEach((object, rank) => {
      for (const [key, role] of JSON_LD_KEYS) {
        const value = object[key];
        const date = typeof value === 'string' ? parseAnyDate(value) : null;
        // A video's upload is the video's date, often years before the article it illustrates
        // (htmldate-a giga.de): below the meta tags, above what the text shows.
        const video = object['@type'] === 'VideoObject';
        const trust = video ? TRUST.meta - 0.5 : base - rank / 100;
        if (date) out.push({ date, role, source: `json-ld:${key}`, trust });
      }
    });
  };
  read(articles, TRUST.jsonLd);
  read(others, TRUST.jsonLd - 0.3);
  // A block that is not valid JSON still names its dates (htmldate reads them the same way).
  for (const text of broken) {
    for (const [key, role] of JSON_LD_KEYS) {
      const value = new RegExp(`"${key}"\\s*:\\s*"([^"]{6,40})"`).exec(text)?.[1];
      const date = value ? parseAnyDate(value) : null;
      if (date) out.push({ date, role, source: `json-ld:${key}`, trust: TRUST.jsonLd - 0.5 });
    }
  }
  return out;
}

function machineValue(el: Element): string {
  return el.getAttribute('content') ?? el.getAttribute('datetime') ?? el.textContent ?? '';
}

/** Whether an element sits in a part of the page that is not the article (see page-dates). */
function outsideArticle(el: Element, page: PageDates): boolean {
  for (let node: Element | null = el; node && node !== el.ownerDocument.body; node = node.parentElement) {
    if (page.headline && node.contains(page.headline)) return false;
    const tag = node.tagName.toUpperCase();
    if (tag === 'FOOTER' || tag === 'ASIDE' || tag === 'NAV') return true;
    const words = `${node.getAttribute('class') ?? ''} ${node.id} ${node.getAttribute('role') ?? ''}`;
    if (FOREIGN_REGION.test(words.replace(/[_-]+/g, ' '))) return true;
  }
  return false;
}

function fromMicrodata(doc: Document, page: PageDates): Candidate[] {
  const out: Candidate[] = [];
  for (const el of Array.from(doc.querySelectorAll('[itemprop~="datePublished"], [itemprop~="dateModified"]'))) {
    if (el.tagName.toUpperCase() === 'META' && el.closest('head')) continue; // counted as meta
    if (outsideArticle(el, page)) continue;
    const date = parseAnyDate(machineValue(el));
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
    const key = normalizeName(name);
    const known: [DateRole, number] | undefined =
      META_RANK.get(key) ??
      (OTHER_META_PUBLISHED.test(key)
        ? ['published', 99]
        : OTHER_META_MODIFIED.test(key)
          ? ['modified', 99]
          : undefined);
    const date = known ? parseAnyDate(el.getAttribute('content') ?? '') : null;
    if (!date || !known) continue;
    // Earlier names in each list are the more specific ones.
    const trust = GENERIC_META.has(key)
      ? TRUST.genericMeta
      : known[1] === 99
        ? TRUST.otherMeta
        : TRUST.meta - known[1] / 100;
    out.push({ date, role: known[0], source: `meta:${name}`, trust });
  }
  return out;
}

const MODIFIED_HINT = /updat|modif|aktualis|actuali|aggiorn|mise-?a-?jour|maj\b/i;

/** `<time datetime>` in the article's header: the first is the publication, a later one the update. */
function fromHeaderTimes(page: PageDates): Candidate[] {
  const out: Candidate[] = [];
  for (const { element, date, inHeader } of page.times) {
    if (!inHeader) continue;
    const hint = `${element.getAttribute('class') ?? ''} ${element.getAttribute('itemprop') ?? ''} ${element.parentElement?.getAttribute('class') ?? ''}`;
    const role: DateRole =
      MODIFIED_HINT.test(hint) || out.some((c) => c.role === 'published') ? 'modified' : 'published';
    out.push({ date, role, source: 'time[datetime]', trust: TRUST.headerTime });
  }
  return out;
}

function textSource(d: SeenDate, where: string): string {
  return d.kind === 'relative' ? `text:${where}, relative to the time of reading` : `text:${where}`;
}

/** Dates the header shows: labelled ones as labelled; unlabelled, the first is the publication. */
function fromHeaderText(page: PageDates): Candidate[] {
  const out: Candidate[] = [];
  const dates = page.dates.filter((d) => d.inHeader);
  // A date in the headline is the story's subject when the header has another one.
  const outsideHeadline = dates.filter((d) => !d.inHeadline);
  for (const d of outsideHeadline.length ? outsideHeadline : dates) {
    const first = out.find((c) => c.role === 'published');
    const role = d.role ?? d.classRole;
    const inferred: DateRole =
      role ?? (first && wallClockMs(d.date) > wallClockMs(first.date) ? 'modified' : 'published');
    if (!role && inferred === 'published' && first) continue;
    const trust = d.kind === 'relative' ? TRUST.relative : TRUST.headerText;
    out.push({ date: d.date, role: inferred, source: textSource(d, 'header'), trust });
  }
  return out;
}

/** How far a date sits from the headline, in characters; dates above it count triple. */
function distance(at: number, headlineAt: number): number {
  return at >= headlineAt ? at - headlineAt : (headlineAt - at) * 3;
}

/** Beyond this, a date is no longer "near the headline" (a long standfirst and byline fit). */
const NEAR = 1500;
/** An unmarked date this close below the headline is its byline's. */
const RIGHT_BELOW = 200;
/** A date-like element further above the headline than this is more likely the site's header. */
const ABOVE = 300;

/**
 * Dates outside the header: the one nearest the headline in a date-like element, a labelled
 * one, the first in the body after the headline, and, when the page has no headline, the first
 * date-like one anywhere.
 */
function fromPageText(page: PageDates): Candidate[] {
  const out: Candidate[] = [];
  const { headlineAt } = page;
  const plain = page.dates.filter((d) => !d.inHeader && d.kind !== 'relative');
  const nearest = (list: SeenDate[]): SeenDate | undefined =>
    list.reduce<SeenDate | undefined>(
      (best, d) => (!best || distance(d.at, headlineAt) < distance(best.at, headlineAt) ? d : best),
      undefined,
    );
  if (headlineAt >= 0) {
    // Near the headline: in a date-like element or labelled, the nearest first; far above it
    // (a site header's "today"), or unmarked right below it (the byline line), a little less.
    const marked = plain.filter((d) => d.hinted || d.role);
    const close = marked.filter((d) => d.at >= headlineAt - ABOVE && distance(d.at, headlineAt) <= NEAR);
    const above = marked.filter((d) => d.at < headlineAt - ABOVE && distance(d.at, headlineAt) <= NEAR);
    const below = plain.filter((d) => !d.hinted && !d.role && d.at > headlineAt && d.at - headlineAt <= RIGHT_BELOW);
    const tiers: [SeenDate[], number][] = [
      [close, TRUST.nearHeadline],
      [below, TRUST.rightBelow],
      [above, TRUST.farAbove],
    ];
    for (const [list, trust] of tiers) {
      for (const role of ['published', 'modified'] as const) {
        const d = nearest(list.filter((x) => (x.role ?? x.classRole ?? 'published') === role));
        if (d) out.push({ date: d.date, role, source: 'text:near headline', trust });
      }
    }
    const nearTime = page.times.filter((t) => !t.inHeader && distance(t.at, headlineAt) <= NEAR);
    const t = nearTime.reduce<(typeof nearTime)[number] | undefined>(
      (best, x) => (!best || distance(x.at, headlineAt) < distance(best.at, headlineAt) ? x : best),
      undefined,
    );
    if (t) out.push({ date: t.date, role: 'published', source: 'time[datetime] near headline', trust: TRUST.nearTime });
    const body = plain.find((d) => d.at > headlineAt && !d.role);
    if (body) out.push({ date: body.date, role: 'published', source: 'text:body', trust: TRUST.body });
  }
  const labelled = plain.find((d) => d.role === 'published');
  if (labelled) out.push({ date: labelled.date, role: 'published', source: 'text:labelled', trust: TRUST.labelled });
  // Last resorts: the first date-like element or <time> anywhere, then the first date at all.
  const anyHinted = plain.find((d) => d.hinted) ?? page.times.find((t) => !t.inHeader);
  if (anyHinted) out.push({ date: anyHinted.date, role: 'published', source: 'text:page', trust: TRUST.page });
  const anyDate = plain.find((d) => !d.role || d.role === 'published');
  if (anyDate) out.push({ date: anyDate.date, role: 'published', source: 'text:page', trust: TRUST.anyDate });
  const relative = page.dates.find((d) => d.kind === 'relative' && !d.inHeader && distance(d.at, headlineAt) <= NEAR);
  if (relative && headlineAt >= 0)
    out.push({
      date: relative.date,
      role: relative.role ?? 'published',
      source: textSource(relative, 'near headline'),
      trust: TRUST.relative,
    });
  return out;
}

const URL_DATE = /\/((?:19|20)\d{2})[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:[/-]|$)/;
const URL_DATE_LOOSE = /\/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:[/-]|$)/;

function fromUrl(url: string | null): Candidate[] {
  const path = url ? url.replace(/[?#].*$/, '') : '';
  const m = URL_DATE_LOOSE.exec(path) ?? URL_DATE.exec(path);
  if (!m) return [];
  const date = parseMachineDate(`${m[1]}-${m[2]?.padStart(2, '0')}-${m[3]?.padStart(2, '0')}`);
  return date ? [{ date, role: 'published', source: 'url', trust: TRUST.url }] : [];
}

/** Dates in a page's own script data ("publicationDate": "…"), as single-page apps ship them. */
const SCRIPT_DATE =
  /"(datePublished|publishedAt|published_at|publicationDate|publishDate|publishedDate|firstPublishedDate|pubDate|dateCreated|createdAt)"\s*:\s*"(\d{4}-\d{2}-\d{2}[^"]{0,30})"/;

/** A date in the page's title ("… | DW | 28.04.2023"): put there for the article, by the site. */
function fromTitle(doc: Document): Candidate[] {
  const titles = [doc.querySelector('meta[property="og:title"]')?.getAttribute('content') ?? '', doc.title];
  for (const title of titles) {
    const found = findTextDates(title)[0];
    if (found?.kind === 'date') return [{ date: found.date, role: 'published', source: 'title', trust: TRUST.title }];
  }
  return [];
}

/** Trackback RDF (Movable Type, WordPress, goo): the blog's own record of the post's date. */
function fromTrackback(page: PageDates, doc: Document, url: string | null): Candidate[] {
  const trackback = page.trackback;
  if (!trackback) return [];
  const bare = (href: string | null | undefined): string => (href ?? '').replace(/^https?:\/\/|[?#].*$|\/$/g, '');
  const own = [url, doc.querySelector('link[rel~="canonical"]')?.getAttribute('href')].map(bare);
  if (!own.includes(bare(trackback.about))) return [];
  return [{ date: trackback.date, role: 'published', source: 'rdf:dc:date', trust: TRUST.trackback }];
}

function fromScripts(doc: Document): Candidate[] {
  for (const script of Array.from(doc.querySelectorAll('script:not([src])'))) {
    if (/ld\+json/i.test(script.getAttribute('type') ?? '')) continue;
    const m = SCRIPT_DATE.exec(script.textContent ?? '');
    const date = m?.[2] ? parseMachineDate(m[2]) : null;
    if (date) return [{ date, role: 'published', source: `script:${m?.[1]}`, trust: TRUST.scriptJson }];
  }
  return [];
}

/**
 * Drops a microdata "published" date in the body that is the page's update day while the page's
 * JSON-LD or meta tags give an earlier publication: a re-publication stamp (readability-pages
 * bug-1255978 and htmldate-a madame.lefigaro). Kept narrow: applied to every structured source,
 * it dropped the true date on 8 htmldate-a pages, where the "earlier" one was a video's upload.
 */
function withoutRepublications(candidates: Candidate[]): Candidate[] {
  const updates = candidates.filter((c) => c.role === 'modified' && /^(json-ld|microdata|meta):/.test(c.source));
  const stated = candidates.filter(
    (c) =>
      c.role === 'published' &&
      (c.source === 'json-ld:datePublished' || (c.source.startsWith('meta:') && c.trust >= TRUST.meta - 1)),
  );
  const dayMs = (d: PageDate): number => Date.UTC(d.year, d.month - 1, d.day);
  return candidates.filter(
    (c) =>
      !(
        c.source.startsWith('microdata:') &&
        c.role === 'published' &&
        updates.some((u) => sameDay(u.date, c.date)) &&
        stated.some((p) => dayMs(p.date) < dayMs(c.date))
      ),
  );
}

function isFuture(date: PageDate, now: Date): boolean {
  const instant = instantMs(date);
  // Without an offset the page could be up to 14 h ahead of UTC.
  return instant === null ? wallClockMs(date) - 14 * 3600_000 > now.getTime() : instant - 600_000 > now.getTime();
}

const sameDay = (a: PageDate, b: PageDate): boolean => a.year === b.year && a.month === b.month && a.day === b.day;

function best(candidates: Candidate[], role: DateRole): Candidate | null {
  const ofRole = candidates.filter((c) => c.role === role).sort((a, b) => b.trust - a.trust);
  const top = ofRole[0];
  if (!top) return null;
  if (top.date.hour !== null) return top;
  // A bare day from a trusted source, completed by a less trusted source's time on the same day.
  const timed = ofRole.find((c) => c.date.hour !== null && c.trust > TRUST.relative && sameDay(c.date, top.date));
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

/**
 * Whether two writings of one moment, local and UTC, can differ by this many minutes: whole
 * hours within ±14 h, or quarter hours when the seconds (not 0) agree too. A text date has no
 * seconds, and a UTC time on a full minute 7.5 h from a text time is a coincidence, not a zone
 * (fundus-a, Morgunbladid).
 */
function twinOffset(minutes: number, date: PageDate): boolean {
  if (!Number.isInteger(minutes) || Math.abs(minutes) > 14 * 60) return false;
  return minutes % 60 === 0 || (minutes % 15 === 0 && !!date.second);
}

/**
 * The page's own offset for an instant it wrote in UTC: another date on the page at the same
 * instant with an offset, or at the same moment in local wall-clock time ("17:49:09" beside
 * "01:49:09Z"), or the single zone of the page's country.
 */
function localOffsetFor(date: PageDate, all: Candidate[], context: PageContext): [number, string] | null {
  const instant = instantMs(date);
  if (instant === null) return null;
  for (const c of all) {
    if (c.date.hour === null || c.date.second === null || c.trust <= TRUST.relative) continue;
    const other = instantMs(c.date);
    if (other === instant && c.date.offset) return [c.date.offset, c.source];
    if (c.date.offset === null && c.date.second === date.second) {
      const offset = (wallClockMs(c.date) - instant) / 60000;
      if (offset !== 0 && twinOffset(offset, date)) return [offset, c.source];
    }
  }
  const guess = inferZone(context.hosts, context.locales);
  return guess ? [offsetAt(guess.zone, instant), `zone ${guess.zone} from ${guess.evidence}`] : null;
}

/**
 * Gives a local time its offset, from the page's other dates or its country, and says which;
 * shows a UTC instant in the page's own offset when the page gives it. Never moves the instant.
 */
function withZone(chosen: Candidate, all: Candidate[], context: PageContext): Timestamp {
  const { date } = chosen;
  if (date.hour === null) return { iso: toIso(date), source: chosen.source };
  if (date.offset === 0 && !chosen.source.includes('relative')) {
    const local = localOffsetFor(date, all, context);
    if (local) {
      const shifted = new Date((instantMs(date) ?? 0) + local[0] * 60000);
      const iso = toIso({
        ...date,
        year: shifted.getUTCFullYear(),
        month: shifted.getUTCMonth() + 1,
        day: shifted.getUTCDate(),
        hour: shifted.getUTCHours(),
        minute: shifted.getUTCMinutes(),
        offset: local[0],
      });
      return { iso, source: `${chosen.source}, UTC shown in the page's offset (${local[1]})` };
    }
  }
  if (date.offset !== null) return { iso: toIso(date), source: chosen.source };
  // The same wall-clock time written elsewhere with an offset, or the same moment in UTC (the
  // gap is then the offset, when it is one a zone can have and the seconds agree).
  for (const c of all) {
    if (c === chosen || c.date.offset === null || c.date.hour === null || c.trust <= TRUST.relative) continue;
    const sameWallClock = Math.abs(wallClockMs(c.date) - wallClockMs(date)) < 60_000;
    const gap = (wallClockMs(date) - (instantMs(c.date) ?? 0)) / 60000;
    const utcTwin = c.date.offset === 0 && gap !== 0 && c.date.second === date.second && twinOffset(gap, date);
    if (sameWallClock || utcTwin) {
      const offset = sameWallClock ? c.date.offset : gap;
      return { iso: toIso({ ...date, offset }), source: `${chosen.source}, offset from ${c.source}` };
    }
  }
  const guess = inferZone(context.hosts, context.locales);
  if (guess) {
    const offset = offsetForLocalTime(guess.zone, wallClockMs(date));
    return { iso: toIso({ ...date, offset }), source: `${chosen.source}, zone ${guess.zone} from ${guess.evidence}` };
  }
  const withOffset = all.find((c) => c.date.offset && c.date.hour !== null && c.trust > TRUST.relative);
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
  const context = pageContext(doc, url);
  const monthFirst = context.locales.some((l) => /^en[-_]us$/i.test(l));
  const page = findPageDates(doc, { monthFirst, now });
  const candidates = [
    ...fromJsonLd(doc),
    ...fromMicrodata(doc, page),
    ...fromMeta(doc),
    ...fromHeaderTimes(page),
    ...fromHeaderText(page),
    ...fromPageText(page),
    ...fromUrl(url),
    ...fromTitle(doc),
    ...fromTrackback(page, doc, url),
    ...fromScripts(doc),
  ].filter((c) => !isFuture(c.date, now));

  const publishedCandidate = best(withoutRepublications(candidates), 'published');
  const modifiedCandidate = best(candidates, 'modified');
  let published = publishedCandidate ? withZone(publishedCandidate, candidates, context) : null;
  let modified = modifiedCandidate ? withZone(modifiedCandidate, candidates, context) : null;
  // A page that shows only "Stand: …" or "Updated …" stands by that date: it is the publication
  // date a reader can see (htmldate-a labels it so), and the source says what it was.
  if (!published && modified && modifiedCandidate?.source.startsWith('text:')) {
    published = { iso: modified.iso, source: `${modified.source}, an update time: the page gives no other` };
    modified = null;
  }
  // An "update" at, before or within a minute of publication is no update.
  if (modified && published && !(comparable(modified) > comparable(published) + 60_000)) modified = null;
  return { published, modified };
}
