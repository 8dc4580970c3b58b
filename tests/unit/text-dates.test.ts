import { describe, expect, it } from 'vitest';
import { findTextDates } from '@/core/text-dates';
import { toIso } from '@/core/dates';

const isos = (text: string, monthFirst = false): string[] => findTextDates(text, monthFirst).map((d) => toIso(d.date));

describe('dates in visible text', () => {
  it('splits the seed page run-together times into two', () => {
    expect(isos('14.11.2024, 05:4814.11.2024, 10:09')).toEqual(['2024-11-14T05:48:00', '2024-11-14T10:09:00']);
  });

  it.each([
    ['Publié le 14 novembre 2024 à 05h48', '2024-11-14T05:48:00', 'published'],
    ['Mis à jour le 3 février 2025 à 18h05', '2025-02-03T18:05:00', 'modified'],
    ['Aktualisiert am 14. November 2024, 05:48 Uhr', '2024-11-14T05:48:00', 'modified'],
    ['Veröffentlicht am 1.3.2024 um 7:05', '2024-03-01T07:05:00', 'published'],
    ['Updated November 14, 2024 5:48 PM', '2024-11-14T17:48:00', 'modified'],
    ['Published Jan. 2, 2025 12:15 a.m.', '2025-01-02T00:15:00', 'published'],
    ['Actualizado el 14 de noviembre de 2024, 05:48', '2024-11-14T05:48:00', 'modified'],
    ['Pubblicato il 14 novembre 2024 alle 10:09', '2024-11-14T10:09:00', 'published'],
    ['2024-11-14 10:09', '2024-11-14T10:09:00', null],
  ])('%s', (text, iso, role) => {
    const [found] = findTextDates(text);
    expect(found && toIso(found.date)).toBe(iso);
    expect(found?.role).toBe(role);
  });

  it('reads slashed dates by the page language', () => {
    expect(isos('12/01/2024')).toEqual(['2024-01-12']);
    expect(isos('12/01/2024', true)).toEqual(['2024-12-01']);
  });

  it('ignores what is not a date', () => {
    expect(isos('© 2024 watson')).toEqual([]);
    expect(isos('31.02.2024')).toEqual([]);
    expect(isos('Version 1.2.3, 12.000 Einwohner')).toEqual([]);
  });

  it('reads the zone printed after a time, upper case only', () => {
    expect(isos('Nov. 8, 2023, 10:28 p.m. ET')).toEqual(['2023-11-08T22:28:00-05:00']);
    expect(isos('June 12, 2020 9:49 am ET')).toEqual(['2020-06-12T09:49:00-04:00']);
    expect(isos('14.11.2024, 05:48 MEZ')).toEqual(['2024-11-14T05:48:00+01:00']);
    expect(isos('13 Jan 2020, 22:11 GMT+10')).toEqual(['2020-01-13T22:11:00+10:00']);
    expect(isos('14.11.2024 à 10h09 et demain')).toEqual(['2024-11-14T10:09:00']);
  });

  it('reads ordinals, run-together parts and a stray PM on a 24-hour clock', () => {
    expect(isos('Published 8th Nov 2023, 18:58 GMT')).toEqual(['2023-11-08T18:58:00+00:00']);
    expect(isos('Apr04 2013')).toEqual(['2013-04-04']);
    expect(isos('08/11/2023 | 20:26 PM')).toEqual(['2023-11-08T20:26:00']);
  });

  it('places an update time on the day printed before or after it', () => {
    const dates = findTextDates('Publié le 14 novembre 2024 à 05h48, mis à jour à 10h09');
    expect(dates.map((d) => [toIso(d.date), d.role, d.kind])).toEqual([
      ['2024-11-14T05:48:00', 'published', 'date'],
      ['2024-11-14T10:09:00', 'modified', 'time-only'],
    ]);
    expect(isos('Published Nov 18, 2019 at 4:07 PM | Updated at 5:36 PM CST on Nov 18, 2019')).toEqual([
      '2019-11-18T16:07:00',
      '2019-11-18T17:36:00-06:00',
    ]);
    expect(isos('November 18, 2019 at 2:26 PM HST - Updated November 18 at 4:46 PM')).toEqual([
      '2019-11-18T14:26:00-10:00',
      '2019-11-18T16:46:00-10:00',
    ]);
  });

  it('places a lone update time on the day it is given, else leaves it', () => {
    const day = findTextDates('14.11.2024')[0]?.date ?? null;
    expect(findTextDates('Aktualisiert um 10:09 Uhr', { day }).map((d) => toIso(d.date))).toEqual([
      '2024-11-14T10:09:00',
    ]);
    expect(findTextDates('Updated 10:09 GMT', { day }).map((d) => toIso(d.date))).toEqual([
      '2024-11-14T10:09:00+00:00',
    ]);
    expect(findTextDates('Updated 10:09 GMT')).toEqual([]);
  });

  it.each([
    ['vor 3 Stunden', '2025-06-01T09:00:00+00:00'],
    ['il y a 2 heures', '2025-06-01T10:00:00+00:00'],
    ['3 hours ago', '2025-06-01T09:00:00+00:00'],
    ['hace 2 horas', '2025-06-01T10:00:00+00:00'],
    ['2 ore fa', '2025-06-01T10:00:00+00:00'],
    ['vor einer Stunde', '2025-06-01T11:00:00+00:00'],
    ['7m ago', '2025-06-01T11:53:00+00:00'],
    ['3 days ago', '2025-05-29'],
  ])('counts "%s" back from the time of reading', (text, iso) => {
    const now = new Date('2025-06-01T12:00:00Z');
    const [found] = findTextDates(text, { now });
    expect(found && toIso(found.date)).toBe(iso);
    expect(found?.kind).toBe('relative');
    expect(findTextDates(text)).toEqual([]);
  });
});
