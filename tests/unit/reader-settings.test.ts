import { describe, expect, it } from 'vitest';
import { normalizeReaderSettings, READER_DEFAULTS } from '@/utils/storage';

describe('reader settings from storage', () => {
  it('keeps valid settings', () => {
    const settings = { theme: 'sepia', font: 'sans', fontSize: 24, lineWidth: 59, lineHeight: 1.75 } as const;
    expect(normalizeReaderSettings(settings)).toEqual(settings);
  });

  it('turns corrupted or missing values into defaults, and clamps out-of-range numbers', () => {
    expect(normalizeReaderSettings(null)).toEqual(READER_DEFAULTS);
    expect(normalizeReaderSettings('garbage')).toEqual(READER_DEFAULTS);
    expect(
      normalizeReaderSettings({ theme: 'neon', font: 42, fontSize: 1000, lineWidth: -5, lineHeight: Number.NaN }),
    ).toEqual({
      ...READER_DEFAULTS,
      fontSize: 32,
      lineWidth: 45,
    });
  });
});
