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
      `<meta property="article:published_time" content="2024-11-14"><link rel="canonical" href="https://www.example.de/a">`,
      `<article><header><h1>Titel</h1><p>Veröffentlicht am 14.11.2024, 05:48 Uhr</p></header><p>Text</p></article>`,
    );
    expect(extractTimestamps(doc, null, NOW).published).toEqual({
      iso: '2024-11-14T05:48:00+01:00',
      source: 'meta:article:published_time + text:header, zone Europe/Berlin from .de',
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

  it('finds the headline by the page title, not the site name in the first <h1>', () => {
    const doc = page(
      '<title>Storm hits the coast | Daily News</title>',
      `<header><h1>Daily News</h1><span class="date">Tue, 14 Jan 2020</span></header>
       <main><h2>Storm hits the coast</h2><p class="byline">By A. Writer · 13 Jan 2020, 22:11 GMT+10</p>
       <p>Text of the story.</p></main>`,
    );
    expect(extractTimestamps(doc, null, NOW).published).toEqual({
      iso: '2020-01-13T22:11:00+10:00',
      // The byline right under the headline is the article's header.
      source: 'text:header',
    });
  });

  it("leaves out the site masthead's date and 'today' boxes", () => {
    const doc = page(
      '<title>Storm hits the coast</title>',
      `<header class="site"><div class="today">Wednesday, 15 January 2020</div></header>
       <div class="wrap"><div class="today-date">15.01.2020</div>
       <article><h1>Storm hits the coast</h1><p>Posted on 12 January 2020</p><p>Text.</p></article></div>`,
    );
    expect(extractTimestamps(doc, null, NOW).published?.iso).toBe('2020-01-12');
  });

  it("keeps the article's own meta line even when its class says teaser", () => {
    const doc = page(
      '<title>Nach dem Abend im Kanzleramt</title>',
      `<div class="teaser_text_meta">Peter Grimm / 07.11.2023 / 09:30</div>
       <div class="teaser_blog_text"><h2>Nach dem Abend im Kanzleramt</h2><p>${'Text. '.repeat(300)}</p></div>
       <div class="teaser-list"><span class="date">05.11.2023</span></div>`,
    );
    expect(extractTimestamps(doc, 'https://www.example.de/artikel', NOW).published).toEqual({
      iso: '2023-11-07T09:30:00+01:00',
      source: 'text:near headline, zone Europe/Berlin from .de',
    });
  });

  it('takes a labelled update by the headline over the metadata, unless both are one moment', () => {
    const head = `<meta property="article:published_time" content="2023-11-08T20:26:28Z">
      <meta property="article:modified_time" content="2023-11-08T21:54:42Z"><title>Sentenced</title>`;
    const told = page(head, '<h1>Sentenced</h1><p>08/11/2023 | 20:26 Updated: 9.45pm</p><p>Text.</p>');
    expect(extractTimestamps(told, 'https://www.example.ie/a', NOW).modified?.iso).toBe('2023-11-08T21:45:00+00:00');
    // "4:17 pm EST" in August is one hour off: the metadata's 20:17:38Z is the same moment.
    const mislabelled = page(
      `<meta property="article:published_time" content="2020-06-12T13:49:32Z">
       <meta property="article:modified_time" content="2020-08-18T20:17:38Z"><title>Vitamins</title>`,
      '<h1>Vitamins</h1><p>June 12, 2020 9:49 am EST / Updated: Aug. 18, 2020 4:17 pm EST</p>',
    );
    expect(extractTimestamps(mislabelled, null, NOW).modified?.source).toBe('meta:article:modified_time');
  });

  it('places "mis à jour à 10h09" on the day of the publication', () => {
    const doc = page(
      `<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-11-14T05:48:00+01:00"}</script><title>Titre</title>`,
      '<h1>Titre</h1><p>Mis à jour à 10h09</p><p>Texte.</p>',
    );
    expect(extractTimestamps(doc, null, NOW).modified).toEqual({
      iso: '2024-11-14T10:09:00+01:00',
      source: 'text:near headline, update time on the publication day',
    });
  });

  it("shows a UTC time in the page's own offset when the page shows it locally, and says so", () => {
    const doc = page(
      `<meta property="article:published_time" content="2019-11-20T02:59:46Z"><title>Wild beat Sabres</title>`,
      '<h1>Wild beat Sabres</h1><p>PUBLISHED: November 19, 2019 at 8:59 pm</p>',
    );
    expect(extractTimestamps(doc, null, NOW).published).toEqual({
      iso: '2019-11-19T20:59:46-06:00',
      source:
        "meta:article:published_time, in the page's offset (text:near headline beside meta:article:published_time)",
    });
  });

  it('sees no update within a minute of the publication', () => {
    const doc = page(`<meta property="article:published_time" content="2020-03-08T18:30:29Z">
      <meta property="article:modified_time" content="2020-03-08T18:30:30Z">`);
    expect(extractTimestamps(doc, null, NOW).modified).toBeNull();
  });

  it('counts a relative time back from the time of reading, and says so', () => {
    const doc = page('<title>Breaking</title>', '<h1>Breaking</h1><p class="meta">vor 3 Stunden</p><p>Text.</p>');
    expect(extractTimestamps(doc, null, NOW).published).toEqual({
      iso: '2025-06-01T09:00:00+00:00',
      source: 'text:near headline, relative to the time of reading',
    });
  });

  it('reads broken JSON-LD by its date fields, and any dated object the page describes', () => {
    const broken =
      page(`<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-10-26T18:10:00+01:00"}
      {"@type":"WebPage"}</script>`);
    expect(extractTimestamps(broken, null, NOW).published?.iso).toBe('2020-10-26T18:10:00+01:00');
    const howTo = page(
      `<script type="application/ld+json">{"@type":"HowTo","datePublished":"2022-01-10T22:06:08:684Z"}</script>`,
    );
    expect(extractTimestamps(howTo, null, NOW).published?.iso).toBe('2022-01-10T22:06:08+00:00');
  });

  it('lets a generic meta date yield to the date the header shows', () => {
    const doc = page(
      '<meta name="date" content="2020-02-12"><title>Faire Lieferketten</title>',
      '<div class="news-single-timedata">05.02.2020</div><h1>Faire Lieferketten</h1><p>Text.</p>',
    );
    expect(extractTimestamps(doc, null, NOW).published?.iso).toBe('2020-02-05');
  });

  it('drops a microdata publication on the update day when the metadata gives an earlier one', () => {
    const doc = page(
      `<meta property="article:published_time" content="2017-04-12T18:33:59+02:00">
       <meta property="article:modified_time" content="2020-02-19T15:24:33+01:00">`,
      '<article><meta itemprop="datePublished" content="2020-02-19"><h1>Intestin</h1></article>',
    );
    expect(extractTimestamps(doc, null, NOW).published?.iso).toBe('2017-04-12T18:33:59+02:00');
  });

  it('reads the trackback RDF old blogs put in a comment', () => {
    const doc = page(
      '',
      `<!-- <rdf:RDF><rdf:Description rdf:about="https://blog.example.jp/e/1" dc:date="2020-07-03T17:16:22+09:00"/></rdf:RDF> -->
       <h1>Post</h1>`,
    );
    expect(extractTimestamps(doc, 'https://blog.example.jp/e/1', NOW).published).toEqual({
      iso: '2020-07-03T17:16:22+09:00',
      source: 'rdf:dc:date',
    });
  });

  it('never takes a cookie banner or a footer copyright', () => {
    const doc = page(
      '<title>Headline</title>',
      `<div id="cookie-consent">Updated our policy on 01.05.2025</div><main><h1>Headline</h1><p>No date.</p></main>
       <footer><p>© 2024 Example · Stand 02.01.2024</p></footer>`,
    );
    expect(extractTimestamps(doc, null, NOW)).toEqual({ published: null, modified: null });
  });
});
