/**
 * The keyboard shortcut that turns the highlights in the page on or off (issue 8, item 5), run by
 * the background. The shortcut grants activeTab, as a click on the button does. Turning them on
 * in a page Lede has not read yet reads it, as the popup does.
 */
import { highlightSettings, normalizeHighlightSettings, normalizeSummarySettings, summarySettings } from './storage';
import { ensureContentScript, requestAnalysis, setHighlights } from './tab-access';

export const HIGHLIGHT_COMMAND = 'toggle-highlights';

/** Returns whether highlights are now on. */
export async function toggleHighlights(tab: { id: number; url?: string }): Promise<boolean> {
  const current = normalizeHighlightSettings(await highlightSettings.getValue().catch(() => null));
  const next = { ...current, on: !current.on };
  // The reader's choice holds for the next pages too, as the popup's switch does.
  await highlightSettings.setValue(next);
  const access = await ensureContentScript(tab.id, tab.url);
  if (access.kind !== 'ready') return next.on;
  if (!next.on) {
    await setHighlights(tab.id, false, [], next);
    return false;
  }
  const { sentences } = normalizeSummarySettings(await summarySettings.getValue().catch(() => null));
  const answer = await requestAnalysis(tab.id, false, sentences);
  if (!answer.ok) return true;
  await setHighlights(tab.id, true, answer.report.figures, next);
  return true;
}
