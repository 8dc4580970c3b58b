// Accessibility checks for Lede's own pages (issue 8, item 4), the same in both browsers: axe-core
// run in the page, and the keyboard and focus checks axe cannot make (Tab order, a visible focus
// indicator, no motion when the reader asks for less).
//
// axe is injected by evaluating its source through the protocol (CDP Runtime.evaluate, BiDi
// script.evaluate): extension pages allow only their own scripts (script-src 'self'), but a
// protocol evaluation is not a page script, and the CSP does not apply to it (checked in both
// browsers: a <script> element with the same source is refused there, the evaluation is not).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'puppeteer-core';

/** WCAG 2.0 and 2.1, levels A and AA, and axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] as const;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string; summary: string }[];
}

let axeSource: string | undefined;

function readAxeSource(): string {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

/** Puts axe in the page (once per document). */
async function injectAxe(page: Page): Promise<void> {
  if (await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe === 'object')) return;
  await page.evaluate(readAxeSource());
  const version = await page.evaluate(() => (globalThis as { axe?: { version?: string } }).axe?.version ?? null);
  if (!version) throw new Error('E2E: axe-core did not load in the page');
}

/**
 * Runs axe over the whole document with the WCAG 2.0/2.1 A and AA rules and the best practices,
 * and returns its violations (an empty list when there are none).
 */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  await injectAxe(page);
  return page.evaluate(
    async (tags) => {
      interface AxeResult {
        id: string;
        impact?: string | null;
        help: string;
        nodes: { target: unknown[]; failureSummary?: string }[];
      }
      const axe = (
        globalThis as unknown as {
          axe: { run(context: Document, options: object): Promise<{ violations: AxeResult[] }> };
        }
      ).axe;
      const results = await axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      return results.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact ?? null,
        help: violation.help,
        nodes: violation.nodes.map((node) => ({
          target: node.target.map(String).join(' >>> '),
          summary: (node.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
        })),
      }));
    },
    [...AXE_TAGS],
  );
}

/** One line per rule, one indented line per element, for a failure message a person can act on. */
export function formatViolations(where: string, violations: readonly AxeViolation[]): string {
  if (!violations.length) return `${where}: no axe violations`;
  const lines = [`${where}: ${violations.length} axe violation(s)`];
  for (const violation of violations) {
    lines.push(`- ${violation.id} (${violation.impact ?? 'no impact'}): ${violation.help}`);
    for (const node of violation.nodes) lines.push(`    ${node.target}: ${node.summary}`);
  }
  return lines.join('\n');
}

/** The ids of the violated rules, for `expect(...).toEqual([])` with the details as its message. */
export async function axeViolationIds(page: Page, where: string): Promise<{ ids: string[]; report: string }> {
  const violations = await runAxe(page);
  return { ids: violations.map((violation) => violation.id), report: formatViolations(where, violations) };
}

/** A control the keyboard reached, as the tests compare them. */
export interface FocusStop {
  /** Its place among the page's tabbable controls (tabbableControls), or -1. */
  index: number;
  /** data-testid, else id, else tag and text: something a person can find in the page. */
  name: string;
  /** Visible focus indicator: the computed outline or box-shadow while focused. */
  outline: string;
  boxShadow: string;
  focusVisible: boolean;
  /**
   * Contrast of the outline's colour with the background it is drawn on (WCAG 1.4.11 asks 3:1 of
   * a focus indicator), or null without an outline.
   */
  outlineContrast: number | null;
  rect: { top: number; bottom: number; left: number; right: number };
}

// In-page expressions shared by the keyboard helpers. Strings, not functions: the transpilers used
// here may wrap named functions in a `__name` helper that does not exist in the page.
/** Every control the Tab key should reach, in document order: enabled, rendered, not tabindex=-1. */
const TABBABLE = `[...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')].filter(
  (e) => e.tabIndex >= 0 && !e.disabled && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden')`;
/** data-testid, else id, else tag and text. */
const NAME_OF = `((e) => e.dataset.testid ?? (e.id || e.tagName.toLowerCase() + ':' +
  (e.textContent ?? '').replace(/\\s+/g, ' ').trim().slice(0, 40)))`;

/** The names of the controls the Tab key should reach, in document order. */
export async function tabbableControls(page: Page): Promise<string[]> {
  return (await page.evaluate(`${TABBABLE}.map(${NAME_OF})`)) as string[];
}

/** The focused element as a FocusStop, or null when focus is on the document itself. */
async function focusedStop(page: Page): Promise<FocusStop | null> {
  return (await page.evaluate(`(() => {
    const element = document.activeElement;
    // Focus gone to the browser's own controls leaves activeElement as it was, but not the focus.
    if (!document.hasFocus() || !(element instanceof HTMLElement) || element === document.body) return null;
    const style = getComputedStyle(element);
    const rect = element.getBoundingClientRect();
    const outline = style.outlineStyle === 'none' || parseFloat(style.outlineWidth) === 0 ? 'none' : style.outline;
    // The outline is drawn over the parent's background: the ancestors' colours, composited.
    const rgba = (color) => {
      const [r = 0, g = 0, b = 0, a = 1] = (color.match(/[\\d.]+/g) ?? []).map(Number);
      return [r, g, b, a];
    };
    const layers = [];
    for (let e = element.parentElement; e; e = e.parentElement) {
      const layer = rgba(getComputedStyle(e).backgroundColor);
      if (layer[3] > 0) layers.unshift(layer);
      if (layer[3] >= 1) break;
    }
    const background = layers.reduce(
      (under, [r, g, b, a]) => [r * a + under[0] * (1 - a), g * a + under[1] * (1 - a), b * a + under[2] * (1 - a)],
      [255, 255, 255],
    );
    const luminance = ([r, g, b]) =>
      [r, g, b]
        .map((v) => v / 255)
        .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
        .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
    const [lighter, darker] = [luminance(rgba(style.outlineColor)), luminance(background)].sort((a, b) => b - a);
    return {
      index: ${TABBABLE}.indexOf(element),
      name: ${NAME_OF}(element),
      outline,
      boxShadow: style.boxShadow,
      focusVisible: element.matches(':focus-visible'),
      outlineContrast: outline === 'none' ? null : Math.round(((lighter + 0.05) / (darker + 0.05)) * 100) / 100,
      rect: { top: rect.top + scrollY, bottom: rect.bottom + scrollY, left: rect.left, right: rect.right },
    };
  })()`)) as FocusStop | null;
}

/** Focuses the tabbable control at `index` (tabbableControls' order) from script. */
async function focusControl(page: Page, index: number): Promise<void> {
  await page.evaluate(`${TABBABLE}[${index}]?.focus()`);
}

/**
 * Walks the page with the Tab key from its first control to its last (in document order), and
 * returns every stop. It stops there: one Tab more leaves the page for the browser's own
 * controls, and in Firefox the page cannot take the focus back for the next walk. The first
 * control is focused from script (where a page load leaves the keyboard), after one Tab press:
 * browsers show the focus ring for a scripted focus only once the keyboard has been used.
 */
export async function tabThrough(page: Page, limit = 80): Promise<FocusStop[]> {
  const last = (await tabbableControls(page)).length - 1;
  await page.evaluate(() => window.scrollTo(0, 0));
  await focusControl(page, 0);
  await page.keyboard.press('Tab');
  await focusControl(page, 0);
  const first = await focusedStop(page);
  if (!first) return [];
  const stops: FocusStop[] = [first];
  for (let i = 0; i < limit && stops.at(-1)?.index !== last; i++) {
    await page.keyboard.press('Tab');
    const stop = await focusedStop(page);
    if (!stop || stop.index === first.index || stop.index === stops.at(-1)?.index) break;
    stops.push(stop);
  }
  return stops;
}

/**
 * The pairs of consecutive stops that go against the reading order: the next control is neither
 * lower on the page nor to the right on the same line. Empty when Tab follows the visual order.
 */
export function outOfVisualOrder(stops: readonly FocusStop[]): string[] {
  const wrong: string[] = [];
  for (let i = 1; i < stops.length; i++) {
    const before = stops[i - 1] as FocusStop;
    const after = stops[i] as FocusStop;
    // Same line: the two boxes overlap vertically by more than half of the smaller one.
    const overlap = Math.min(before.rect.bottom, after.rect.bottom) - Math.max(before.rect.top, after.rect.top);
    const sameLine = overlap > Math.min(before.rect.bottom - before.rect.top, after.rect.bottom - after.rect.top) / 2;
    const inOrder = sameLine ? after.rect.left >= before.rect.right - 1 : after.rect.top >= before.rect.top;
    if (!inOrder) wrong.push(`${before.name} → ${after.name}`);
  }
  return wrong;
}

/**
 * The stops whose focus is not visible: not :focus-visible, or neither an outline nor a box-shadow,
 * or an outline of less than 3:1 against its background.
 */
export function withoutVisibleFocus(stops: readonly FocusStop[]): string[] {
  return stops
    .filter(
      (stop) =>
        !stop.focusVisible ||
        (stop.outline === 'none' && stop.boxShadow === 'none') ||
        (stop.outlineContrast !== null && stop.outlineContrast < 3),
    )
    .map(
      (stop) =>
        `${stop.name} (${stop.focusVisible ? '' : 'not :focus-visible, '}outline ${stop.outline}, ` +
        `contrast ${stop.outlineContrast ?? '-'}, box-shadow ${stop.boxShadow})`,
    );
}

/**
 * What moves in the page right now: every running CSS animation and transition
 * (document.getAnimations()), by the element it runs on and its name.
 */
export async function runningAnimations(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    document.getAnimations().map((animation) => {
      const target = (animation.effect as KeyframeEffect | null)?.target;
      const name =
        (animation as CSSAnimation).animationName ?? (animation as CSSTransition).transitionProperty ?? 'script';
      return `${target instanceof Element ? target.className || target.tagName : 'none'}: ${name}`;
    }),
  );
}
