/**
 * Fuzz (issue 10, item 2): the whole analysis (core/report.ts `analyze`) on broken and hostile
 * HTML, parsed by jsdom as the `analyze` command parses it. Every case must give a report the
 * popup accepts (tests/support/report-checks.ts), in bounded time.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CORPORA, loadHtml, SEED_DIR } from '../support/pages';
import { analyzeHtml, expectValidReport, withinMs } from '../support/report-checks';
import { hostileText } from '../support/hostile-text';

/** The seed pages and a few corpus pages of other shapes (paywall stub, German live page, old blog). */
const REAL_PAGES = [
  path.join(SEED_DIR, 'watson-visible-times.html'),
  path.join(SEED_DIR, 'watson-metadata.html'),
  path.join(CORPORA, 'aeb/html/042bb7b5fedab6eac7db576522b89b93904c237d344bcbe14a6a5ab7f7335856.html.gz'),
  path.join(CORPORA, 'readability-pages/html/mozilla-1.html.gz'),
  path.join(CORPORA, 'htmldate-a/html/befifty.montauk.html.gz'),
].map((file) => loadHtml(file));

describe('fuzz: malformed HTML through analyze()', () => {
  it('real pages cut at any offset give a valid report', () => {
    fc.assert(
      fc.property(fc.constantFrom(...REAL_PAGES.keys()), fc.double({ min: 0, max: 1, noNaN: true }), (page, at) => {
        const html = REAL_PAGES[page] ?? '';
        expectValidReport(withinMs(5000, () => analyzeHtml(html.slice(0, Math.floor(html.length * at)))));
      }),
      { numRuns: 25 },
    );
  });

  const tag = fc.constantFrom(
    'div',
    'p',
    'span',
    'a',
    'h1',
    'h2',
    'article',
    'main',
    'section',
    'blockquote',
    'q',
    'table',
    'tr',
    'td',
    'li',
    'ul',
    'time',
    'figure',
    'figcaption',
    'header',
    'footer',
    'aside',
    'nav',
    'br',
    'meta',
    'script',
    'style',
    'template',
    'svg',
    'math',
    'iframe',
    'noscript',
    'select',
    'textarea',
    'title',
    'html',
    'body',
    'head',
  );
  const attribute = fc.oneof(
    fc.constantFrom(
      'class=byline',
      'class=date published',
      'itemprop=datePublished content=2024-13-45',
      'datetime=0000-00-00',
      'datetime="9999-12-31T23:59:59+99:99"',
      "property='article:published_time' content=-0001-01-01",
      'hidden',
      'style=display:none',
      'lang=ar dir=rtl',
      'id=lede-root',
      'data-lede-kind=caption',
      'data-lede-live-entry-time',
      'title="unclosed',
      "alt='unclosed",
      'src=javascript:alert(1)',
      'onerror=alert(1)',
      '=== =',
    ),
    fc
      .tuple(fc.stringMatching(/^[a-z-]{1,8}$/), hostileText(3))
      .map(([name, value]) => `${name}=${value.replace(/[\s>]/g, '')}`),
  );
  /** A piece of broken HTML: tags left open, stray closers, attributes without quotes, broken comments. */
  const htmlPiece = fc.oneof(
    {
      weight: 4,
      arbitrary: fc.tuple(tag, fc.array(attribute, { maxLength: 3 })).map(([t, attrs]) => `<${t} ${attrs.join(' ')}>`),
    },
    { weight: 2, arbitrary: tag.map((t) => `</${t}>`) },
    { weight: 4, arbitrary: hostileText(12) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '</html>',
        '</body><p>after the body',
        '<html><body>',
        '<!--',
        '-->',
        '<!-- <p>in a comment</p>',
        '<![CDATA[ x ]]>',
        '<?xml version="1.0"?>',
        '<!DOCTYPE html>',
        '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":1e20,"dateModified":"2024-13-45"',
        '<script type="application/ld+json">{"@graph":[[[[[[[[[[{"@type":"Article","datePublished":"9999-12-31"}]]]]]]]]]]}</script>',
        '<script>document.write("<p>',
        '<table><tr><td>cell<td>cell<tr><td>',
        '<p><p><p><p>',
        '&#0;&#xD800;&#x110000;&#99999999999;&amp;&;&#;&#x;',
        '<a href="https://example.com/2024/13/45/story">',
        '<time datetime=2024-11-14T05:48:00+01:00>',
        '<meta name=date content="31.02.2024">',
        '<h1>«',
        '</q></q></q>',
        '<br><br><br>',
        '<plaintext>',
        '<xmp><p>',
        '<frameset><frame src=x>',
        '<math><mi><svg><foreignObject><p>',
      ),
    },
  );

  it('generated broken HTML gives a valid report', () => {
    fc.assert(
      fc.property(
        fc.array(htmlPiece, { maxLength: 60 }),
        fc.constantFrom(null, 'https://example.ch/2024/11/14/a', 'https://example.com/2024/13/45/x'),
        fc.boolean(),
        (pieces, url, whole) => {
          expectValidReport(withinMs(2000, () => analyzeHtml(pieces.join(''), url, whole)));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('empty and nearly empty documents give a valid, empty report', () => {
    const empties = [
      '',
      '<html></html>',
      '<html><head></head><body></body></html>',
      ' \n\t\u00a0\u3000 ',
      '<script>var x = 1;</script>',
      '<html><body><script>document.body.innerHTML = "<p>text"</script></body></html>',
      '<!-- nothing -->',
      '<!DOCTYPE html>',
      '<head><title></title></head>',
      '<body><p></p><div></div></body>',
      '\u0000\u0000\u0000',
      '\ufeff',
    ];
    for (const html of empties) {
      const report = analyzeHtml(html);
      expectValidReport(report);
      expect(report).toMatchObject({ text: '', wordCount: 0, quotes: [], figures: [], summary: [] });
    }
  });

  it('a text/plain page, as browsers build it (<pre> in the body) and as raw text, gives its text', () => {
    const text = 'Plain text. «A quote», he said. 3,5 % of 1 000 people. Updated 14.11.2024, 10:09.\n'.repeat(20);
    for (const html of [`<html><head></head><body><pre>${text}</pre></body></html>`, text]) {
      const report = analyzeHtml(html);
      expectValidReport(report);
      expect(report.text).toContain('Plain text.');
    }
  });
});
