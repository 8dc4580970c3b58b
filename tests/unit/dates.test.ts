import { describe, expect, it } from 'vitest';
import { parseMachineDate, toIso } from '@/core/dates';

const iso = (text: string): string | null => {
  const date = parseMachineDate(text);
  return date && toIso(date);
};

describe('dates written for machines', () => {
  it.each([
    ['2024-11-14T05:48:00+01:00', '2024-11-14T05:48:00+01:00'],
    ['2019-06-17T18:28:00+0200', '2019-06-17T18:28:00+02:00'],
    ['2019-10-18T22:04:00.000Z', '2019-10-18T22:04:00+00:00'],
    ['2022-01-10T22:06:08:684Z', '2022-01-10T22:06:08+00:00'],
    ['2024-03-31T02:30:00 CET', '2024-03-31T02:30:00+01:00'],
    ['2023-11-08 22:28:35', '2023-11-08T22:28:35'],
    ['2020/04/17 01:43:09', '2020-04-17T01:43:09'],
    ['20200703', '2020-07-03'],
    ['Sat, 19 Oct 2019 00:04:00 +0200', '2019-10-19T00:04:00+02:00'],
    ['Tue, Sep 15 2020 10:01:41 EDT', '2020-09-15T10:01:41-04:00'],
  ])('%s', (text, expected) => {
    expect(iso(text)).toBe(expected);
  });

  it('rejects what is not a real date', () => {
    expect(iso('2024-02-30')).toBeNull();
    expect(iso('1234567890')).toBeNull();
    expect(iso('yesterday')).toBeNull();
  });
});
