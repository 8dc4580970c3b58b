/**
 * Page HTML is untrusted. Before the reader view shows an article, DOMPurify keeps only
 * document markup: no script, handler, style, form, frame or plugin; links and images only by
 * http(s) (images also by data:); ids and names prefixed, so the article cannot clobber ours;
 * classes dropped, so the page's class names cannot pick up the reader's styles.
 */
import createDOMPurify, { type Config } from 'dompurify';

const CONFIG: Config = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: [
    'style',
    'link',
    'meta',
    'base',
    'form',
    'input',
    'button',
    'select',
    'textarea',
    'iframe',
    'frame',
    'frameset',
    'object',
    'embed',
    'svg',
    'math',
    'template',
    'noscript',
    'dialog',
  ],
  FORBID_ATTR: ['style', 'class', 'srcdoc', 'action', 'formaction', 'ping', 'background', 'poster', 'usemap'],
  ALLOWED_URI_REGEXP: /^(?:https?:|#|\/)/i,
  SANITIZE_NAMED_PROPS: true,
  RETURN_DOM_FRAGMENT: true,
};

export function createArticleSanitizer(win: Window & typeof globalThis): (html: string) => DocumentFragment {
  const purify = createDOMPurify(win);
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A' && node.hasAttribute('href')) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
    if (node.tagName === 'IMG') {
      // No referrer to the site, and images load only when scrolled to.
      node.setAttribute('referrerpolicy', 'no-referrer');
      node.setAttribute('loading', 'lazy');
    }
  });
  return (html) => purify.sanitize(html, CONFIG) as unknown as DocumentFragment;
}
