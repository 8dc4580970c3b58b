/**
 * Lazy-loaded images, after Readability: its own fix only reads attributes whose value ends like
 * an image file, so it misses CDN addresses without an extension (Squarespace), a placeholder
 * `data-src` beside the real `data-srcset` (NZZ), WordPress's `data-lazy-src` behind an inline SVG,
 * Foundation's `data-interchange`. An image that still has only a placeholder, or a `blob:` address
 * that dies with the page, is removed: a grey box is not article content. So are counting pixels
 * (declared 1×1, as VG Wort's in German articles).
 */

/** Most specific first: the first attribute that holds an address wins. */
const SRC_ATTRIBUTES = ['data-lazy-src', 'data-original', 'data-src', 'data-hi-res-src', 'data-full-src', 'data-image'];
const SRCSET_ATTRIBUTES = ['data-lazy-srcset', 'data-srcset'];

/** Spacer GIFs, blank SVGs, `placeholder.png`: what lazy loaders put in `src` until scrolled to. */
const PLACEHOLDER_FILE = /^blob:|(?:^|\/)(?:blank|spacer|placeholder|transparent|pixel|lazy)[\w-]*\.\w+$/i;
/** A short inline GIF or SVG is a spacer; a long one may be a real drawing. */
const PLACEHOLDER_DATA = /^data:image\/(?:gif|svg)/i;

function isPlaceholder(value: string | null): boolean {
  const src = value?.trim() ?? '';
  if (src.startsWith('data:')) return PLACEHOLDER_DATA.test(src) && src.length < 1000;
  return !src || PLACEHOLDER_FILE.test(src.split(/[?#]/)[0] ?? '');
}

/** An absolute http(s) address, or null for placeholders and values that are not addresses. */
function address(value: string | null, base: string): string | null {
  const raw = value?.trim();
  if (!raw || isPlaceholder(raw) || /\s/.test(raw)) return null;
  try {
    const url = new URL(raw, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A srcset whose addresses are all absolute http(s), or null. */
function srcset(value: string | null, base: string): string | null {
  const parts = (value ?? '').split(/,\s+/).flatMap((candidate) => {
    const [url, descriptor] = candidate.trim().split(/\s+/, 2);
    const absolute = address(url ?? null, base);
    return absolute ? [descriptor ? `${absolute} ${descriptor}` : absolute] : [];
  });
  return parts.length ? parts.join(', ') : null;
}

/** Foundation's `[url, small], [url, large]`: the last (largest) address. */
function interchange(value: string | null, base: string): string | null {
  const urls = [...(value ?? '').matchAll(/\[\s*([^,\]\s]+)\s*,/g)].map((m) => address(m[1] ?? null, base));
  return urls.filter(Boolean).pop() ?? null;
}

function firstOf(img: Element, names: readonly string[], read: (v: string | null) => string | null): string | null {
  for (const name of names) {
    const value = read(img.getAttribute(name));
    if (value) return value;
  }
  return null;
}

export function restoreLazyImages(root: Element): void {
  const base = root.ownerDocument.baseURI;
  for (const source of root.querySelectorAll('picture > source')) {
    const set = !source.getAttribute('srcset') && firstOf(source, SRCSET_ATTRIBUTES, (v) => srcset(v, base));
    if (set) source.setAttribute('srcset', set);
  }
  for (const img of root.querySelectorAll('img')) {
    const set = firstOf(img, SRCSET_ATTRIBUTES, (v) => srcset(v, base));
    if (set && !srcset(img.getAttribute('srcset'), base)) img.setAttribute('srcset', set);
    if (isPlaceholder(img.getAttribute('src'))) {
      const src =
        firstOf(img, SRC_ATTRIBUTES, (v) => address(v, base)) ??
        interchange(img.getAttribute('data-interchange'), base);
      if (src) img.setAttribute('src', src);
      else img.removeAttribute('src');
    }
    const picture = img.parentElement?.tagName === 'PICTURE' ? img.parentElement : null;
    const shown =
      img.getAttribute('src') || srcset(img.getAttribute('srcset'), base) || picture?.querySelector('source[srcset]');
    const pixel = ['width', 'height'].some((side) => /^[01](?:px)?$/.test(img.getAttribute(side)?.trim() ?? ''));
    if (!shown || pixel) (picture ?? img).remove();
  }
}
