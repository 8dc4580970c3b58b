/**
 * Hard pages (issue 3, item 4), on real pages: lazy-loaded images (shared corpora; the expected
 * addresses were read by hand in each page's HTML), and the seed page rearranged the way real
 * sites arrange theirs: split over several `<article>`s, followed or preceded by the next story of
 * an infinite scroll (a real AEB article); live blogs; paywall stubs beside pages that are marked
 * for subscribers yet carry the whole text.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '@/core/article';
import { articleText } from '@/core/blocks';
import { restoreLazyImages } from '@/core/lazy-images';
import { normalizeSpace } from '@/core/text';
import { analyze } from '@/core/report';
import { CORPORA, loadHtml, loadPage, parse, readGold, SEED_DIR } from '../support/pages';

const NOW = new Date('2026-11-25T00:00:00Z');

const page = (set: string, file: string): Document =>
  loadPage(path.join(CORPORA, set, 'html', file), 'https://example.com/news/story.html');

function images(doc: Document): { src: string | null; srcset: string | null }[] {
  const content = extractArticle(doc).content;
  return [...(content?.querySelectorAll('img') ?? [])].map((img) => ({
    src: img.getAttribute('src'),
    srcset: img.getAttribute('srcset'),
  }));
}

/** What a browser can show: an http(s) src, or a srcset of http(s) addresses. */
const shown = (img: { src: string | null; srcset: string | null }): boolean =>
  /^https?:\/\//.test(img.src ?? '') || /^https?:\/\//.test(img.srcset ?? '');

describe('lazy-loaded images', () => {
  it.each(['lazy-image-1.html.gz', 'lazy-image-2.html.gz', 'lazy-image-3.html.gz'])(
    "Readability's own lazy-image page %s: every image can be shown",
    (file) => {
      const found = images(page('readability-pages', file));
      expect(found.length).toBeGreaterThan(0);
      expect(found.filter((img) => !shown(img))).toEqual([]);
    },
  );

  it('a data-src without a file extension (Squarespace) becomes the src', () => {
    const found = images(page('htmldate-a', 'befifty.montauk.html.gz'));
    expect(found).toHaveLength(30);
    expect(found.filter((img) => !shown(img))).toEqual([]);
    expect(found.map((img) => img.src)).toContain(
      'https://static1.squarespace.com/static/576a60ce2e69cf8e27a0eebf/t/596bb1921e5b6c3094cb7377/1560816768294/Montauk+Long+Island+USA',
    );
  });

  it("WordPress's data-lazy-src replaces the blank inline SVG", () => {
    const found = images(page('htmldate-a', 'Coincierge.de-Bitcoin-Blog.html.gz'));
    expect(found.map((img) => img.src)).toContain(
      'https://coincierge.de/wp-content/uploads/2023/10/BTC_1M_graph_coinmarketcap20.jpg',
    );
    expect(found.some((img) => img.src?.startsWith('data:'))).toBe(false);
  });

  it("Foundation's data-interchange gives its largest image", () => {
    const found = images(page('htmldate-a', 'Ostbelgiendirekt.be-ARD-Doku.html.gz'));
    expect(found[0]?.src).toBe(
      'https://ostbelgiendirekt.be/wp-content/uploads/2023/11/Das_Erste_Doku_Lorio_79903416-1300x858.jpg',
    );
  });

  it('a placeholder data-src beside the real data-srcset (NZZ) gives the srcset', () => {
    const found = images(page('htmldate-a', '1635095370.html.gz'));
    expect(found).toHaveLength(3);
    for (const img of found) expect(img.srcset).toMatch(/^https:\/\/img\.nzz\.ch\/2020\/6\/1[15]\//);
  });

  it("placeholders, a page's blob: addresses and counting pixels are removed", () => {
    const scotsman = images(page('htmldate-a', 'scotsman.com-Humza.html.gz'));
    expect(scotsman.map((img) => img.src)).toEqual([expect.stringMatching(/^https:\/\/www\.scotsman\.com\/webimg\//)]);
    const corkbeo = images(page('htmldate-a', 'corkbeo.ie.level.html.gz'));
    expect(corkbeo.some((img) => img.src?.startsWith('blob:'))).toBe(false);
    const akKurier = images(page('htmldate-a', 'ak-kurier.de-Betzdorf.html.gz'));
    expect(akKurier.map((img) => img.src)).toContain(
      'https://www.ak-kurier.de/akkurier/www/thumb/thumb_359/deutschebankbtz051123.JPG',
    );
    expect(akKurier.some((img) => img.src?.includes('vgwort'))).toBe(false);
  });

  it('keeps real images, long inline drawings and sources of a <picture> as they are', () => {
    const svg = `data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg">${'<path d="M0 0L9 9"/>'.repeat(60)}</svg>`)}`;
    const doc = parse(
      `<div id="c"><img src="/photo.jpg" data-src="/other.jpg"><img src="${svg}">
       <picture><source data-srcset="/big.webp 2x"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></picture></div>`,
      'https://example.com/news/story.html',
    );
    const root = doc.getElementById('c') as Element;
    restoreLazyImages(root);
    const imgs = [...root.querySelectorAll('img')];
    expect(imgs.map((img) => img.getAttribute('src'))).toEqual(['/photo.jpg', svg, null]);
    expect(root.querySelector('source')?.getAttribute('srcset')).toBe('https://example.com/big.webp 2x');
  });
});

const seedParagraphs = (
  JSON.parse(readFileSync(path.join(SEED_DIR, 'expected.json'), 'utf8')) as { articleText: string[] }
).articleText;

function seedPage(): Document {
  return parse(loadHtml(path.join(SEED_DIR, 'watson-visible-times.html')), 'https://www.watson.ch/fr/international/x');
}

const paragraphsOf = (doc: Document): string[] => articleText(extractArticle(doc).blocks).split('\n\n');

/** A real AEB article (the first with 3,000 to 8,000 characters), as the next story of a scroll. */
function nextStory(doc: Document): { element: Element; paragraphs: string[] } {
  const gold = readGold('aeb').find((g) => {
    const body = String(g.body ?? '');
    return body.length > 3000 && body.length < 8000;
  });
  const paragraphs = String(gold?.body ?? '')
    .split(/\n+/)
    .map((p) => p.trim())
    .filter((p) => p.length > 80);
  const element = doc.createElement('article');
  element.className = 'story';
  element.innerHTML = '<header><h1></h1><time datetime="2024-11-14T09:00:00+01:00">14.11.2024, 09:00</time></header>';
  (element.querySelector('h1') as Element).textContent = String(gold?.title ?? 'The next story');
  for (const text of paragraphs) element.appendChild(doc.createElement('p')).textContent = text;
  return { element, paragraphs };
}

describe('several <article>s', () => {
  it('a story split over three <article>s with advertising between them keeps every paragraph, in order', () => {
    const doc = seedPage();
    const body = doc.querySelector('.story__body') as Element;
    const parts: Element[][] = [[]];
    for (const el of Array.from(body.children)) {
      if (el.tagName === 'H2') parts.push([]);
      parts[parts.length - 1]?.push(el);
    }
    expect(parts).toHaveLength(3);
    let previous = doc.querySelector('article.story') as Element;
    for (const part of parts.slice(1)) {
      const ad = doc.createElement('div');
      ad.className = 'ad-slot';
      ad.textContent = 'Publicité';
      const article = doc.createElement('article');
      article.className = 'story story--continued';
      article.append(...part);
      previous.after(ad);
      ad.after(article);
      previous = article;
    }
    const found = paragraphsOf(doc);
    const positions = seedParagraphs.map((p) => found.indexOf(p));
    expect(positions.every((at) => at >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it.each(['after', 'before'] as const)(
    'the next story of an infinite scroll, loaded %s the article, is left out',
    (where) => {
      const doc = seedPage();
      const next = nextStory(doc);
      expect(next.paragraphs.length).toBeGreaterThan(5);
      doc.querySelector('article.story')?.[where](next.element);
      const found = paragraphsOf(doc);
      for (const p of seedParagraphs) expect(found).toContain(p);
      expect(next.paragraphs.filter((p) => found.includes(p))).toEqual([]);
    },
  );
});

describe('live blogs', () => {
  it("Repubblica's live page: all 79 entries, each with its title in the text and its time kept for the reader", () => {
    const doc = page('htmldate-a', 'Repubblica.it-Israele-Hamas.html.gz');
    const entries = Array.from(doc.querySelectorAll('.liveblog__post'));
    expect(entries).toHaveLength(79);
    const titles = entries.map((e) => normalizeSpace(e.querySelector('.liveblog__post__title')?.textContent ?? ''));
    const times = entries.map((e) => normalizeSpace(e.querySelector('time')?.textContent ?? ''));
    const article = extractArticle(doc);
    const text = articleText(article.blocks);
    expect(titles.filter((title) => !text.includes(title))).toEqual([]);
    const kept = Array.from(article.content?.querySelectorAll('time[data-lede-kind="caption"]') ?? []);
    expect(kept.map((t) => normalizeSpace(t.textContent ?? ''))).toEqual(times);
    expect(times.slice(0, 3)).toEqual(['16:56', '16:48', '16:41']);
    // Out of the text, as the benchmarks' article bodies have them.
    expect(text).not.toContain('16:56');
  });

  it("the Mirror's live page keeps its 30 entry times, newest first", () => {
    const doc = page('fundus-a', 'uk_TheMirror_2024_08_05.html.gz');
    const article = extractArticle(doc);
    const kept = Array.from(article.content?.querySelectorAll('time[data-lede-kind="caption"]') ?? []);
    expect(kept).toHaveLength(30);
    expect(normalizeSpace(kept[0]?.textContent ?? '')).toBe('21:00');
  });
});

describe('paywall stubs', () => {
  it('Les Echos sends only the beginning, with "Ce contenu est réservé aux inscrits": partial, what is there kept', () => {
    const report = analyze(page('htmldate-a', 'lesechos.fr-Macron.html.gz'), { url: null, now: NOW });
    expect(report.paywall).toEqual({
      partial: true,
      source: 'isAccessibleForFree: false; a subscription prompt on the page',
    });
    expect(report.text).toContain('Emmanuel Macron ne profite pas de son intense activité diplomatique');
    expect(report.text).not.toContain('réservé aux inscrits');
  });

  it.each([
    ['fundus-a', 'us_WashingtonPost_2024_04_26.html.gz'],
    ['fundus-a', 'lu_Tageblatt_2026_01_13.html.gz'],
    ['htmldate-a', 'wired.com.burn.html.gz'],
  ])('%s %s is marked for subscribers but carries the whole text: not partial', (set, file) => {
    const report = analyze(page(set, file), { url: null, now: NOW });
    expect(report.paywall).toEqual({ partial: false, source: 'isAccessibleForFree: false' });
    expect(report.wordCount).toBeGreaterThan(600);
  });

  it('the seed page says nothing of subscribers', () => {
    expect(analyze(seedPage(), { url: null, now: NOW }).paywall).toBeNull();
  });
});
