import { describe, expect, it } from 'vitest';
import { extractTimestamps } from '@/core/timestamps';
import { parse } from '../support/pages';

const NOW = new Date('2025-06-01T12:00:00Z');

const page = (head: string, body = ''): Document =>
  parse(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`);

describe('published and modified times', () => {
  it('reads JSON-LD inside @graph and arrays', () => {
    const doc = page(`<script type="application/ld+json">[{"@context":"https://schema.org","@graph":[
      {"@type":"WebPage","datePublished":"2020-01-01T00:00:00Z"},
      {"@type":["NewsArticle"],"datePublished":"2024-11-14T05:48:00+01:00","dateModified":"2024-11-14T10:09:00+01:00"}]}]</script>`);
    expect(extractTimestamps(doc, null, NOW)).toEqual({
      published: { iso: '2024-11-14T05:48:00+01:00', source: 'json-ld:datePublished' },
      modified: { iso: '2024-11-14T10:09:00+01:00', source: 'json-ld:dateModified' },
    });
  });

  it('survives broken JSON-LD and falls back to meta tags', () => {
    const doc = page(`<script type="application/ld+json">{"@type":"NewsArticle",}</script>
      <meta property="article:published_time" content="2024-03-02T08:00:00-05:00">
      <meta property="og:updated_time" content="2024-03-02T09:30:00-05:00">`);
    const { published, modified } = extractTimestamps(doc, null, NOW);
    expect(published).toEqual({ iso: '2024-03-02T08:00:00-05:00', source: 'meta:article:published_time' });
    expect(modified).toEqual({ iso: '2024-03-02T09:30:00-05:00', source: 'meta:og:updated_time' });
  });

  it('rejects dates in the future and updates before publication', () => {
    const doc = page(`<meta property="article:published_time" content="2025-03-02T08:00:00Z">
      <meta property="article:modified_time" content="2025-03-01T08:00:00Z">
      <meta name="pubdate" content="2030-01-01">`);
    const { published, modified } = extractTimestamps(doc, null, NOW);
    expect(published?.iso).toBe('2025-03-02T08:00:00+00:00');
    expect(modified).toBeNull();
  });

  it('completes a bare day with the time the header shows that day', () => {
    const doc = page(
      `<meta name="date" content="2024-11-14"><link rel="canonical" href="https://www.example.de/a">`,
      `<article><header><h1>Titel</h1><p>Veröffentlicht am 14.11.2024, 05:48 Uhr</p></header><p>Text</p></article>`,
    );
    expect(extractTimestamps(doc, null, NOW).published).toEqual({
      iso: '2024-11-14T05:48:00+01:00',
      source: 'meta:date + text:header, zone Europe/Berlin from .de',
    });
  });

  it('ignores dates in comments, teasers and footers', () => {
    const doc = page(
      '',
      `<main><h1>Headline</h1><p>No date here.</p></main>
      <section class="comments"><p>12.11.2024, 08:00</p></section>
      <footer>© 2024 · 01.01.2024</footer>`,
    );
    expect(extractTimestamps(doc, null, NOW)).toEqual({ published: null, modified: null });
  });

  it('keeps a wall-clock time without a zone when the page gives none, and says so', () => {
    const doc = page(
      '',
      `<article><header><h1>Headline</h1><span>Updated Nov. 14, 2024 10:09</span><span>Nov. 14, 2024 5:48</span></header></article>`,
    );
    const { published, modified } = extractTimestamps(doc, 'https://news.example.com/story', NOW);
    expect(modified).toEqual({ iso: '2024-11-14T10:09:00', source: 'text:header, no time zone on the page' });
    expect(published).toEqual({ iso: '2024-11-14T05:48:00', source: 'text:header, no time zone on the page' });
  });

  it('takes a bare day from the URL as the last resort', () => {
    expect(extractTimestamps(page(''), 'https://example.com/2024/11/14/story.html', NOW).published).toEqual({
      iso: '2024-11-14',
      source: 'url',
    });
  });
});
