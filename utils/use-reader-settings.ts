import { useCallback, useEffect, useState } from 'preact/hooks';
import { normalizeReaderSettings, READER_DEFAULTS, readerSettings, type ReaderSettings } from '@/utils/storage';

/** The reader's typography and theme: loaded once, saved on change, live across open readers. */
export function useReaderSettings(): [ReaderSettings, (change: Partial<ReaderSettings>) => void] {
  const [settings, setSettings] = useState<ReaderSettings>(READER_DEFAULTS);
  useEffect(() => {
    readerSettings.getValue().then(
      (value) => setSettings(normalizeReaderSettings(value)),
      () => undefined,
    );
    return readerSettings.watch((value) => setSettings(normalizeReaderSettings(value)));
  }, []);
  const update = useCallback((change: Partial<ReaderSettings>) => {
    setSettings((current) => {
      const next = normalizeReaderSettings({ ...current, ...change });
      void readerSettings.setValue(next);
      return next;
    });
  }, []);
  return [settings, update];
}
