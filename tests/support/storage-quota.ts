/**
 * A storage quota for WXT's fake browser, which has none: storage.local.set rejects, as the real
 * browsers do, when what would be stored passes `bytes`, and then writes nothing (both browsers
 * apply a set whole or not at all). Sizes are counted as Chrome counts them: each key's length
 * plus its value's JSON.
 */
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/**
 * The errors the browsers reject a write with when the quota is full, as the e2e tests saw them
 * (tests/e2e/harness/storage-faults-suite.ts): plain Errors, the reason in the message.
 */
export const QUOTA_ERRORS = {
  // Chromium 156, storage.local without unlimitedStorage (older Chrome: "QUOTA_BYTES quota exceeded").
  chromium: (): Error => new Error('Resource::kQuotaBytes quota exceeded'),
  // Firefox ESR 153, storage.local (IndexedDB) over the profile's quota.
  firefox: (): Error => new Error('QuotaExceededError: storage.local API call exceeded its quota limitations.'),
} as const;

/** What Firefox ESR 153 fails every other write with once its storage is full, the quota error between. */
export const FIREFOX_FULL_OTHER_ERROR = (): Error => new Error('An unexpected error occurred');

type Items = Record<string, unknown>;

const sizeOf = (items: Items): number =>
  Object.entries(items).reduce((total, [key, value]) => total + key.length + (JSON.stringify(value) ?? '').length, 0);

/** The bytes storage.local holds now, as the quota counts them. */
export async function bytesInUse(): Promise<number> {
  return sizeOf(await fakeBrowser.storage.local.get());
}

/**
 * From now on, a write that would take storage.local past `bytes` rejects with `error()`. Returns
 * the writes that were refused.
 */
export function limitLocalStorage(bytes: number, error: () => Error): { refused: Items[] } {
  const area = fakeBrowser.storage.local as unknown as { set(items: Items): Promise<void> };
  const set = area.set.bind(area);
  const refused: Items[] = [];
  vi.spyOn(area, 'set').mockImplementation(async (items: Items) => {
    const after = { ...(await fakeBrowser.storage.local.get()), ...items };
    if (sizeOf(after) > bytes) {
      refused.push(items);
      throw error();
    }
    return set(items);
  });
  return { refused };
}

/**
 * The quota as Firefox ESR 153 enforces it: refused writes fail in turn with "An unexpected error
 * occurred" (first, as after an earlier refusal) and with the QuotaExceededError.
 */
export function limitLocalStorageAsFirefox(bytes: number): { refused: Items[] } {
  let turn = 0;
  return limitLocalStorage(bytes, () => (turn++ % 2 === 0 ? FIREFOX_FULL_OTHER_ERROR() : QUOTA_ERRORS.firefox()));
}

/** Every write from now on rejects with `error()`, whatever its size (a disk error, a closed database). */
export function failLocalWrites(error: () => Error): void {
  const area = fakeBrowser.storage.local as unknown as { set(items: Items): Promise<void> };
  vi.spyOn(area, 'set').mockImplementation(async () => {
    throw error();
  });
}
