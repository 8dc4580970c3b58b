/** The reader view's sanitizer on hostile markup: nothing that can run or restyle survives. */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { createArticleSanitizer } from '@/utils/sanitize';

const { window } = new JSDOM('<!doctype html><html><body></body></html>');
const sanitize = createArticleSanitizer(window as unknown as Window & typeof globalThis);

function clean(html: string): HTMLElement {
  const div = window.document.createElement('div');
  div.append(sanitize(html));
  return div;
}

const VECTORS = [
  '<script>window.x=1</script>',
  '<img src=x onerror="window.x=1">',
  '<a href="javascript:window.x=1">link</a>',
  '<a href="data:text/html,<script>window.x=1</script>">link</a>',
  '<svg onload="window.x=1"><script>window.x=1</script></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.x=1></style></mglyph></table></mtext></math>',
  '<iframe srcdoc="<script>window.x=1</script>"></iframe>',
  '<object data="javascript:window.x=1"></object><embed src="javascript:window.x=1">',
  '<form action="javascript:window.x=1"><button formaction="javascript:window.x=1">go</button></form>',
  '<style>body{background:url(javascript:window.x=1)}</style><p style="background:url(javascript:x)">styled</p>',
  '<base href="javascript:/"><meta http-equiv="refresh" content="0;url=javascript:x">',
  '<noscript><p title="</noscript><img src=x onerror=window.x=1>"></noscript>',
  '<template><img src=x onerror=window.x=1></template>',
  '<p onclick="window.x=1" onmouseover="window.x=1">text</p><input autofocus onfocus="window.x=1">',
];

describe('article sanitizer', () => {
  it.each(VECTORS)('neutralises %s', (vector) => {
    const out = clean(`<p>Before</p>${vector}<p>After</p>`);
    const html = out.innerHTML;
    expect(
      out.querySelector('script, iframe, object, embed, form, style, svg, math, base, meta, template, input, button'),
    ).toBeNull();
    for (const el of Array.from(out.querySelectorAll('*'))) {
      for (const attr of Array.from(el.attributes)) {
        expect(attr.name.startsWith('on'), `${attr.name} on <${el.tagName}>`).toBe(false);
        expect(attr.name).not.toBe('style');
      }
    }
    expect(html).not.toMatch(/javascript:|data:text\/html/i);
    // The article around a vector stays (DOMPurify may drop what follows a mutation-XSS string).
    expect(out.textContent).toContain('Before');
  });

  it('keeps article markup, links, images and captions', () => {
    const out = clean(
      '<h2>Sub</h2><p>Text with <a href="https://example.com/a">a link</a>.</p><figure><img src="https://example.com/i.jpg" alt="A"><figcaption>Cap</figcaption></figure><blockquote><p>Quote</p></blockquote><ul><li>One</li></ul>',
    );
    expect(out.querySelector('h2')?.textContent).toBe('Sub');
    const link = out.querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://example.com/a');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
    const img = out.querySelector('img');
    expect(img?.getAttribute('src')).toBe('https://example.com/i.jpg');
    expect(img?.getAttribute('referrerpolicy')).toBe('no-referrer');
    expect(out.querySelector('figcaption')?.textContent).toBe('Cap');
    expect(out.querySelector('blockquote p')?.textContent).toBe('Quote');
  });

  it('prefixes ids and names so the article cannot clobber the reader’s own', () => {
    const out = clean('<a id="reader-title">x</a><img name="app" src="https://e.com/x.png">');
    expect(out.querySelector('#reader-title')).toBeNull();
    expect(out.querySelector('[name="app"]')).toBeNull();
  });

  it('drops the page’s classes so its class names cannot pick up the reader’s styles', () => {
    expect(clean('<p class="toolbar byline">x</p>').querySelector('[class]')).toBeNull();
  });
});
