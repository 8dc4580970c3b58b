/**
 * Getting the content script into the reader's tab, on the reader's click: `activeTab` grants
 * access to the tab the toolbar button was clicked on, and nothing else. When that grant is
 * missing, the reader may allow the site (an optional host permission), or Lede can't run there.
 */
import { browser } from 'wxt/browser';
import { t } from './i18n';
import {
  CONTENT_SCRIPT,
  type AnalyzeResponse,
  type ContentRequest,
  type HighlightResponse,
  type PingResponse,
} from './messages';
import { isAnalyzeResponse, isHighlightResponse } from './validate-report';
import { originPattern } from './site-pattern';
import type { Figure } from '@/core/types';
import type { HighlightColors } from './highlight-colors';

/** Pages no extension may script: the browsers' own pages and their add-on stores. */
const RESTRICTED_URL =
  /^(?!https?:|file:)|^https?:\/\/(chromewebstore\.google\.com|chrome\.google\.com\/webstore|addons\.mozilla\.org|microsoftedge\.microsoft\.com\/addons|accounts-static\.cdn\.mozilla\.net|accounts\.firefox\.com|content-signature-2\.cdn\.mozilla\.net|support\.mozilla\.org|sync\.services\.mozilla\.com)(\/|$)/i;

export function isRestrictedUrl(url: string): boolean {
  return RESTRICTED_URL.test(url);
}

export type Access =
  { kind: 'ready' } | { kind: 'unsupported'; detail: string } | { kind: 'needs-permission'; origin: string | null };

async function ping(tabId: number): Promise<boolean> {
  try {
    const request: ContentRequest = { type: 'popup→content:ping' };
    const answer = (await browser.tabs.sendMessage(tabId, request)) as PingResponse | undefined;
    return answer?.pong === true;
  } catch {
    return false;
  }
}

/** Injects the content script once per page; a second click finds it already listening. */
export async function ensureContentScript(tabId: number, tabUrl: string | undefined): Promise<Access> {
  if (tabUrl && isRestrictedUrl(tabUrl)) return { kind: 'unsupported', detail: tabUrl };
  if (await ping(tabId)) return { kind: 'ready' };
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT] });
    return { kind: 'ready' };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Chrome: "Cannot access contents of the page…"; Firefox: "Missing host permission for the tab".
    const missingGrant =
      /permission|cannot access contents/i.test(message) && !/chrome:|extensions gallery|about:/i.test(message);
    if (missingGrant) return { kind: 'needs-permission', origin: originPattern(tabUrl) };
    return { kind: 'unsupported', detail: message };
  }
}

/** Asks for this one site; must run in the click handler (browsers require a user gesture). */
export function requestSiteAccess(origin: string): Promise<boolean> {
  return browser.permissions.request({ origins: [origin] });
}

/** The page's report and blocks, checked; the caller reads the figures (core/with-figures.ts). */
export async function requestAnalysis(tabId: number, whole: boolean, sentences: number): Promise<AnalyzeResponse> {
  const request: ContentRequest = { type: 'popup→content:analyze', whole, sentences };
  const answer: unknown = await browser.tabs.sendMessage(tabId, request);
  if (!isAnalyzeResponse(answer)) return { ok: false, reason: 'error', message: t('errorUnexpected') };
  return answer;
}

function asHighlightResponse(answer: unknown): HighlightResponse {
  return isHighlightResponse(answer) ? answer : { ok: false, found: 0 };
}

/** Highlights the last analysis's quotes and these figures (their texts, in the report's order). */
export async function setHighlights(
  tabId: number,
  on: boolean,
  figures: readonly Figure[],
  colors: HighlightColors,
): Promise<HighlightResponse> {
  const request: ContentRequest = { type: 'popup→content:highlight', on, figures: figures.map((f) => f.text), colors };
  return asHighlightResponse(await browser.tabs.sendMessage(tabId, request));
}

/** Scrolls the page to quote or figure `index` (quotes first, then figures) and flashes it. */
export async function revealInPage(tabId: number, index: number): Promise<boolean> {
  const request: ContentRequest = { type: 'popup→content:reveal', index };
  return asHighlightResponse(await browser.tabs.sendMessage(tabId, request)).ok;
}
