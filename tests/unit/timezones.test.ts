import { describe, expect, it } from 'vitest';
import { inferZone, offsetForLocalTime } from '@/core/timezones';

describe('time zones', () => {
  it('gives Swiss time its winter and summer offsets', () => {
    expect(offsetForLocalTime('Europe/Zurich', Date.UTC(2024, 10, 14, 5, 48))).toBe(60);
    expect(offsetForLocalTime('Europe/Zurich', Date.UTC(2024, 6, 14, 5, 48))).toBe(120);
  });

  it('settles the hour after the spring change (Europe, 31 March 2024, 02:00 → 03:00)', () => {
    expect(offsetForLocalTime('Europe/Berlin', Date.UTC(2024, 2, 31, 1, 30))).toBe(60);
    expect(offsetForLocalTime('Europe/Berlin', Date.UTC(2024, 2, 31, 3, 30))).toBe(120);
  });

  it('infers a zone from the domain first, then the locale', () => {
    expect(inferZone(['www.watson.ch'], ['fr'])).toEqual({ zone: 'Europe/Zurich', evidence: '.ch' });
    expect(inferZone(['www.example.com'], ['de-AT'])).toEqual({ zone: 'Europe/Vienna', evidence: 'de-AT' });
    expect(inferZone(['www.example.com'], ['fr_FR'])).toEqual({ zone: 'Europe/Paris', evidence: 'fr_FR' });
  });

  it('does not guess for countries with several zones or for bare languages', () => {
    expect(inferZone(['www.example.com'], ['en-US'])).toBeNull();
    expect(inferZone(['www.abc.net.au'], ['en-AU'])).toBeNull();
    expect(inferZone(['www.example.org'], ['fr'])).toBeNull();
  });
});
