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
});
