/**
 * Our clean-up of Readability's article: what it keeps that a reader never wants.
 *
 *   measure()  one bottom-up pass: characters, link characters and whether a block element is
 *              inside, per element
 *   visit()    one top-down pass over the same tree; each element is judged once, from its tag,
 *              attributes and measures, and is removed, marked as a caption
 *              (`data-lede-kind="caption"`: kept for the reader view, left out of `text`), or
 *              kept, and then its children are judged. Short leaf blocks (no block inside) are
 *              also judged on their text, with the phrase lists of boilerplate-phrases.ts.
 *
 * Each text node is read once by measure() and at most once more by the text checks (leaf blocks
 * do not nest), so the clean-up is linear in the size of the article.
 *
 * Every rule earns its place on the Zyte article-extraction benchmark (181 pages). With all
 * rules the AEB F1 is 0.9820; without the rule (`npm run eval -- --set aeb --without RULE`), it
 * is lower by:
 *
 *   structure   page-chrome 0.0013   hidden 0.0012   boilerplate-region 0.0006
 *               byline-or-date 0.0025   caption 0.0023   media-caption 0.0011
 *               link-list 0.0005   teaser-cards 0.0014
 *   text        headline-repeat 0.0006   label 0.0015   dateline 0.0005   byline-text 0.0001
 *               tags 0.0006   credit 0.0001   link-lead-in 0.0004   notice 0.0014
 *               link-line 0.0007   related-links 0.0005   share-line 0.00003 (one page)
 *
 * and leaving `<figcaption>`s out of `text` (blocks.ts, articleText) is worth 0.0053 on its own.
 * `live-entry-time` is for the reader, not the score: a live blog's entry times stay in the
 * element, marked like captions, so they are out of `text` either way.
 * No rule makes a page lose more than 0.05 F1 against plain Readability.
 */
import { BLOCK_TAGS, CAPTION_KIND_ATTRIBUTE, isSkippedTag, LIVE_ENTRY_TIME_ATTRIBUTE } from './blocks';
import {
  BYLINE_TEXT,
  CREDIT_TEXT,
  DATE_ANCHOR,
  DATELINE_WORD,
  LABEL_BLOCK,
  LINK_LEAD_IN,
  NOTICE,
  RELATED_TITLE,
  SHARE_LINE,
  TAGS_LEAD_IN,
} from './boilerplate-phrases';
import { normalizeSpace } from './text';
import { bmpRegExp } from './bmp-regexp';

/** Every rule, in the order of the module header; `npm run eval -- --without RULE` leaves one out. */
export const CLEANUP_RULES = [
  'page-chrome',
  'hidden',
  'boilerplate-region',
  'byline-or-date',
  'live-entry-time',
  'caption',
  'media-caption',
  'link-list',
  'teaser-cards',
  'headline-repeat',
  'label',
  'dateline',
  'byline-text',
  'share-line',
  'tags',
  'credit',
  'link-lead-in',
  'notice',
  'link-line',
  'related-links',
] as const;

export type CleanupRule = (typeof CLEANUP_RULES)[number];

export interface CleanupDecision {
  rule: CleanupRule;
  element: Element;
  /** Removed (now detached), or else marked as a caption (still in the article). */
  removed: boolean;
}

export interface CleanupResult {
  /** What was removed or marked, by which rule, in document order. */
  decisions: CleanupDecision[];
}

export interface CleanupOptions {
  /** The article's title, to recognise blocks that only repeat it. */
  title?: string | null;
  /** Rules to leave out, for measuring what each one is worth. */
  skip?: ReadonlySet<CleanupRule>;
}

interface Measure {
  chars: number;
  linkChars: number;
  /** A block-level element is inside: this element is not a leaf block. */
  hasBlock: boolean;
  /** An image, picture or video is inside. */
  hasMedia: boolean;
  /** A heading is inside. */
  hasHeading: boolean;
  /** A link is inside (its text may be empty: a linked picture). */
  hasLink: boolean;
}

/** Rules that mark a caption (kept in the element, left out of `text`) rather than remove. */
const KEPT_RULES: ReadonlySet<CleanupRule> = new Set(['caption', 'media-caption', 'credit', 'live-entry-time']);

/** Class words of a live-blog entry ("liveblog__post", "live-event-entry", "live-events__entry"). */
const LIVE_ENTRY = /\blive ?(?:blog|events?|posts?|entry|entries|updates?)\b/;
/** How far up a live entry's time may sit. */
const LIVE_ENTRY_DEPTH = 4;

/** A live-blog entry's time is what its reader needs to read it: kept, like a caption, out of `text`. */
function isLiveEntryTime(el: Element): boolean {
  let node = el.parentElement;
  for (let depth = 0; node && depth < LIVE_ENTRY_DEPTH; depth++, node = node.parentElement)
    if (LIVE_ENTRY.test(attributeWords(node))) return true;
  return LIVE_ENTRY.test(attributeWords(el));
}

/** Class words of a headline that is not marked up as a heading (`<p class="titulo">`). */
const TITLE_WORDS = /\b(title|headline|titulo|titolo|titre|titel|heading)\b/;
const HEADING_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
const MEDIA_TAGS = new Set(['IMG', 'PICTURE', 'VIDEO']);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

function isHidden(el: Element): boolean {
  return isSkippedTag(el.tagName) || el.hasAttribute('hidden');
}

function measure(root: Element): Map<Element, Measure> {
  const measures = new Map<Element, Measure>();
  const visit = (el: Element, inLink: boolean): Measure => {
    const m: Measure = { chars: 0, linkChars: 0, hasBlock: false, hasMedia: false, hasHeading: false, hasLink: false };
    const link = inLink || el.tagName.toUpperCase() === 'A';
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) {
        const n = normalizeSpace(child.nodeValue ?? '').length;
        m.chars += n;
        if (link) m.linkChars += n;
      } else if (child.nodeType === ELEMENT_NODE) {
        const c = child as Element;
        const childTag = c.tagName.toUpperCase();
        if (MEDIA_TAGS.has(childTag)) m.hasMedia = true;
        if (HEADING_TAGS.has(childTag)) m.hasHeading = true;
        if (childTag === 'A') m.hasLink = true;
        if (isHidden(c)) continue;
        const cm = visit(c, link);
        m.chars += cm.chars;
        m.linkChars += cm.linkChars;
        m.hasBlock ||= cm.hasBlock || BLOCK_TAGS.has(c.tagName.toUpperCase());
        m.hasMedia ||= cm.hasMedia;
        m.hasHeading ||= cm.hasHeading;
        m.hasLink ||= cm.hasLink;
      }
    }
    measures.set(el, m);
    return m;
  };
  visit(root, false);
  return measures;
}

/** The text a reader sees in an element, read once. */
function visibleText(el: Element): string {
  let text = '';
  const visit = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) text += child.nodeValue ?? '';
      else if (child.nodeType === ELEMENT_NODE && !isHidden(child as Element)) {
        if ((child as Element).tagName === 'BR') text += ' ';
        visit(child);
      }
    }
  };
  visit(el);
  return normalizeSpace(text);
}

/** CMS taxonomy classes describe the post, not the element ("category-social-media", "post-42"). */
const TAXONOMY_CLASS = /^(?:category|tag|format|status|type)-|^post-\d+$/i;

/** Class, id, role and aria-label as lower-case words: "relatedStories__item" -> "related stories item". */
function attributeWords(el: Element): string {
  const classes = (el.getAttribute('class') ?? '')
    .split(/\s+/)
    .filter((c) => !TAXONOMY_CLASS.test(c))
    .join(' ');
  const raw = `${classes} ${el.id} ${el.getAttribute('role') ?? ''} ${el.getAttribute('aria-label') ?? ''}`;
  return raw
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_\-\s]+/g, ' ')
    .toLowerCase();
}

const WORD = bmpRegExp(String.raw`[\p{L}\p{N}]+`, 'gu');
const words = (text: string): string[] => text.toLowerCase().match(WORD) ?? [];

/**
 * "By Jane Doe - Nov. 18, 2019", "von Engin Haupt, MDR", "Par Ivan Ruslyannikov / ch media": after
 * the lead word come names, dateline words and at most two other lower-case words. "Di Maio ha
 * detto che…" is a sentence about Luigi Di Maio, not a byline.
 */
function isByline(text: string, tokens: readonly string[]): boolean {
  if (!BYLINE_TEXT.test(text)) return false;
  const original = text.match(WORD) ?? [];
  let lower = 0;
  for (let i = 1; i < original.length; i++) {
    const w = original[i] ?? '';
    if (w === w.toLowerCase() && !/\d/.test(w) && !DATELINE_WORD.test(tokens[i] ?? '')) lower++;
  }
  return lower <= 2;
}

/** Only dateline words and numbers, with a month, a time or a date: "Nov. 20, 2019 6:02 AM EST". */
function isDateline(lower: string, tokens: readonly string[]): boolean {
  return tokens.length <= 16 && DATE_ANCHOR.test(lower) && tokens.every((t) => DATELINE_WORD.test(t));
}

const PAGE_CHROME_TAGS = new Set(['NAV', 'HEADER', 'FOOTER', 'ASIDE']);
const PAGE_CHROME_ROLES = /\b(navigation|banner|contentinfo|complementary|search)\b/;

/**
 * Class, id, role and aria words of regions that are not the article. Not "teaser" alone: German
 * sites call their standfirst the "Teaser" (kicker.de's `article__teaser`, and the Washington
 * Post's `teaser-content` holds the article), so only video teasers count.
 */
const BOILERPLATE_WORDS =
  /\b(share|sharing|social|related|newsletters?|subscribe|subscription|signup|comments?|promo|promos|video teasers?|recommend\w*|read more|more stories|sponsor\w*|advert\w*|ads?|outbrain|taboola|trending|popular|cta)\b/;

/**
 * Class names that hide an element on screen (it is for printers or screen readers only):
 * Bootstrap's d-none, print headers, "Skip to content" links.
 */
const HIDDEN_CLASS =
  /(?:^|\s)(?:d-none|hidden|is-hidden|print-only|print-header|visible-print|d-print-block|sr-only|visually-hidden|screen-reader-text)(?:\s|$)/i;

/** A class that shows the element again from some screen width on: `hidden md:block`, `d-none d-md-flex`. */
const SHOWN_FROM_WIDTH =
  /(?:^|\s)(?:(?:sm|md|lg|xl):(?:block|flex|inline|grid)|d-(?:sm|md|lg|xl)-(?:block|flex|inline|grid)|visible-(?:sm|md|lg))/i;

function isHiddenByClass(classes: string): boolean {
  return HIDDEN_CLASS.test(classes) && !SHOWN_FROM_WIDTH.test(classes);
}

const BYLINE_WORDS = /\b(byline|bylines|author|authors|dateline|timestamp|date|pubdate|published|posted)\b/;

const CAPTION_WORDS = /\b(caption|captions|credit|credits|copyright|attribution)\b/;

/** Containers of an image and its caption: "image-ct", "InlineImage-imageEmbed", "photo-wrapper". */
const MEDIA_WORDS = /\b(image|img|photo|picture|media|gallery|slideshow|figure)\b/;
/** Text beside an image, up to this length, is its caption. */
const MEDIA_CAPTION_MAX_CHARS = 400;
const TEASER_MIN_CARDS = 3;
const IMAGE_URL = /\.(?:jpe?g|png|gif|webp|avif)(?:[?#]|$)/i;
const TEASER_MAX_CHARS = 600;

/**
 * An element that holds more than this share of the article's text is never boilerplate, whatever
 * its class says (a whole article in `<div class="post category-social share-wrapper">`).
 */
const MAX_SHARE = 0.4;
/** Bylines, datelines and their author line are short. */
const BYLINE_MAX_CHARS = 300;
const BYLINE_MAX_WORDS = 15;
/** Leaf blocks up to this length are judged on their text. */
const SHORT_BLOCK_CHARS = 300;
/** Notices and link lines longer than this are article text that happens to mention a newsletter. */
const NOTICE_MAX_WORDS = 50;
/**
 * A line of links is a teaser from 5 to 25 words. Shorter link lines ("Beachbody Performance
 * Energize", "[The Verge]") are product names and sources the gold text keeps; these two limits
 * and URL_TEXT raised the rule's worth from +0.0001 to +0.0006 F1.
 */
const LINK_LINE_MIN_WORDS = 5;
const LINK_LINE_MAX_WORDS = 25;
/** A link that shows its address is a source the article cites. */
const URL_TEXT = /^\S*(?:https?:\/\/|www\.)\S*$/;

export function cleanArticle(root: Element, options: CleanupOptions = {}): CleanupResult {
  const skip = options.skip ?? new Set<CleanupRule>();
  const on = (rule: CleanupRule): boolean => !skip.has(rule);
  const decisions: CleanupDecision[] = [];
  const measures = measure(root);
  const total = measures.get(root)?.chars ?? 0;
  const titleWords = new Set(words(options.title ?? ''));

  const isLinkList = (list: Element): boolean => {
    let items = 0;
    for (let item = list.firstElementChild; item; item = item.nextElementSibling) {
      const m = measures.get(item);
      if (!m || !m.chars) continue;
      if (m.linkChars < m.chars * 0.8) return false;
      items++;
    }
    return items >= 3;
  };

  /**
   * Most of its words are the title's, and most of the title's words are in it (Dice >= 0.7). Only
   * headings are tested: a first paragraph that restates the headline is the lede, and the gold
   * text keeps it (testing paragraphs too cost 0.0003 F1).
   */
  const repeatsHeadline = (text: string): boolean => {
    if (titleWords.size < 3) return false;
    const own = new Set(words(text));
    if (own.size > titleWords.size * 1.5 + 2) return false;
    let shared = 0;
    for (const w of own) if (titleWords.has(w)) shared++;
    return (2 * shared) / (own.size + titleWords.size) >= 0.7;
  };

  const judgeText = (el: Element, m: Measure, tag: string): CleanupRule | null => {
    const text = visibleText(el);
    const lower = text.toLowerCase();
    const linkShare = m.chars ? m.linkChars / m.chars : 0;
    const tokens = words(text);
    const count = tokens.length;
    if (
      on('headline-repeat') &&
      (HEADING_TAGS.has(tag) || TITLE_WORDS.test(attributeWords(el))) &&
      repeatsHeadline(text)
    )
      return 'headline-repeat';
    if (on('label') && LABEL_BLOCK.test(lower)) return 'label';
    if (on('dateline') && tag !== 'TD' && tag !== 'TH' && isDateline(lower, tokens)) return 'dateline';
    if (on('byline-text') && count <= BYLINE_MAX_WORDS && !HEADING_TAGS.has(tag) && isByline(text, tokens))
      return 'byline-text';
    if (on('share-line') && count <= 12 && SHARE_LINE.test(lower)) return 'share-line';
    if (on('tags') && linkShare >= 0.3 && TAGS_LEAD_IN.test(lower)) return 'tags';
    if (on('credit') && count <= 20 && CREDIT_TEXT.test(lower)) return 'credit';
    if (on('link-lead-in') && linkShare >= 0.5 && LINK_LEAD_IN.test(lower)) return 'link-lead-in';
    if (on('notice') && count <= NOTICE_MAX_WORDS && NOTICE.test(lower)) return 'notice';
    if (
      on('link-line') &&
      linkShare >= 0.8 &&
      count >= LINK_LINE_MIN_WORDS &&
      count <= LINK_LINE_MAX_WORDS &&
      !HEADING_TAGS.has(tag) &&
      tag !== 'LI' &&
      !URL_TEXT.test(lower)
    )
      return 'link-line';
    return null;
  };

  const judge = (el: Element): CleanupRule | null => {
    const m = measures.get(el);
    if (!m) return null;
    const tag = el.tagName.toUpperCase();
    if (m.chars > total * MAX_SHARE) return null;
    const attrs = attributeWords(el);
    if (on('page-chrome') && (PAGE_CHROME_TAGS.has(tag) || PAGE_CHROME_ROLES.test(attrs))) return 'page-chrome';
    if (on('hidden') && isHiddenByClass(el.getAttribute('class') ?? '')) return 'hidden';
    if (on('caption') && (tag === 'FIGCAPTION' || CAPTION_WORDS.test(attrs))) return 'caption';
    if (
      on('media-caption') &&
      (m.hasMedia || tag !== 'FIGURE') &&
      m.chars > 0 &&
      m.chars <= MEDIA_CAPTION_MAX_CHARS &&
      (tag === 'FIGURE' || MEDIA_WORDS.test(attrs))
    )
      return 'media-caption';
    if (on('boilerplate-region') && BOILERPLATE_WORDS.test(attrs)) return 'boilerplate-region';
    if (on('byline-or-date') && m.chars <= BYLINE_MAX_CHARS && (tag === 'TIME' || BYLINE_WORDS.test(attrs)))
      return on('live-entry-time') && tag === 'TIME' && isLiveEntryTime(el) ? 'live-entry-time' : 'byline-or-date';
    if (on('link-list') && (tag === 'UL' || tag === 'OL') && isLinkList(el)) return 'link-list';
    if (m.chars && m.chars <= SHORT_BLOCK_CHARS && !m.hasBlock && BLOCK_TAGS.has(tag)) return judgeText(el, m, tag);
    return null;
  };

  /** Mostly links: what follows a "More:" or "Lire aussi" title. */
  const isLinks = (el: Element): boolean => {
    const m = measures.get(el);
    return !!m && m.chars > 0 && m.linkChars >= m.chars * 0.3;
  };

  /**
   * A link to another page, not to a bigger picture or an anchor: what makes a card a teaser
   * rather than a photo of the article's own gallery. Cards are disjoint, so this stays linear.
   */
  const linksElsewhere = (card: Element): boolean => {
    for (const a of Array.from(card.querySelectorAll('a[href]'))) {
      const href = a.getAttribute('href') ?? '';
      if (!href.startsWith('#') && !IMAGE_URL.test(href) && !href.startsWith('javascript:')) return true;
    }
    return false;
  };

  /**
   * Teaser cards: a run of three or more adjacent siblings of one kind (same tag and classes),
   * each a short card with a link elsewhere and a headline or a picture. Adjacent: the article's
   * own photos come between its paragraphs, a rail of teasers comes in one piece (grouping
   * non-adjacent siblings removed tokyo-np.co.jp's photos on fundus-a).
   */
  const teaserCards = (parent: Element): Set<Element> => {
    const cards = new Set<Element>();
    const isCard = (card: Element): boolean => {
      const m = measures.get(card);
      if (!m || !m.hasLink || !(m.hasHeading || m.hasMedia) || m.chars > TEASER_MAX_CHARS) return false;
      return card.tagName.toUpperCase() !== 'FIGURE' && linksElsewhere(card);
    };
    const keyOf = (el: Element): string | null => {
      const classes = (el.getAttribute('class') ?? '').trim();
      const tag = el.tagName.toUpperCase();
      return classes || tag === 'ARTICLE' ? `${tag}.${classes}` : null;
    };
    let run: Element[] = [];
    let runKey: string | null = null;
    const close = (): void => {
      if (run.length >= TEASER_MIN_CARDS && run.every(isCard)) for (const card of run) cards.add(card);
      run = [];
    };
    for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
      const key = keyOf(child);
      if (key === null || key !== runKey) close();
      runKey = key;
      if (key !== null) run.push(child);
    }
    close();
    return cards;
  };

  const visit = (el: Element): void => {
    let afterRelatedTitle = false;
    const cards = on('teaser-cards') ? teaserCards(el) : null;
    // Sibling pointers, not `children`: jsdom's HTMLCollection makes indexed access linear, and
    // nothing is removed before the walk is over.
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
      let rule = cards?.has(child) ? 'teaser-cards' : judge(child);
      if (afterRelatedTitle && !rule && on('related-links') && isLinks(child)) rule = 'related-links';
      afterRelatedTitle =
        rule === 'related-links' || (rule === 'label' && RELATED_TITLE.test(visibleText(child).toLowerCase()));
      const keep = !rule || KEPT_RULES.has(rule);
      if (rule) decisions.push({ rule, element: child, removed: !keep });
      if (rule && keep) child.setAttribute(CAPTION_KIND_ATTRIBUTE, 'caption');
      // The entry's time starts its update note (updates.ts): blocks.ts tells it from other captions by this.
      if (rule === 'live-entry-time') child.setAttribute(LIVE_ENTRY_TIME_ATTRIBUTE, '');
      // A caption stays for the reader view, so what is boilerplate inside it still goes.
      if (keep) visit(child);
    }
  };
  visit(root);
  for (const { element, removed } of decisions) if (removed) element.remove();
  trimCaptions(root, on, repeatsHeadline, decisions);
  return { decisions };
}

/** Class words of a photo credit inside a caption ("story__image-credit", "photographer"). */
const CREDIT_CLASS = /\b(credit|credits|copyright|photographer|fotograf|source|quelle|fuente|fonte|agency)\b/;
const MEDIA_SELECTOR = 'img, picture, video';

/**
 * Captions stay for the reader view, but not what is not the caption: the photo credit
 * ("capture d'écran", "Foto: Keystone") and a line that repeats the headline (the seed page's
 * figure title). `text` leaves captions out anyway; this is what the reader sees under the image.
 * Only text leaves go, never an image: a figure whose caption was only a credit keeps its photo.
 * Each outermost caption is walked once (a figure and its figcaption are one caption), so this
 * stays linear too.
 */
function trimCaptions(
  root: Element,
  on: (rule: CleanupRule) => boolean,
  repeatsHeadline: (text: string) => boolean,
  decisions: CleanupDecision[],
): void {
  const marked = `[${CAPTION_KIND_ATTRIBUTE}]`;
  const isCredit = (el: Element, text: string): boolean =>
    on('credit') &&
    ((CREDIT_CLASS.test(attributeWords(el)) && words(text).length <= 6) ||
      (words(text).length <= 20 && CREDIT_TEXT.test(text.toLowerCase())));
  const drop = (el: Element, rule: CleanupRule): void => {
    decisions.push({ rule, element: el, removed: true });
    el.remove();
  };
  for (const caption of Array.from(root.querySelectorAll(marked))) {
    // Removed with an outer part, or inside an outer caption that is trimmed as a whole.
    if (!root.contains(caption) || caption.parentElement?.closest(marked)) continue;
    for (const part of Array.from(caption.querySelectorAll('*'))) {
      if (part.firstElementChild || MEDIA_TAGS.has(part.tagName.toUpperCase())) continue;
      const text = visibleText(part);
      if (!text) continue;
      if (isCredit(part, text)) drop(part, 'credit');
      else if (on('headline-repeat') && repeatsHeadline(text)) drop(part, 'headline-repeat');
    }
    if (caption.querySelector(MEDIA_SELECTOR)) continue;
    const own = visibleText(caption);
    if (!own) drop(caption, 'credit');
    else if (!caption.firstElementChild && isCredit(caption, own)) drop(caption, 'credit');
  }
}
