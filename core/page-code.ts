/**
 * A page's code: its scripts and style sheets. A reader sees none of it, and the analysis reads two
 * things in it only: JSON-LD (json-ld.ts: dates, authors, paywall) and a single-page app's own
 * date field ("publicationDate": "…", timestamps.ts). Everywhere else the core measures a page's
 * text without its code (shownText): a script inside a paragraph or a header is not words. One
 * measure is Readability's, left as it is: its readerable check counts the code in paragraphs.
 *
 * That is what lets the content script leave the code out of the page it sends to the off-page
 * parser (utils/serialize-page.ts, codeKeeper): scripts and style sheets are half of the
 * corpora's HTML (27 % and 26 %), and sending the HTML is most of Lede's cost on the page's main
 * thread (docs/PERFORMANCE.md). The report is the same with or without it.
 */

/** Dates in a page's own script data ("publicationDate": "…"), as single-page apps ship them. */
export const SCRIPT_DATE =
  /"(datePublished|publishedAt|published_at|publicationDate|publishDate|publishedDate|firstPublishedDate|pubDate|dateCreated|createdAt)"\s*:\s*"(\d{4}-\d{2}-\d{2}[^"]{0,30})"/;

const JSON_LD = /ld\+json/i;

const isCode = (node: Node | null): boolean => {
  const name = (node as Element | null)?.localName;
  return name === 'script' || name === 'style';
};

/** `el`'s textContent without the text of the scripts and style sheets in it (or of itself, if it is one). */
export function shownText(el: Element): string {
  if (isCode(el)) return '';
  if (!el.querySelector('script, style')) return el.textContent ?? '';
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!isCode(node.parentNode)) text += node.nodeValue ?? '';
  }
  return text;
}

/** shownText(el).length, without building the text: the native textContent, less its code's. */
export function shownLength(el: Element): number {
  if (isCode(el)) return 0;
  let length = (el.textContent ?? '').length;
  for (const code of Array.from(el.querySelectorAll('script, style'))) length -= (code.textContent ?? '').length;
  return length;
}

/**
 * For the code of `doc`: whether it sits where Readability's isProbablyReaderable (article.ts,
 * isReaderable) measures the whole textContent, code included: in a `<p>`, `<pre>` or `<article>`,
 * or in a `<div>` with a `<br>` of its own (found as Readability finds them). Left to Readability
 * as it is: measured without its code, a Chinese article of readability-pages (qq) is no longer an
 * article, its paragraphs being short in characters. About 1 % of the code on AEB pages sits there.
 */
function readerableMeasures(doc: Document): (code: Element) => boolean {
  const brDivs = new Set(Array.from(doc.querySelectorAll('div > br'), (br) => br.parentElement));
  return (code) => {
    if (code.closest('p, pre, article')) return true;
    for (let node = code.parentElement; node; node = node.parentElement) if (brDivs.has(node)) return true;
    return false;
  };
}

/**
 * What the analysis reads of the text of `doc`'s scripts and style sheets: JSON-LD whole; the
 * whole text where Readability's readerable check counts it; else a script's first date field
 * (SCRIPT_DATE's match, which it matches again the same way) and a style sheet's nothing. The
 * function answers null for an element that is not code. A date field that would close its script
 * early (a script's text set by the page's code can hold `</script>`) is left out.
 */
export function codeKeeper(doc: Document): (el: Element) => string | null {
  const measured = readerableMeasures(doc);
  return (el) => {
    const name = el.localName;
    if (name !== 'script' && name !== 'style') return null;
    const text = el.textContent ?? '';
    if (measured(el) || JSON_LD.test(el.getAttribute('type') ?? '')) return text;
    if (name === 'style') return '';
    const date = SCRIPT_DATE.exec(text)?.[0] ?? '';
    return date.includes('</') ? '' : date;
  };
}
