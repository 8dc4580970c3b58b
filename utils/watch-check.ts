/**
 * The background's side of watching (issue 7, item 5): one alarm, set for the earliest check due;
 * when it rings, each due article is read off-page (off-page-parser.ts) and compared with the last
 * version known. A change is kept, counted in the toolbar badge and, if the reader turned them
 * on, announced by a notification.
 */
import { browser } from 'wxt/browser';
import { diffSnapshots, withoutTracking, type ArticleDiff } from '@/core/article-diff';
import { sameContent, type Snapshot } from '@/core/snapshot';
import { isHttpUrl, type WatchRequest, type WatchResponse } from './messages';
import { readOffPage, withParser } from './off-page-parser';
import { readSnapshot } from './snapshot-store';
import { originPattern } from './site-pattern';
import { t } from './i18n';
import { nextCheckAt } from './watch-schedule';
import {
  markSeen,
  readSettings,
  readWatches,
  saveWatchedVersion,
  startWatch,
  stopWatch,
  updateWatch,
  watchedVersion,
  type Watch,
} from './watch-store';

export const WATCH_ALARM = 'lede-watch';

export function isWatchRequest(message: unknown): message is WatchRequest {
  const m = message as Partial<WatchRequest> | null;
  return (
    typeof m === 'object' &&
    m !== null &&
    m.type === 'popup→background:watch' &&
    // Only a web article is watched (its site is fetched); any address kept may be unwatched.
    (m.on === true ? isHttpUrl(m.url) : m.on === false && typeof m.url === 'string') &&
    (m.title === null || typeof m.title === 'string')
  );
}

export async function answerWatch(request: WatchRequest): Promise<WatchResponse> {
  const { title, on } = request;
  // The history's key (Snapshot.url): a shared link and a direct visit are one article.
  const url = withoutTracking(request.url);
  if (!on) await stopWatch(url);
  const watched = on && (await startWatch(url, title)) !== null;
  await Promise.all([schedule(), showBadge()]);
  return { watched };
}

/**
 * The reader opened the article and their tab shows `snapshot`. If a check found a newer version
 * than that (the tab was loaded before the change), it is returned, and the change stays unseen;
 * otherwise the change is seen and the badge no longer counts it.
 */
export async function seen(
  snapshot: Snapshot & { url: string },
): Promise<{ watched: boolean; newer: Snapshot | null }> {
  if (!(await readWatches()).some((w) => w.url === snapshot.url)) return { watched: false, newer: null };
  const newer = await watchedVersion(snapshot.url);
  if (newer && !sameContent(newer, snapshot)) return { watched: true, newer };
  await markSeen(snapshot.url);
  await showBadge();
  return { watched: true, newer: null };
}

/** Sets the one alarm to the earliest check due, or clears it when nothing is watched. */
export async function schedule(): Promise<void> {
  const due = (await readWatches()).flatMap((w) => (w.nextCheck === null ? [] : [w.nextCheck]));
  if (!due.length) {
    await browser.alarms.clear(WATCH_ALARM);
    return;
  }
  await browser.alarms.create(WATCH_ALARM, { when: Math.max(Date.now(), Math.min(...due)) });
}

let round: Promise<void> | null = null;

/** Checks every article due; a second alarm during a round waits for it rather than repeat it. */
export function checkDue(): Promise<void> {
  round ??= runRound().finally(() => (round = null));
  return round;
}

async function runRound(): Promise<void> {
  try {
    const now = Date.now();
    const due = (await readWatches()).filter((w) => w.nextCheck !== null && w.nextCheck <= now);
    const { days, notify } = await readSettings();
    if (!due.length) return;
    await withParser(async () => {
      // One at a time: the parser reads one page at once, and a site sees one request at a time.
      for (const watch of due) {
        const change = await check(watch);
        await updateWatch(watch.url, { ...change, lastCheck: now, nextCheck: nextCheckAt(watch.startedAt, now, days) });
        if (change.result === 'changed' && notify) await announce(watch, change.diff);
      }
    });
  } finally {
    await Promise.all([schedule(), showBadge()]);
  }
}

type CheckChange = Partial<Watch> & { diff?: ArticleDiff };

async function check(watch: Watch): Promise<CheckChange> {
  try {
    return await compare(watch);
  } catch (error) {
    return { result: 'failed', error: error instanceof Error ? error.message : String(error) };
  }
}

async function compare(watch: Watch): Promise<CheckChange> {
  const pattern = originPattern(watch.url);
  if (!pattern || !(await browser.permissions.contains({ origins: [pattern] })))
    return { result: 'no-access', error: null };
  const answer = await readOffPage(watch.url);
  if (!answer.ok) return { result: answer.reason === 'not-article' ? 'not-article' : 'failed', error: answer.message };
  const fresh = { ...answer.snapshot, url: watch.url };
  const known = (await watchedVersion(watch.url)) ?? (await readSnapshot(watch.url));
  if (!known) {
    // Nothing to compare with (the history was cleared): this version is the one to compare with next.
    await saveWatchedVersion(fresh);
    return { result: 'same', error: null };
  }
  if (sameContent(known, fresh)) return { result: 'same', error: null };
  await saveWatchedVersion(fresh);
  return {
    result: 'changed',
    error: null,
    changedAt: Date.now(),
    unseen: true,
    title: fresh.title ?? watch.title,
    diff: diffSnapshots(known, fresh),
  };
}

/** The number of watched articles changed since the reader last opened them, on the toolbar button. */
async function showBadge(): Promise<void> {
  const count = (await readWatches()).filter((w) => w.unseen).length;
  await browser.action.setBadgeBackgroundColor({ color: '#b3261e' });
  await browser.action.setBadgeText({ text: count ? String(count) : '' });
  await browser.action.setTitle({ title: count ? t('badgeChanged', String(count)) : t('extName') });
}

/** A notification, only where the reader allowed them (an optional permission, asked in the options page). */
async function announce(watch: Watch, diff: ArticleDiff | undefined): Promise<void> {
  if (!browser.notifications || !diff) return;
  const paragraphs = diff.changes.length;
  const figure = diff.figures[0];
  const detail = figure
    ? t('notifyFigure', [figure.before, figure.after])
    : diff.title
      ? t('notifyHeadline', diff.title.after ?? '')
      : t('notifyParagraphs', String(paragraphs));
  await browser.notifications
    .create(`lede-watch:${watch.url}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: t('notifyTitle', watch.title ?? watch.url),
      message: detail,
    })
    .catch((error: unknown) => console.warn('Lede: notification', error));
}

/** A click on the notification opens the article. */
export function openNotified(id: string): void {
  if (!id.startsWith('lede-watch:')) return;
  void browser.tabs.create({ url: id.slice('lede-watch:'.length) });
  void browser.notifications?.clear(id);
}
