/**
 * A page's code (core/page-code.ts): what the analysis reads of scripts and style sheets, so the
 * content script sends that alone; and the page's text measured without its code.
 */
import { describe, expect, it } from 'vitest';
import { codeKeeper, shownLength, shownText } from '@/core/page-code';
import { findHeaderRegion } from '@/core/page-regions';
import { extractTimestamps } from '@/core/timestamps';
import { serializePage } from '@/utils/serialize-page';
import { parse } from '../support/pages';

const NOW = new Date('2025-06-01T12:00:00Z');
const APP_STATE = `window.__STATE__ = {"user":null,"story":{"id":7,"publicationDate":"2024-03-02T08:00:00-05:00","tags":["a"]}};`;

const page = (head: string, body = ''): Document =>
  parse(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`);

describe('what is kept of a page’s code', () => {
  const doc = page(
    `<script>${APP_STATE}</script>
     <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-01-01"}</script>
     <script src="/app.js"></script>
     <style>body { color: red }</style>`,
    `<div><script>var big = "${'x'.repeat(100)}";</script></div>
     <p>Text <script>document.write("ad")</script> more.</p>
     <div>line<br>line<section><script>track("br")</script></section></div>
     <svg><style>.a { fill: red }</style></svg>`,
  );
  const kept = (selector: string, at = 0): string | null => {
    const el = doc.querySelectorAll(selector)[at];
    return el ? codeKeeper(doc)(el) : 'missing';
  };

  it('keeps JSON-LD whole, a script’s date field alone, and no style sheet', () => {
    expect(kept('head script')).toBe('"publicationDate":"2024-03-02T08:00:00-05:00"');
    expect(kept('head script', 1)).toBe('{"@type":"NewsArticle","datePublished":"2024-01-01"}');
    expect(kept('head script', 2)).toBe('');
    expect(kept('head style')).toBe('');
    expect(kept('body > div > script')).toBe('');
    expect(kept('svg style')).toBe('');
  });

  it('keeps code whole where Readability’s readerable check counts it: a paragraph, a div with a <br>', () => {
    expect(kept('p script')).toBe('document.write("ad")');
    expect(kept('section script')).toBe('track("br")');
  });

  it('answers null for anything that is not code', () => {
    expect(codeKeeper(doc)(doc.body)).toBeNull();
    expect(codeKeeper(doc)(doc.querySelector('p') as Element)).toBeNull();
  });

  it('leaves out a date field that would close its script early', () => {
    const script = doc.createElement('script');
    script.textContent = '{"publishedAt":"2024-05-06</script><b>x"}';
    expect(codeKeeper(doc)(script)).toBe('');
  });

  it('reads the same date off the page sent to the parser as off the page itself', () => {
    const sent = parse(serializePage(doc));
    expect(sent.head.innerHTML).not.toContain('__STATE__');
    expect(extractTimestamps(sent, null, NOW)).toEqual(extractTimestamps(doc, null, NOW));
    expect(extractTimestamps(doc, null, NOW).published?.source).toBe('json-ld:datePublished');
    // Without JSON-LD, the script's own field is the date, on both.
    doc.querySelector('script[type="application/ld+json"]')?.remove();
    expect(extractTimestamps(parse(serializePage(doc)), null, NOW).published).toEqual({
      iso: '2024-03-02T08:00:00-05:00',
      source: 'script:publicationDate',
    });
  });
});

describe('a page’s text without its code', () => {
  it('drops the text of scripts and style sheets, at any depth, and keeps the rest in order', () => {
    const doc = page('', '<div id="x">One <b>two<script>var x = 1;</script></b><style>p{}</style> three</div>');
    const div = doc.getElementById('x') as Element;
    expect(shownText(div)).toBe('One two three');
    expect(shownLength(div)).toBe('One two three'.length);
    expect(shownText(doc.querySelector('script') as Element)).toBe('');
    expect(shownLength(doc.querySelector('style') as Element)).toBe(0);
  });

  it('takes a header that a long inline script made look long for the article’s header', () => {
    const doc = page(
      '',
      `<article><header><h1>Council votes to close the bridge</h1>
        <script>${'window.ads.push({slot: 1});'.repeat(100)}</script>
        <p class="byline">By Ana Ruiz</p><time datetime="2024-06-03T09:00:00Z">3 June 2024</time></header>
        <p>The council voted on Monday to close the old bridge.</p></article>`,
    );
    // 2,700 characters of script: measured with it, the header would be the headline alone.
    expect(doc.querySelector('header')?.textContent?.length).toBeGreaterThan(2_000);
    expect(findHeaderRegion(doc)).toBe(doc.querySelector('header'));
  });
});
