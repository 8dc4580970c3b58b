import { useCallback, useEffect, useState } from 'preact/hooks';
import { normalizeReaderSettings, READER_DEFAULTS, readerSettings, type ReaderSettings } from '@/utils/storage';

/**
 * The reader's typography and theme: loaded once, saved on change, live across open readers. The
 * third value says why the last change could not be saved (a full storage), or is empty.
 */
export function useReaderSettings(): [ReaderSettings, (change: Partial<ReaderSettings>) => void, string] {
  const [settings, setSettings] = useState<ReaderSettings>(READER_DEFAULTS);
  const [failure, setFailure] = useState('');
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
      readerSettings.setValue(next).then(
        () => setFailure(''),
        (error: unknown) => setFailure(error instanceof Error ? error.message : String(error)),
      );
      return next;
    });
  }, []);
  return [settings, update, failure];
}
