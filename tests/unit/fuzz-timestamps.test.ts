/**
 * Fuzz (issue 10, item 2): invalid and absurd dates wherever a page can state one (every meta tag
 * the timestamps read, JSON-LD, microdata, <time datetime>, the URL, the visible text), through
 * analyze(). The published and modified times must be real dates of 1990-2200, not after the
 * time of reading, and an update never before the publication.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { instantMs, parseMachineDate, wallClockMs } from '@/core/dates';
import { META_MODIFIED, META_PUBLISHED } from '@/core/timestamps';
import { ABSURD_DATES, hostileText } from '../support/hostile-text';
import { analyzeHtml, expectValidReport, NOW, withinMs } from '../support/report-checks';

/**
 * Every meta name core/timestamps.ts reads, one of them in camel case (names are compared
 * case-blind); site-specific names it reads by their shape; and names it must not take for a date.
 */
const META_NAMES = [
  ...META_PUBLISHED,
  ...META_MODIFIED,
  'datePublished',
  'five_hundred_pixels:uploaded',
  'custom:published',
  'x:updated',
  'description',
  'keywords',
];
const ATTRIBUTES = ['property', 'name', 'itemprop', 'http-equiv'];

const dateValue = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...ABSURD_DATES) },
  {
    weight: 2,
    arbitrary: fc
      .date({ min: new Date('1800-01-01'), max: new Date('2400-01-01'), noInvalidDate: true })
      .map((d) => d.toISOString()),
  },
  {
    weight: 1,
    arbitrary: fc
      .date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
      .map((d) => d.toUTCString()),
  },
  { weight: 1, arbitrary: hostileText(4) },
);
const jsonValue = fc.oneof(
  dateValue,
  fc.constantFrom<unknown>(1e20, -1e20, 0, -0, Number.MAX_SAFE_INTEGER, null, true, [], {}, ['2024-11-14'], {
    '@value': '2024-11-14',
  }),
);

const attr = (value: string): string => value.replace(/[&"<]/g, (c) => `&#${c.charCodeAt(0)};`);
const text = (value: string): string => value.replace(/[&<]/g, ' ');

/** A page stating absurd dates in its head and its article. */
const datedPage = fc
  .record({
    metas: fc.array(fc.tuple(fc.constantFrom(...ATTRIBUTES), fc.constantFrom(...META_NAMES), dateValue), {
      maxLength: 8,
    }),
    jsonLd: fc.array(
      fc.record({ datePublished: jsonValue, dateModified: jsonValue, dateCreated: jsonValue }, { requiredKeys: [] }),
      { maxLength: 3 },
    ),
    timeAttr: fc.option(dateValue),
    microdata: fc.option(dateValue),
    visible: fc.array(dateValue, { maxLength: 4 }),
    lang: fc.constantFrom('en-US', 'fr-CH', 'de', 'ja', ''),
  })
  .map(({ metas, jsonLd, timeAttr, microdata, visible, lang }) => {
    const head = metas.map(([a, name, value]) => `<meta ${a}="${attr(name)}" content="${attr(value)}">`).join('');
    const ld = jsonLd
      .map(
        (o) =>
          `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', ...o }).replace(/</g, '\\u003c')}</script>`,
      )
      .join('');
    return `<html lang="${lang}"><head><title>Le Conseil fédéral décide</title>${head}${ld}</head><body><article><header><h1>Le Conseil fédéral décide</h1>${
      timeAttr === null ? '' : `<time datetime="${attr(timeAttr)}">${text(timeAttr)}</time>`
    }${microdata === null ? '' : `<span itemprop="datePublished" content="${attr(microdata)}"></span>`}<p class="byline">Publié le ${text(visible[0] ?? '')}, mis à jour ${text(visible[1] ?? '')}</p></header><p>Le Conseil a siégé. ${visible.map(text).join(' Updated ')}</p></article></body></html>`;
  });

const at = (iso: string): number => {
  const d = parseMachineDate(iso);
  if (!d) throw new Error(`not a date: ${iso}`);
  return instantMs(d) ?? wallClockMs(d);
};

describe('fuzz: absurd dates on a page', () => {
  it('published and modified are real dates, not after the time of reading, the update after the publication', () => {
    fc.assert(
      fc.property(
        datedPage,
        fc.constantFrom(
          null,
          'https://example.ch/2024/13/45/x',
          'https://example.com/9999/12/31/y',
          'https://example.com/2024/11/14/z',
        ),
        (html, url) => {
          const report = withinMs(2000, () => analyzeHtml(html, url));
          expectValidReport(report);
          // The core allows a page 14 h ahead of UTC when it gives no offset (timestamps.ts isFuture).
          for (const t of [report.published, report.modified])
            if (t) expect(at(t.iso)).toBeLessThanOrEqual(NOW.getTime() + 14 * 3600_000);
          if (report.published && report.modified)
            expect(at(report.modified.iso)).toBeGreaterThan(at(report.published.iso));
        },
      ),
      { numRuns: 120 },
    );
  });

  it('each absurd date, in every meta tag at once, is refused', () => {
    const absurd = ['2024-13-45', '0000-00-00', '9999-12-31', '-0001-01-01', '2023-02-31', '31.02.2024', '1e20', 'NaN'];
    for (const value of absurd) {
      const metas = META_NAMES.map(
        (name, i) => `<meta ${ATTRIBUTES[i % ATTRIBUTES.length]}="${name}" content="${value}">`,
      );
      const report = analyzeHtml(`<html><head>${metas.join('')}</head><body><p>Text.</p></body></html>`);
      expect([value, report.published, report.modified]).toEqual([value, null, null]);
    }
  });

  it('JSON-LD with an epoch of 1e20, numbers, arrays and objects for dates gives no date and no error', () => {
    const report = analyzeHtml(
      `<script type="application/ld+json">{"@type":"NewsArticle","datePublished":1e20,"dateModified":-1e20,"dateCreated":{"@value":"2024-11-14"},"uploadDate":["2024-11-14"]}</script><p>Text.</p>`,
    );
    expectValidReport(report);
    expect(report.published).toBeNull();
    expect(report.modified).toBeNull();
  });

  it('a timezone of +99:99 keeps the time and gives it no such offset', () => {
    const report = analyzeHtml(
      `<meta property="article:published_time" content="2024-11-14T05:48:00+99:99"><p>Text.</p>`,
    );
    expectValidReport(report);
    expect(report.published?.iso).toBe('2024-11-14T05:48:00');
  });
});
