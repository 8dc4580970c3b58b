/**
 * Where the highlights find the report's quotes and figures in the live page (utils/page-highlights.ts,
 * findItems): in the article's region first, then anywhere in the page. Run on the seed page and
 * on AEB pages with their real reports; the painting itself (CSS Custom Highlight API) is covered
 * in the browsers (tests/e2e).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findItems, highlightItems, spacedPattern, type HighlightItem } from '@/utils/page-highlights';
import { articleRegion } from '@/core/page-dates';
import { analyze } from '@/core/report';
import { CORPORA, SEED_DIR, loadPage, parse, readGold } from '../support/pages';

const folded = (text: string): string => text.replace(/\s+/g, ' ').trim();

const PAGES = [
  path.join(SEED_DIR, 'watson-visible-times.html'),
  ...readGold('aeb')
    .filter((_, i) => i % 15 === 0)
    .map((line) => path.join(CORPORA, 'aeb', line.html)),
];

interface Sample {
  file: string;
  doc: Document;
  /** The items of the page's own report. */
  all: HighlightItem[];
  region: Element | null;
}

/** Each page, its report's items and its article's region: read once for the tests that share them (findItems only reads). */
let samples: Sample[] | undefined;
const pages = (): Sample[] =>
  (samples ??= PAGES.map((file) => {
    const doc = loadPage(file);
    return { file, doc, all: highlightItems(analyze(doc, { url: doc.URL })), region: articleRegion(doc) };
  }));

describe('findItems', () => {
  it('finds every item it found in the whole page when it looks in the article’s region first (seed and 13 AEB pages)', () => {
    let items = 0;
    let inRegion = 0;
    for (const { file, doc, all, region } of pages()) {
      const whole = findItems(doc, all, { shadows: false });
      const first = findItems(doc, all, { shadows: false, region });
      expect(first.map(Boolean), file).toEqual(whole.map(Boolean));
      first.forEach((range, i) => {
        if (!range) return;
        expect(folded(range.toString()), file).toBe(folded(all[i]?.text ?? ''));
        if (region?.contains(range.startContainer)) inRegion++;
      });
      items += whole.filter(Boolean).length;
    }
    // Not a vacuous comparison: the pages give items, and nearly all are found in their region (622 of 636 when written).
    expect(items).toBeGreaterThan(100);
    expect(inRegion / items).toBeGreaterThan(0.9);
  });

  it('finds the same places in the text as it stands as in the white-space-folded index (seed and 13 AEB pages)', () => {
    let exact = 0;
    let items = 0;
    for (const { file, doc, all, region } of pages()) {
      // In a page without shadow roots, `shadows: true` takes the folded index alone (it walks into them).
      const folded = findItems(doc, all, { shadows: true, region });
      const found = findItems(doc, all, { shadows: false, region });
      found.forEach((range, i) => {
        const other = folded[i];
        expect(Boolean(range), file).toBe(Boolean(other));
        if (!range || !other) return;
        items++;
        if (range.compareBoundaryPoints(0, other) === 0 && range.compareBoundaryPoints(2, other) === 0) exact++;
      });
    }
    // Not vacuous, and the same places (a repeated text may be taken at another of its places).
    expect(items).toBeGreaterThan(100);
    expect(exact / items).toBeGreaterThan(0.98);
  });

  it('does not take a text in a script or a form control, and finds one whose spaces are line breaks', () => {
    const doc = parse(`<!doctype html><html><body><article>
      <script>window.__DATA__ = {"lead": "sales rose 12% in May"};</script>
      <textarea>sales rose 12% in May</textarea>
      <p>The company said sales rose 12%
        in May, after a weak spring.</p></article></body></html>`);
    const article = doc.querySelector('article') as Element;
    const [sales, twelve] = findItems(
      doc,
      [
        { kind: 'quote', text: 'sales rose 12% in May' },
        { kind: 'figure', text: '12%' },
      ],
      {
        region: article,
        shadows: false,
      },
    );
    expect(sales?.startContainer.parentElement?.tagName).toBe('P');
    expect(folded(sales?.toString() ?? '')).toBe('sales rose 12% in May');
    expect(twelve?.startContainer.parentElement?.tagName).toBe('P');
  });

  it('takes a figure repeated in a teaser above the article from the article, and finds what only the teaser has', () => {
    const doc = parse(`<!doctype html><html><head><title>Rail traffic grows again</title></head><body>
      <nav><a href="/">Home</a></nav>
      <aside class="teaser">Also read: rail traffic up 12% in 2024, and 3 new lines</aside>
      <article><h1>Rail traffic grows again</h1>
        <p>Traffic on the network grew by 12% last year, the operator said on Monday.</p></article>
    </body></html>`);
    const article = doc.querySelector('article') as Element;
    const items: HighlightItem[] = [
      { kind: 'figure', text: '12%' },
      { kind: 'figure', text: '3 new lines' },
      { kind: 'figure', text: 'not on the page' },
    ];
    const [twelve, lines, missing] = findItems(doc, items, { region: article, shadows: false });
    expect(article.contains(twelve?.startContainer ?? null)).toBe(true);
    expect(twelve?.startContainer.parentElement?.tagName).toBe('P');
    expect(lines?.startContainer.parentElement?.tagName).toBe('ASIDE');
    expect(lines?.toString()).toBe('3 new lines');
    expect(missing).toBeNull();
    // Without the region, the page's first "12%" (the teaser's) is taken: the region is what
    // makes the difference.
    const [plain] = findItems(doc, items, { shadows: false });
    expect(plain?.startContainer.parentElement?.tagName).toBe('ASIDE');
  });
});

describe('spacedPattern', () => {
  const at = (text: string, needle: string): string | null => spacedPattern(needle).exec(text)?.[0] ?? null;

  it('finds a text whose spaces are line breaks, tabs or no-break spaces in the page', () => {
    expect(at('He said sales rose\n        12%\tin\u00a0May.', 'sales rose 12% in May')).toBe(
      'sales rose\n        12%\tin\u00a0May',
    );
  });

  it('takes the text’s other characters literally, and finds nothing where its words differ', () => {
    expect(at('a cost of $1.5 (est.) or [more]+', '$1.5 (est.) or [more]+')).toBe('$1.5 (est.) or [more]+');
    expect(at('a cost of $105 (estimated)', '$1.5 (est.)')).toBeNull();
    expect(at('sales rose 12% in June', 'sales rose 12% in May')).toBeNull();
    // A space in the text is needed where the needle has one.
    expect(at('salesrose', 'sales rose')).toBeNull();
  });
});
