import { describe, expect, it } from 'vitest';
import { inferZone, offsetForLocalTime, offsetForZoneName } from '@/core/timezones';

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

  it('reads zone names: fixed ones, numeric ones, and US ones by the date', () => {
    const winter = Date.UTC(2024, 10, 14, 12);
    const summer = Date.UTC(2024, 6, 14, 12);
    expect(offsetForZoneName('CEST', summer)).toBe(120);
    expect(offsetForZoneName('GMT+10', winter)).toBe(600);
    expect(offsetForZoneName('UTC-05:30', winter)).toBe(-330);
    expect(offsetForZoneName('ET', winter)).toBe(-300);
    expect(offsetForZoneName('ET', summer)).toBe(-240);
    expect(offsetForZoneName('IST', winter)).toBeNull();
  });
});
