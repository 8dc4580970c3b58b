/**
 * A stored setting as Preact state: read once, normalized (storage may hold an older, hand-edited
 * or corrupted value), followed live (a change in the options page applies at once in every open
 * page), and saved on change. A write that fails (a full storage) leaves the stored value as it
 * was, and says why, for the page to tell the reader: the change holds in this page only.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { WxtStorageItem } from 'wxt/utils/storage';

export function useStored<T>(
  item: WxtStorageItem<T, Record<string, unknown>>,
  normalize: (value: unknown) => T,
): [T, (next: T) => void, string] {
  const [value, setValue] = useState<T>(() => normalize(null));
  const [failure, setFailure] = useState('');
  useEffect(() => {
    let live = true;
    item.getValue().then(
      (stored) => live && setValue(normalize(stored)),
      () => undefined,
    );
    const unwatch = item.watch((stored) => setValue(normalize(stored)));
    return () => {
      live = false;
      unwatch();
    };
  }, [item, normalize]);
  const save = useCallback(
    (next: T) => {
      const normalized = normalize(next);
      setValue(normalized);
      item.setValue(normalized).then(
        () => setFailure(''),
        (error: unknown) => setFailure(error instanceof Error ? error.message : String(error)),
      );
    },
    [item, normalize],
  );
  return [value, save, failure];
}
