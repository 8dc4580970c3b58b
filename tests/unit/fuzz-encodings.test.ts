/**
 * Fuzz (issue 10, item 2): pages in other encodings than UTF-8, through core/charset.ts as the CLI
 * and the watch re-check read them. Bytes in windows-1252, latin-1 and UTF-16 come back as the
 * text that was encoded; bytes that are no valid text in their declared charset, and charsets
 * that are no charset, still give a page and a valid report.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeHtml } from '@/core/charset';
import { analyzeHtml, expectValidReport, withinMs } from '../support/report-checks';
import { hostileText } from '../support/hostile-text';

const WINDOWS_1252: ReadonlyMap<string, number> = (() => {
  const decoder = new TextDecoder('windows-1252');
  const map = new Map<string, number>();
  for (let byte = 0; byte < 256; byte++) map.set(decoder.decode(new Uint8Array([byte])), byte);
  return map;
})();

function encode1252(text: string): Uint8Array {
  return Uint8Array.from([...text].map((c) => WINDOWS_1252.get(c) ?? 0x3f));
}

const utf16le = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf16le'));
const utf16be = (text: string): Uint8Array => utf16le(text).map((_, i, bytes) => bytes[i ^ 1] ?? 0);
const wellFormed = (text: string): string => new TextDecoder().decode(new TextEncoder().encode(text));
const bytesOf = (...parts: (Uint8Array | number[])[]): Uint8Array => Uint8Array.from(parts.flatMap((p) => [...p]));

/** Text that windows-1252 can hold: what a page in that charset can say. */
const text1252 = fc
  .array(fc.constantFrom(...WINDOWS_1252.keys()), { maxLength: 200 })
  .map((chars) => chars.join('').replace(/[<&\r]/g, ' '));

const page = (head: string, body: string): string =>
  `<!doctype html><html><head>${head}</head><body><p>${body}</p></body></html>`;

describe('fuzz: encodings (core/charset.ts)', () => {
  it('a page declared windows-1252 or latin-1, by <meta> or by Content-Type, decodes to its text', () => {
    fc.assert(
      fc.property(
        text1252,
        fc.constantFrom('windows-1252', 'latin1', 'ISO-8859-1', 'cp1252', 'us-ascii'),
        fc.boolean(),
        (body, label, inHeader) => {
          const html = page(inHeader ? '' : `<meta charset="${label}">`, body);
          const decoded = decodeHtml(encode1252(html), inHeader ? `text/html; charset=${label}` : null);
          expect(decoded).toBe(html);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('UTF-16 and UTF-8 with a byte order mark decode to their text, whatever the page declares', () => {
    fc.assert(
      fc.property(
        hostileText(20),
        fc.constantFrom('', '<meta charset="windows-1252">', '<meta charset="utf-8">'),
        (body, head) => {
          const html = page(head, body);
          // Lone surrogates cannot be encoded: every decoder gives U+FFFD for them.
          const text = wellFormed(html);
          expect(decodeHtml(bytesOf([0xff, 0xfe], utf16le(html)))).toBe(text);
          expect(decodeHtml(bytesOf([0xfe, 0xff], utf16be(html)))).toBe(text);
          expect(decodeHtml(bytesOf([0xef, 0xbb, 0xbf], new TextEncoder().encode(html)))).toBe(text);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('a page that says utf-16 in its <meta> yet is ASCII bytes is read as UTF-8, as browsers do', () => {
    // Regression: the label was taken at its word, and every pair of ASCII bytes became one CJK character.
    const html = page('<meta charset="utf-16">', 'Le Conseil fédéral a décidé. «Nous verrons», a dit Alain Berset.');
    expect(decodeHtml(new TextEncoder().encode(html))).toBe(html);
    const be = html.replace('utf-16', 'UTF-16BE');
    expect(decodeHtml(new TextEncoder().encode(be))).toBe(be);
  });

  it('any bytes under any declared charset give a string, and the page a valid report', () => {
    const charset = fc.constantFrom(
      null,
      'text/html; charset=utf-8',
      'text/html; charset=windows-1252',
      'text/html; charset=utf-16le',
      'text/html; charset=utf-16',
      'text/html; charset=shift_jis',
      'text/html; charset=gb18030',
      'text/html; charset=iso-2022-kr',
      'text/html; charset=replacement',
      'text/html; charset=x-user-defined',
      'text/html; charset=utf-7',
      'text/html; charset="',
      'text/html; charset=\u0000',
    );
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 600 }),
        charset,
        fc.constantFrom('', '<meta charset=utf-16>', '<meta charset=euc-jp>'),
        (bytes, contentType, head) => {
          const html = withinMs(500, () =>
            decodeHtml(bytesOf(new TextEncoder().encode(`<html><head>${head}</head><body><p>`), bytes), contentType),
          );
          expect(typeof html).toBe('string');
          expectValidReport(withinMs(2000, () => analyzeHtml(html)));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('mixed encodings in one page (UTF-8 declared, windows-1252 bytes inside, and the reverse) give a valid report', () => {
    const words = 'Zürich, «Genève» – 3,5 % €, 14 novembre 2024';
    const utf8Page = bytesOf(
      new TextEncoder().encode(page('<meta charset="utf-8">', '')).slice(0, -18),
      encode1252(words),
      new TextEncoder().encode('</p></body></html>'),
    );
    const latinPage = bytesOf(
      encode1252(page('<meta charset="windows-1252">', '')).slice(0, -18),
      new TextEncoder().encode(words),
      encode1252('</p></body></html>'),
    );
    for (const bytes of [utf8Page, latinPage]) {
      const report = analyzeHtml(decodeHtml(bytes));
      expectValidReport(report);
      expect(report.text).toMatch(/Z.+rich/);
    }
  });
});
