/**
 * bmpRegExp (core/bmp-regexp.ts) rewrites /u patterns for /v with BMP-only property classes. On
 * text without astral characters it must match exactly as the /u pattern does: same place, same
 * groups. Checked on the shapes the core's patterns use, with generated text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bmpRegExp, toBmpSource } from '@/core/bmp-regexp';

const NAME_WORD = String.raw`(?:\p{Lu}(?!['’]\p{Ll})[\p{L}'’.-]*\p{L}|\p{Lu}\.(?=\s*\p{Lu}))`;
const NAME = String.raw`${NAME_WORD}(?:\s+(?:(?:von der|de la|von|de|del)\s+)*${NAME_WORD}){0,3}`;

/** Patterns as the core writes them, with their /u flags. */
const PATTERNS: [string, string][] = [
  [String.raw`^[\s,—–-]*(?:a déclaré|said|sagte)\s+((?:le|la|the|der)\s+)?([\p{Ll}\s'’-]{0,40}?)\s*(${NAME})`, 'u'],
  [String.raw`(?<![\p{L}'’-])\p{Lu}[\p{L}'’-]*\p{L}`, 'gu'],
  [String.raw`(?:[^.!?]|(?<=(?<!\p{L})\p{Lu}\p{Ll}{0,2})\.)+[.!?]*`, 'gu'],
  [String.raw`[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*`, 'gu'],
  [String.raw`^(?:le|la|the|der)\s*\p{Ll}`, 'iu'],
  [String.raw`[^\p{L}\p{N}]+`, 'gu'],
  [String.raw`(?:^|[.!?;]\s+|,\s+)([^.!?;«»“”"]{1,120}?)\s+(?:dit|said)(?![\p{L}])[^«»“”"„]{0,90}$`, 'u'],
  [String.raw`^[\s\d.,:/h()-]*(?:\p{L}{1,12}[\s\d.,:/h()-]*){0,4}$`, 'u'],
  [String.raw`(?<![\p{L}\d])(\d{1,3})\s*(h|min)\s+(?:ago|fa)(?![\p{L}])`, 'giu'],
  [
    String.raw`^[\s\[(*]*(?:update|mise à jour)(?![\p{L}])((?:[^:\n]|(?<=\d):(?=\d)){0,40}?)[\s\])*]*(?::(?!\d)|[—–]|\s-\s)\s*(\S.*)$`,
    'isu',
  ],
  [String.raw`[a-z_][\w-]*|\u{1F600}|[\u00C0-\u00FF]+|\x41\cJ`, 'gu'],
];

const BMP_TEXT = fc.string({
  unit: fc.constantFrom(
    ...'aAbBzZéÉßçÇñÑøØœŒαΑжЖ中文 \n\t,.;:!?-–—\'’"«»“”„()[]{}*/0123456789h'.split(''),
    'Jean',
    'Dupont',
    ' a déclaré ',
    ' said ',
    ' la ',
    'von der ',
    'M. ',
    'update: ',
    '3 h ago',
  ),
  maxLength: 60,
});

const outcome = (regex: RegExp, text: string): unknown => {
  if (!regex.global) {
    const m = regex.exec(text);
    return m && { index: m.index, groups: [...m] };
  }
  return [...text.matchAll(regex)].map((m) => ({ index: m.index, groups: [...m] }));
};

describe('bmpRegExp', () => {
  it('compiles every pattern under /v', () => {
    for (const [source, flags] of PATTERNS) expect(bmpRegExp(source, flags).flags).toContain('v');
  });

  it('matches as the /u pattern on BMP text: same place, same groups', () => {
    for (const [source, flags] of PATTERNS) {
      const original = new RegExp(source, flags);
      const rewritten = bmpRegExp(source, flags);
      fc.assert(
        fc.property(BMP_TEXT, (text) => {
          expect(outcome(rewritten, text)).toEqual(outcome(original, text));
        }),
        { numRuns: 300 },
      );
    }
  });

  it('no longer counts an astral letter as a letter', () => {
    expect(new RegExp(String.raw`^\p{L}$`, 'u').test('𝐀')).toBe(true);
    expect(bmpRegExp(String.raw`^\p{L}$`).test('𝐀')).toBe(false);
    expect(bmpRegExp(String.raw`^\p{L}$`).test('é')).toBe(true);
  });

  it('escapes what /v reserves inside a class, and keeps ranges', () => {
    expect(toBmpSource(String.raw`[\s,—–-]`)).toBe(String.raw`[\s,—–\-]`);
    expect(toBmpSource(String.raw`[a-z_(){}|/]`)).toBe(String.raw`[a-z_\(\)\{\}\|\/]`);
    expect(toBmpSource(String.raw`[^\p{L}.-]`)).toBe(String.raw`[^[\p{L}.\-]--[\u{10000}-\u{10FFFF}]]`);
    expect(toBmpSource(String.raw`x\p{Lu}\]`)).toBe(String.raw`x[\p{Lu}--[\u{10000}-\u{10FFFF}]]\]`);
    expect(toBmpSource(String.raw`[..]`)).toBe(String.raw`[.\.]`);
  });
});
