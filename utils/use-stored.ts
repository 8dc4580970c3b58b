/**
 * A stored setting as Preact state: read once, normalized (storage may hold an older, hand-edited
 * or corrupted value), followed live (a change in the options page applies at once in every open
 * page), and saved on change.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { WxtStorageItem } from 'wxt/utils/storage';

export function useStored<T>(
  item: WxtStorageItem<T, Record<string, unknown>>,
  normalize: (value: unknown) => T,
): [T, (next: T) => void] {
  const [value, setValue] = useState<T>(() => normalize(null));
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
      void item.setValue(normalized);
    },
    [item, normalize],
  );
  return [value, save];
}
