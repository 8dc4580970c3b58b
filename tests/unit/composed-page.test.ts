/** An article inside a web component's shadow root is read as the reader sees it. */
import path from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { composedDocument } from '@/utils/composed-page';
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
