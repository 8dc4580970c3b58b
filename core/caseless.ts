/**
 * Case-insensitive matching without the /i flag: patterns written in lower case, run on the
 * text's lower-case copy.
 *
 * Why: V8 compiles a /i pattern with the case folding of every letter in it, and the content
 * script's patterns are compiled again on every page: the ten text-date patterns (month names in
 * seven languages, labels, relative times) took 13.5 ms to compile with /i and 4.1 ms without
 * (Node 20, docs/PERFORMANCE.md).
 *
 * The figures (in the popup) keep /i: their unit words cost 73.7 ms to compile with it in Node,
 * but this module would add 58 bytes to a popup that has 2 left of its budget, and in Chromium the
 * popup's time after the analysis is 21 ms at the median, compilation included.
 *
 * The copy keeps every character where it was, so matches' places and lengths are the text's
 * own. Only "İ" lowers to two characters; it stays as it is, as /i leaves it (its simple case
 * folding is itself). The copy and /i differ only on letters whose case folding is not their
 * lower case (the long s "ſ" folds to "s", Cherokee to upper case): no word in the lists has one.
 * tests/unit/caseless.test.ts holds the two to each other on generated text.
 */

let lastText = '';
let lastLower = '';

/** `text` in lower case, each character where it was. The last answer is kept: a page's text is read by several patterns. */
export function lowerCopy(text: string): string {
  if (text !== lastText) {
    lastText = text;
    lastLower = text.replace(/[^\u0130]+/g, (run) => run.toLowerCase());
  }
  return lastLower;
}
