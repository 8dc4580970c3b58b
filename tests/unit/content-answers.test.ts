/** What the content script answers the popup, on real pages, and how the popup checks it. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContentSession, liveRegion } from '@/utils/content-answers';
import { readdirSync } from 'node:fs';
import { findItems, highlightItems, rangeAtPlace } from '@/utils/page-highlights';
import { analyzePage, parsePage, readInProcess } from '../support/off-page';
import { articleRegion } from '@/core/page-dates';
import { analyze } from '@/core/report';
import { isAnalyzeResponse, isArticleReport } from '@/utils/validate-report';
import { CORPORA, loadPage, ROOT, SEED_DIR } from '../support/pages';

const seed = (): Document =>
  loadPage(path.join(SEED_DIR, 'watson-visible-times.html'), 'http://127.0.0.1:8080/seed/watson-visible-times.html');
const notArticle = (): Document => loadPage(path.join(ROOT, 'tests/fixtures/pages/not-an-article.html'));

describe('content script answers', () => {
  it('answers an analyze request on the seed page with a report that passes the popup’s check', async () => {
    const answer = await createContentSession(seed(), () => 'http://127.0.0.1:8080/seed/', readInProcess).answer({
      type: 'popup→content:analyze',
      whole: false,
      sentences: 0,
    });
    expect(isAnalyzeResponse(answer)).toBe(true);
    expect(answer).toMatchObject({
      ok: true,
      report: { title: 'Poutine envoie des milliers de Nord-Coréens à Koursk en urgence' },
    });
  });

  it('reuses the last analysis while the page is unchanged, and reads the page again when its text changes', async () => {
    const doc = seed();
    const session = createContentSession(doc, () => 'http://127.0.0.1:8080/seed/', readInProcess);
    const request = { type: 'popup→content:analyze', whole: false, sentences: 0 };
    const first = await session.answer(request);
    // The same object: no second analysis.
    expect(await session.answer(request)).toBe(first);
    // Asked another way: analysed again.
    const shorter = await session.answer({ ...request, sentences: 1 });
    expect(shorter).not.toBe(first);
    expect(shorter).toMatchObject({ ok: true, report: { summary: [expect.any(String)] } });
    expect(await session.answer(request)).not.toBe(first);
    const again = await session.answer(request);
    expect(await session.answer(request)).toBe(again);
    // The site edits a figure: new text, a new analysis that sees it.
    const paragraph = [...doc.querySelectorAll('p')].find((p) => p.textContent?.includes('2 000 dollars'));
    if (!paragraph) throw new Error('the seed page has its 2 000 dollars');
    paragraph.textContent = (paragraph.textContent ?? '').replace('2 000 dollars', '2 500 dollars');
    const edited = await session.answer(request);
    expect(edited).not.toBe(again);
    expect(edited).toMatchObject({ ok: true, report: { text: expect.stringContaining('2 500 dollars') } });
  });

  it('gives the summary the length the reader chose', () => {
    const lengths = [0, 1, 5].map((sentences) => {
      const answer = analyzePage(seed(), 'http://127.0.0.1/', false, sentences);
      return answer.ok ? answer.report.summary.length : -1;
    });
    // 0: by the article's length, three sentences for this one (seed-golden checks which).
    expect(lengths).toEqual([3, 1, 5]);
  });

  it('says "not an article" without parsing, unless asked to try anyway', () => {
    expect(analyzePage(notArticle(), 'http://127.0.0.1/', false)).toEqual({ ok: false, reason: 'not-article' });
    const whole = analyzePage(notArticle(), 'http://127.0.0.1/', true);
    expect(whole.ok && whole.report.extraction).toBe('whole');
  });

  it('answers pings and leaves messages that are not ours to other listeners', async () => {
    const session = createContentSession(seed(), () => '', readInProcess);
    expect(await session.answer({ type: 'popup→content:ping' })).toEqual({ pong: true });
    expect(session.answer({ type: 'something-else' })).toBeUndefined();
    expect(session.answer({ type: 'popup→content:analyze', whole: 'yes' })).toBeUndefined();
    expect(session.answer({ type: 'popup→content:analyze' })).toBeUndefined();
    expect(session.answer({ type: 'popup→content:highlight', on: true })).toBeUndefined();
    expect(session.answer({ type: 'popup→content:highlight', on: true, figures: [1] })).toBeUndefined();
    // Colours go into a style sheet in the page: only #rrggbb.
    const colors = { quote: '#ffc400', figure: 'red;} body{display:none' };
    expect(session.answer({ type: 'popup→content:highlight', on: true, figures: [], colors })).toBeUndefined();
    expect(session.answer({ type: 'popup→content:analyze', whole: false, sentences: -1 })).toBeUndefined();
    expect(session.answer({ type: 'popup→content:reveal', index: -1 })).toBeUndefined();
    expect(session.answer(null)).toBeUndefined();
  });

  it('numbers quotes, then figures, for the popup and the highlights', () => {
    const answer = analyzePage(seed(), 'http://127.0.0.1/', false);
    if (!answer.ok) throw new Error('the seed page is an article');
    const { report } = answer;
    const items = highlightItems(report);
    expect(items.slice(0, 6).every((i) => i.kind === 'quote')).toBe(true);
    expect(items.slice(6, 17).every((i) => i.kind === 'figure')).toBe(true);
    expect(items.slice(17).map((i) => i.text)).toEqual(report.summary);
    expect(items.length).toBe(report.quotes.length + report.figures.length + report.summary.length);
    expect(report.figures).toHaveLength(11);
  });

  it('sends the popup the same report the CLI prints, though the page went through its HTML', () => {
    const answer = analyzePage(seed(), 'http://127.0.0.1/', false);
    if (!answer.ok) throw new Error('the seed page is an article');
    expect(isArticleReport(answer.report)).toBe(true);
    // Serialized by the content script and parsed again off-page: exactly what analyze() of the
    // CLI gives on the page itself.
    expect(answer.report).toEqual(analyze(seed(), { url: 'http://127.0.0.1/' }));
  });
});

describe('where the parser says the article is', () => {
  const AEB = path.join(CORPORA, 'aeb/html');
  const pages = [
    path.join(SEED_DIR, 'watson-visible-times.html'),
    ...readdirSync(AEB)
      .sort()
      .slice(0, 15)
      .map((file) => path.join(AEB, file)),
  ];

  const found: boolean[] = [];

  /**
   * The page as a browser running its scripts has it: a `<noscript>` holds its content as text
   * (jsdom, which runs none, parses it into elements, as the parser's DOMParser does).
   */
  const asRunning = (doc: Document): Document => {
    for (const noscript of Array.from(doc.querySelectorAll('noscript'))) noscript.textContent = noscript.innerHTML;
    return doc;
  };

  let itemsRegions = 0;

  it.each(pages)('%s: the hint names the element the live page’s own search finds, or is refused', (file) => {
    // Sent as the browser serializes it (a <noscript>'s text raw: the same text as jsdom's elements).
    const answer = parsePage(loadPage(file), 'http://localhost/', false);
    const doc = asRunning(loadPage(file));
    if (!answer.ok) return expect(answer.region).toBeUndefined();
    const live = articleRegion(doc);
    if (!answer.region) return expect(live).toBeNull();
    const hinted = liveRegion(doc, answer.region);
    if (!live) {
      // No headline to find the article by: the hint names where most of the items are.
      const items = findItems(doc, highlightItems(answer.report), { shadows: false }).filter((r) => r !== null);
      const held = items.filter((range) => hinted?.contains(range.startContainer)).length;
      expect(hinted).not.toBe(doc.body);
      expect(held).toBeGreaterThanOrEqual(items.length * 0.8);
      itemsRegions++;
      return;
    }
    // A copy that parsed otherwise (some misnested markup does) gives a hint the page refuses.
    expect(hinted === null || hinted === live).toBe(true);
    found.push(hinted === live);
  });

  let placed = 0;
  let searched = 0;

  it.each(pages)('%s: the items’ places hold their texts in the live page, where the search finds them', (file) => {
    const answer = parsePage(loadPage(file), 'http://localhost/', false);
    const doc = asRunning(loadPage(file));
    const region = answer.ok && answer.region ? liveRegion(doc, answer.region) : null;
    if (!answer.ok || !answer.region || !region) return;
    const items = highlightItems(answer.report);
    expect(answer.region.places).toHaveLength(items.length);
    const found = findItems(doc, items, { region, shadows: false });
    const elements = region.getElementsByTagName('*');
    answer.region.places.forEach((place, i) => {
      const text = (items[i]?.text ?? '').replace(/\s+/g, ' ').trim();
      if (!place) return;
      const range = rangeAtPlace(doc, region, elements, place, text);
      const other = found[i];
      expect(range, `${file}: ${text}`).not.toBeNull();
      if (!range || !other) return;
      // The search's place, or the same text elsewhere (a figure the report has twice).
      if (range.compareBoundaryPoints(0, other) === 0 && range.compareBoundaryPoints(2, other) === 0) placed++;
      else searched++;
    });
  });

  it('places nearly every item, at the place the search finds', () => {
    // 16 pages: 258 items placed where the search finds them, none elsewhere (when written).
    expect(placed).toBeGreaterThan(150);
    expect(searched).toBeLessThanOrEqual(placed * 0.05);
  });

  it('takes no place whose text the page has changed since, and finds that text elsewhere or not at all', () => {
    const answer = parsePage(seed(), 'http://localhost/', false);
    const doc = seed();
    const region = answer.ok && answer.region ? liveRegion(doc, answer.region) : null;
    if (!answer.ok || !answer.region || !region) throw new Error('the seed page has a region');
    const items = highlightItems(answer.report);
    const places = answer.region.places;
    const first = items.findIndex((item, i) => item.kind === 'quote' && places[i]);
    expect(first).toBeGreaterThanOrEqual(0);
    // A script rewrites the first placed quote's paragraph.
    const paragraph = findItems(doc, [items[first] as (typeof items)[number]], { region, shadows: false })[0]
      ?.startContainer.parentElement as Element;
    paragraph.textContent = 'The agency later withdrew this paragraph.';
    const ranges = findItems(doc, items, { region, shadows: false, places });
    expect(ranges[first]).toBeNull();
    ranges.forEach((range, i) => {
      if (range) expect(range.toString().replace(/\s+/g, ' ').trim()).toBe(items[i]?.text.replace(/\s+/g, ' ').trim());
    });
    expect(ranges.filter(Boolean).length).toBeGreaterThan(items.length / 2);
  });

  it('is taken on most pages (the content script then does not read the whole page)', () => {
    expect(found.length + itemsRegions).toBeGreaterThanOrEqual(10);
    expect(found.filter(Boolean).length).toBeGreaterThanOrEqual(found.length - 2);
  });

  it('finds the article a few elements away when the page has elements the copy lacks, and refuses another', () => {
    const answer = parsePage(seed(), 'http://localhost/', false);
    const region = answer.ok ? answer.region : null;
    expect(region).toBeTruthy();
    if (!region) return;
    const doc = seed();
    const article = liveRegion(doc, region);
    expect(article).toBe(articleRegion(doc));
    // Three elements a script put at the top of the body, which a second parse would not keep there.
    for (let i = 0; i < 3; i++) doc.body.prepend(doc.createElement('ins'));
    expect(doc.body.getElementsByTagName('*')[region.index]).not.toBe(article);
    expect(liveRegion(doc, region)).toBe(article);
    // Not an element of another size, however close.
    expect(liveRegion(doc, { ...region, size: region.size + 1 })).toBeNull();
  });
});

describe('the popup’s check of what a page sends', () => {
  const answer = analyzePage(seed(), 'http://127.0.0.1/', false);
  const report = answer.ok ? answer.report : null;

  it('accepts a real report', () => {
    expect(isArticleReport(report)).toBe(true);
  });

  it.each([
    ['a missing field', { ...report, title: undefined }],
    ['a wrong type', { ...report, summary: 'one sentence' }],
    ['an object instead of text', { ...report, byline: { toString: 'x' } }],
    ['a bad timestamp', { ...report, published: { iso: 1 } }],
    ['an unknown extraction mode', { ...report, extraction: 'magic' }],
    ['a non-finite number', { ...report, wordCount: Number.NaN }],
    ['a paywall without its flag', { ...report, paywall: { source: 'x' } }],
  ])('rejects %s', (_name, bad) => {
    expect(isArticleReport(bad)).toBe(false);
    expect(isAnalyzeResponse({ ok: true, report: bad })).toBe(false);
  });

  it('checks the figures and refuses what the answer should not carry', () => {
    expect(isAnalyzeResponse({ ok: true, report })).toBe(true);
    const figure = report?.figures[0];
    expect(isAnalyzeResponse({ ok: true, report: { ...report, figures: [{ ...figure, value: 'many' }] } })).toBe(false);
    expect(isAnalyzeResponse({ ok: true, report: { ...report, figures: undefined } })).toBe(false);
    expect(isAnalyzeResponse({ ok: true, report, blocks: [] })).toBe(false);
  });
});
