import { describe, expect, it } from 'vitest';
import { formatGap, formatRelative, formatTimestamp } from '@/utils/format-time';

describe('timestamps for people', () => {
  it('shows the seed times in a Zurich reader’s zone, with no second zone', () => {
    const shown = formatTimestamp('2024-11-14T05:48:00+01:00', 'en-GB', 'Europe/Zurich');
    expect(shown.text).toBe('14 Nov 2024, 05:48');
    expect(shown.pageText).toBeNull();
    expect(shown.instant).toBe(Date.UTC(2024, 10, 14, 4, 48));
  });

  it('converts to a New York reader’s zone and keeps the page’s own time for hover', () => {
    const shown = formatTimestamp('2024-11-14T05:48:00+01:00', 'en-US', 'America/New_York');
    expect(shown.text).toBe('Nov 13, 2024, 11:48 PM');
    expect(shown.pageText).toBe('Nov 14, 2024, 05:48 AM (UTC+1)');
  });

  it('shows only the time for an update on the day of publication, in the reader’s zone', () => {
    const published = Date.UTC(2024, 10, 14, 4, 48);
    expect(formatTimestamp('2024-11-14T10:09:00+01:00', 'en-GB', 'Europe/Zurich', published).text).toBe('10:09');
    // In Tokyo the update falls on the next day there, so the date is shown.
    expect(formatTimestamp('2024-11-14T17:09:00+01:00', 'en-GB', 'Asia/Tokyo', published).text).toBe(
      '15 Nov 2024, 01:09',
    );
  });

  it('never shifts a bare day or a zone-less time', () => {
    expect(formatTimestamp('2024-11-14', 'en-GB', 'Pacific/Honolulu').text).toBe('14 Nov 2024');
    expect(formatTimestamp('2024-11-14T23:30:00', 'en-GB', 'Asia/Tokyo').text).toBe('14 Nov 2024, 23:30');
  });

  it('says how long after publication the update came', () => {
    expect(formatGap((4 * 60 + 21) * 60000, 'en')).toBe('4h 21m');
    expect(formatGap((4 * 60 + 21) * 60000, 'fr')).toBe('4h 21min');
    expect(formatGap((2 * 1440 + 3 * 60) * 60000, 'en')).toBe('2d 3h');
    expect(formatGap(45 * 60000, 'de')).toBe('45 Min.');
  });

  it('gives relative time in the reader’s language', () => {
    const now = Date.UTC(2024, 10, 17, 12, 0);
    expect(formatRelative(Date.UTC(2024, 10, 14, 4, 48), now, 'en')).toBe('3 days ago');
    expect(formatRelative(Date.UTC(2024, 10, 17, 10, 0), now, 'fr')).toBe('il y a 2 heures');
  });
});
