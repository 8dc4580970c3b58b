/**
 * Opening the reader view: the content script hands over the report and the article's HTML,
 * which wait in session storage while a reader tab opens beside the article. Used by the popup's
 * button and by the keyboard shortcut (background), which both carry the reader's activeTab grant.
 */
import { browser } from 'wxt/browser';
import { t } from './i18n';
import { storage } from 'wxt/utils/storage';
import type { ContentRequest } from './messages';
import { ensureContentScript, type Access } from './tab-access';
import { isReaderResponse } from './validate-report';
import { readerPayloadKey } from './storage';

export type ReaderLaunch = { ok: true } | { ok: false; access?: Access; message: string };

export async function openReaderView(
  tab: { id: number; url?: string; index?: number },
  whole = false,
): Promise<ReaderLaunch> {
  const access = await ensureContentScript(tab.id, tab.url);
  if (access.kind !== 'ready') return { ok: false, access, message: access.kind };
  const request: ContentRequest = { type: 'popup→content:reader', whole };
  const answer: unknown = await browser.tabs.sendMessage(tab.id, request);
  if (!isReaderResponse(answer)) return { ok: false, message: t('errorUnexpected') };
  if (!answer.ok) return { ok: false, message: answer.message };
  await storage.setItem(readerPayloadKey(tab.id), { report: answer.report, html: answer.html });
  await browser.tabs.create({
    url: browser.runtime.getURL(`/reader.html?tab=${tab.id}`),
    index: tab.index === undefined ? undefined : tab.index + 1,
    openerTabId: tab.id,
  });
  return { ok: true };
}
