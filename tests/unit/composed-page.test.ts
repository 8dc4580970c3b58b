/** An article inside a web component's shadow root is read as the reader sees it. */
import path from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { composedDocument, composedDocumentSteps, hasShadowRootsSteps } from '@/utils/composed-page';
import { analyzePage } from '../support/off-page';
import { loadHtml, ROOT } from '../support/pages';

const SHADOW_PAGE = path.join(ROOT, 'tests/fixtures/pages/integrity-shadow.html');
const TITLE = 'Valley rail line to reopen after a 14-month rebuild of the Brenner viaduct';

/** The fixture with its component attached, as its own script does in a browser. */
function shadowPage(): Document {
  const dom = new JSDOM(loadHtml(SHADOW_PAGE), {
    url: 'http://127.0.0.1/pages/integrity-shadow.html',
    virtualConsole: new VirtualConsole(),
  });
  const doc = dom.window.document;
  const template = doc.getElementById('news-story') as HTMLTemplateElement;
  doc.querySelector('news-story')?.attachShadow({ mode: 'open' }).append(template.content.cloneNode(true));
  return doc;
}

describe('composedDocument', () => {
  it('is the document itself when it has no shadow root', () => {
    const doc = new JSDOM('<p>plain</p>').window.document;
    expect(composedDocument(doc)).toBe(doc);
  });

  it('puts a shadow root’s content under its host and fills its slots, leaving the page as it was', () => {
    const doc = shadowPage();
    const before = doc.documentElement.outerHTML;
    const composed = composedDocument(doc);
    expect(composed).not.toBe(doc);
    expect(doc.documentElement.outerHTML).toBe(before);
    const host = composed.querySelector('news-story');
    expect(host?.querySelector('h1')?.textContent).toBe(TITLE);
    // The slot shows the light DOM's byline, not its fallback text.
    expect(host?.querySelector('.byline')?.textContent).toBe('By Marta Keller, transport correspondent');
    expect(host?.querySelector('slot')).toBeNull();
  });

  it('fills nested components, and keeps a slot’s fallback when nothing is assigned to it', () => {
    const doc = new JSDOM('<div id="outer"><b>light</b></div>').window.document;
    const outer = doc.getElementById('outer') as HTMLElement;
    const shadow = outer.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<section><slot></slot><slot name="none">fallback</slot><span id="inner"></span></section>';
    (shadow.getElementById('inner') as HTMLElement).attachShadow({ mode: 'open' }).innerHTML = '<i>deep</i>';
    const composed = composedDocument(doc);
    expect(composed.getElementById('outer')?.innerHTML).toBe(
      '<section><b>light</b><slot name="none">fallback</slot><span id="inner"><i>deep</i></span></section>',
    );
  });

  it('lets the content script read the article in the shadow root, which it missed before', () => {
    const doc = shadowPage();
    expect(analyzePage(doc, doc.URL, false)).toEqual({ ok: false, reason: 'not-article' });
    const answer = analyzePage(composedDocument(doc), doc.URL, false);
    expect(answer.ok && answer.report.title).toBe(TITLE);
    expect(answer.ok && answer.report.quotes.map((q) => q.speaker)).toEqual([
      'Jonas Brunner',
      'Claudia Sutter',
      'Petra Lanz',
    ]);
  });
});

describe('hasShadowRootsSteps', () => {
  afterEach(() => vi.restoreAllMocks());

  /** A page of `count` paragraphs, the one at `host` (if any) hosting an open shadow root. */
  function page(count: number, host?: number): Document {
    const doc = new JSDOM(`<body>${'<p>text</p>'.repeat(count)}</body>`).window.document;
    if (host !== undefined) doc.querySelectorAll('p')[host]?.attachShadow({ mode: 'open' });
    return doc;
  }

  /** The steps run to the end, counting the pauses they ask for. */
  function run<T>(steps: Generator<void, T>): { value: T; pauses: number } {
    let pauses = 0;
    for (let step = steps.next(); ; step = steps.next(), pauses++) if (step.done) return { value: step.value, pauses };
  }

  it('walks in one step while the clock allows, and answers whether a shadow root is there', () => {
    // A fast machine: no time passes.
    vi.spyOn(performance, 'now').mockReturnValue(0);
    expect(run(hasShadowRootsSteps(page(500)))).toEqual({ value: false, pauses: 0 });
    expect(run(hasShadowRootsSteps(page(500, 450)))).toEqual({ value: true, pauses: 0 });
  });

  it('pauses once a step has run for the slice’s time, and still finds the host past the pauses', () => {
    // A slow machine: every look at the clock finds another millisecond gone.
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (now += 1));
    const without = run(hasShadowRootsSteps(page(2_000)));
    expect(without.value).toBe(false);
    // 2,003 elements (html, head, body and the paragraphs), the clock read at every 64th: 31
    // reads, a millisecond apart. The slice (8 ms) ends at the 9th read of each, and the next one
    // starts with a read of its own: 3 pauses.
    expect(without.pauses).toBe(3);
    const doc = page(2_000, 1_990);
    const late = run(composedDocumentSteps(doc));
    expect(late.pauses).toBe(3);
    // Found past the pauses: the composed copy, not the page.
    expect(late.value).not.toBe(doc);
    expect(late.value.querySelectorAll('p')).toHaveLength(2_000);
  });
});
