// Lede with a storage quota a test can fill, to make a real write fail in the real browser.
//
// Chromium: the build's manifest asks for unlimitedStorage, without which storage.local stops at
// 10 MB (QUOTA_BYTES). A copy of the build whose manifest alone drops that permission (the code is
// the build's, byte for byte) is installed beside it, in the same browser.
// Firefox: the manifest asks for no such permission, so the build itself is used; the profile's
// quota is made small (a preference), since Firefox's default group limit is at least 10 MB of
// the disk.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import type { ChromiumSession } from './chromium';

/** Firefox's quota for all sites' and extensions' storage, in KB: the preference a test profile sets. */
export const FIREFOX_SMALL_QUOTA_PREFS = { 'dom.quotaManager.temporaryStorage.fixedLimit': 2048 } as const;

/**
 * Installs, in `session`'s browser, a copy of `buildDir` without unlimitedStorage, and returns a
 * session for that copy (its own extension id, popup and pages). `remove()` deletes the copy's files.
 */
export async function installWithoutUnlimitedStorage(
  session: ChromiumSession,
  buildDir: string,
): Promise<{ session: ChromiumSession; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'lede-limited-storage-'));
  await cp(path.resolve(buildDir), dir, { recursive: true });
  const manifestPath = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { permissions?: string[] };
  if (!manifest.permissions?.includes('unlimitedStorage'))
    throw new Error(`E2E: ${buildDir} no longer asks for unlimitedStorage; this copy would test nothing new`);
  manifest.permissions = manifest.permissions.filter((permission) => permission !== 'unlimitedStorage');
  await writeFile(manifestPath, JSON.stringify(manifest));
  const { browser } = session;
  const extensionId = await browser.installExtension(dir);
  const origin = `chrome-extension://${extensionId}`;
  const limited: ChromiumSession = {
    ...session,
    extensionId,
    async openRealPopup(newsPage: Page) {
      await newsPage.bringToFront();
      const extension = (await browser.extensions()).get(extensionId);
      if (!extension) throw new Error(`E2E: extension ${extensionId} is not installed`);
      const target = browser.waitForTarget((t) => t.url() === `${origin}/popup.html`, { timeout: 15_000 });
      await newsPage.triggerExtensionAction(extension);
      return (await target).asPage();
    },
    async openExtensionPage(pathAndQuery: string) {
      const page = await browser.newPage();
      await page.goto(`${origin}/${pathAndQuery}`);
      return page;
    },
  };
  return { session: limited, remove: () => rm(dir, { recursive: true, force: true }) };
}
