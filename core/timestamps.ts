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
import { inferZone, offsetAt, offsetForLocalTime, offsetForZoneName } from './timezones';
import { findJsonLdObjects, type JsonObject } from './json-ld';
import { findPageDates, type PageDates, type SeenDate } from './page-dates';
import { FOREIGN_REGION } from './page-regions';
import { SCRIPT_DATE, shownText } from './page-code';

interface Candidate {
  date: PageDate;
  role: DateRole;
  source: string;
  trust: number;
  /** Set for a time counted back from the time of reading ("3 hours ago"). */
  kind?: 'relative';
  /** Set when words on the page say which it is ("Published", "Mis à jour"). */
  labelled?: boolean;
}

const TRUST = {
  visibleUpdate: 6.5,
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
export const META_PUBLISHED = [
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
export const META_MODIFIED = [
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
  return el.getAttribute('content') ?? el.getAttribute('datetime') ?? shownText(el);
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
    // An update the header labels as one is what the reader is told, and beats the metadata's
    // modified time, often a silent later edit or a lost "PM" (updated-time gold: 0.866 -> see eval).
    const trust =
      d.kind === 'relative' ? TRUST.relative : d.role === 'modified' ? TRUST.visibleUpdate : TRUST.headerText;
    const kind = d.kind === 'relative' ? d.kind : undefined;
    out.push({ date: d.date, role: inferred, source: textSource(d, 'header'), trust, kind, labelled: !!d.role });
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
        // An update labelled as one by the headline is what the reader is told (see fromHeaderText).
        const told = d?.role === 'modified' && list === close;
        if (d) {
          const labelled = !!d.role;
          out.push({
            date: d.date,
            role,
            source: 'text:near headline',
            trust: told ? TRUST.visibleUpdate : trust,
            labelled,
          });
        }
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
  for (const role of ['published', 'modified'] as const) {
    const labelled = plain.find((d) => d.role === role);
    if (labelled) out.push({ date: labelled.date, role, source: 'text:labelled', trust: TRUST.labelled });
  }
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
      kind: 'relative',
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

/**
 * Metadata that gives one time for both publication and update says when the page was last
 * saved; a publication the header labels as such, earlier, is then the real one (updated-time
 * gold, scotsman.com: "Published 8th Nov 2023, 18:58 GMT Updated … 20:14 GMT", metadata 20:14 twice).
 */
function visiblePublication(chosen: Candidate | null, all: Candidate[]): Candidate | null {
  if (!chosen || chosen.trust < TRUST.genericMeta) return chosen;
  const instant = instantMs(chosen.date);
  const savedOnce = all.some(
    (c) =>
      c.role === 'modified' &&
      c.trust >= TRUST.genericMeta &&
      c.trust < TRUST.visibleUpdate &&
      instant !== null &&
      instantMs(c.date) === instant,
  );
  if (!savedOnce || instant === null) return chosen;
  const shown = all.find((c) => c.role === 'published' && c.labelled && c.date.hour !== null);
  const shownAt = shown ? (instantMs(shown.date) ?? wallClockMs(shown.date)) : Number.NaN;
  return shown && shownAt < instant ? shown : chosen;
}

/**
 * A visible update and a structured one at the same minute of the hour, at most 14 h apart, are
 * one moment written in two zones (or one mislabelled: "4:17 pm EST" in August): the structured
 * one has the seconds and the right offset (updated-time gold: thelist.com, timesunion, twincities).
 */
function structuredTwin(chosen: Candidate | null, all: Candidate[]): Candidate | null {
  if (!chosen || chosen.trust !== TRUST.visibleUpdate || chosen.date.hour === null) return chosen;
  const minutes = (d: PageDate): number => Math.floor((instantMs(d) ?? wallClockMs(d)) / 60000);
  const twin = all.find((c) => {
    if (c.role !== 'modified' || c.trust < TRUST.genericMeta || c.trust >= TRUST.visibleUpdate) return false;
    if (c.date.hour === null) return false;
    const gap = minutes(c.date) - minutes(chosen.date);
    return Math.abs(gap) <= 14 * 60 && gap % 60 === 0;
  });
  return twin ?? chosen;
}

/**
 * "Updated 10:09 GMT" with no day of its own: the day of the publication, in the update's zone
 * when it names one ("5:45 p.m. ET" after a 22:05Z publication is 18 Nov, −05:00).
 */
function fromUpdateTimes(page: PageDates, published: Candidate, context: PageContext): Candidate[] {
  const out: Candidate[] = [];
  const base = published.date;
  for (const update of page.updateTimes) {
    let offset = base.offset;
    let day = base;
    if (update.zone) {
      const instant = instantMs(base) ?? wallClockMs(base);
      offset = offsetForZoneName(update.zone, instant) ?? base.offset;
      if (offset !== null && base.offset !== null && base.hour !== null) day = shiftTo(base, offset);
    } else if (base.offset === null) {
      const guess = inferZone(context.hosts, context.locales);
      offset = guess ? offsetForLocalTime(guess.zone, wallClockMs(base)) : null;
    }
    const date: PageDate = { ...day, hour: update.hour, minute: update.minute, second: 0, offset };
    // Before the publication it is another day's, which the page does not say: left out.
    const at = (d: PageDate): number => instantMs(d) ?? wallClockMs(d);
    if (!(at(date) > at(base) + 60_000)) continue;
    const shown = update.inHeader || (page.headlineAt >= 0 && distance(update.at, page.headlineAt) <= NEAR);
    const where = update.inHeader ? 'header' : shown ? 'near headline' : 'body';
    const trust = shown ? TRUST.visibleUpdate : TRUST.body;
    out.push({ date, role: 'modified', source: `text:${where}, update time on the publication day`, trust });
  }
  return out;
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
 * The page's own UTC offset, read from one moment it writes twice with the same role: a local
 * time and the same moment with an offset ("8:59 pm" in the byline beside "02:59:46Z" in the
 * metadata: −6 h), to the minute and a whole number of hours apart (quarter hours when non-zero
 * seconds agree too); or one instant written both in UTC and with the page's offset. A text time
 * has no seconds, and a UTC time on a full minute 7.5 h from it is a coincidence, not a zone
 * (fundus-a Morgunbladid); the same role keeps a byline's time from pairing with an update's.
 */
function pageOffset(all: Candidate[]): [number, string] | null {
  const timed = all.filter((c) => c.date.hour !== null && c.kind !== 'relative' && c.trust >= TRUST.rightBelow);
  const fixed = timed.filter((c) => c.date.offset !== null && c.trust >= TRUST.genericMeta);
  for (const b of fixed) {
    const instant = instantMs(b.date) ?? 0;
    for (const a of timed) {
      if (a === b || a.role !== b.role) continue;
      if (a.date.offset !== null) {
        if (a.date.offset === 0 && b.date.offset && instantMs(a.date) === instant) return [b.date.offset, b.source];
        continue;
      }
      const gap = Math.floor(wallClockMs(a.date) / 60000) - Math.floor(instant / 60000);
      const seconds = !!a.date.second && a.date.second === b.date.second;
      if (Math.abs(gap) <= 14 * 60 && (gap % 60 === 0 || (seconds && gap % 15 === 0)))
        return [gap, `${a.source} beside ${b.source}`];
    }
  }
  return null;
}

function shiftTo(date: PageDate, offset: number): PageDate {
  const shifted = new Date((instantMs(date) ?? 0) + offset * 60000);
  return {
    ...date,
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    offset,
  };
}

/**
 * Gives a local time its offset, from the page's other dates, its country, or any offset the
 * page uses, and says which; shows a UTC instant in the page's own offset when the page gives
 * it. Never moves the instant.
 */
function withZone(chosen: Candidate, all: Candidate[], context: PageContext): Timestamp {
  const { date } = chosen;
  if (date.hour === null || chosen.kind === 'relative') return { iso: toIso(date), source: chosen.source };
  const twin = pageOffset(all);
  const guess = inferZone(context.hosts, context.locales);
  if (date.offset === 0) {
    if (twin && twin[0] !== 0) {
      return { iso: toIso(shiftTo(date, twin[0])), source: `${chosen.source}, in the page's offset (${twin[1]})` };
    }
    if (guess) {
      const offset = offsetAt(guess.zone, instantMs(date) ?? 0);
      const source = `${chosen.source}, in zone ${guess.zone} (from ${guess.evidence})`;
      return { iso: toIso(shiftTo(date, offset)), source };
    }
  }
  if (date.offset !== null) return { iso: toIso(date), source: chosen.source };
  if (twin) return { iso: toIso({ ...date, offset: twin[0] }), source: `${chosen.source}, offset from ${twin[1]}` };
  if (guess) {
    const offset = offsetForLocalTime(guess.zone, wallClockMs(date));
    return { iso: toIso({ ...date, offset }), source: `${chosen.source}, zone ${guess.zone} from ${guess.evidence}` };
  }
  const withOffset = all.find((c) => c.date.offset && c.date.hour !== null && c.kind !== 'relative');
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

  const publishedCandidate = visiblePublication(best(withoutRepublications(candidates), 'published'), candidates);
  if (publishedCandidate)
    candidates.push(...fromUpdateTimes(page, publishedCandidate, context).filter((c) => !isFuture(c.date, now)));
  const modifiedCandidate = structuredTwin(best(candidates, 'modified'), candidates);
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
