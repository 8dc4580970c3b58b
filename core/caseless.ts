/**
 * Case-insensitive matching without the /i flag, for patterns written in lower case.
 *
 * Why: V8 compiles a /i pattern with the case folding of every letter in it, and Lede's patterns
 * are compiled again on every page (the content script) and in every popup (figures). Word lists
 * paid most of it: the figures' unit words took 73.7 ms to compile with /i and 11.0 ms without
 * (Node 20, docs/PERFORMANCE.md). Running the pattern without /i on the text's lower-case copy
 * matches what /i matches, at the same places.
 *
 * The copy keeps every character where it was for nearly all text; where lower-casing changes the
 * length ("İ" becomes two characters), the pattern's /i twin runs on the text itself, made then.
 * The two differ only on letters whose case folding is not their lower case (the long s "ſ"
 * folds to "s"): no word in the lists has one.
 */

/**
 * The last two texts lowered, one long and one short: a page's text is matched again and again,
 * with short slices of it (the words before a date) read in between.
 */
const lowered: { text: string; lower: string | null }[] = [
  { text: '', lower: '' },
  { text: '', lower: '' },
];

/** `text` in lower case, or null when lower-casing moves characters. */
export function lowerCopy(text: string): string | null {
  const slot = lowered[text.length > 200 ? 0 : 1] as { text: string; lower: string | null };
  if (text !== slot.text) {
    const lower = text.toLowerCase();
    slot.text = text;
    slot.lower = lower.length === text.length ? lower : null;
  }
  return slot.lower;
}

export class Caseless {
  readonly plain: RegExp;
  private folding: RegExp | null = null;

  /** `make` builds the pattern with the flags it is given (never /i): new RegExp or bmpRegExp. */
  constructor(
    private readonly make: (flags: string) => RegExp,
    private readonly flags: string,
  ) {
    this.plain = make(flags);
  }

  /** The pattern to run and the text to run it on, for `text`: matches' places and lengths are the text's own. */
  on(text: string): [RegExp, string] {
    const lower = lowerCopy(text);
    if (lower !== null) return [this.plain, lower];
    this.folding ??= this.make(`${this.flags}i`);
    return [this.folding, text];
  }

  /** All matches in `text`, as `text.matchAll(pattern)` with /i would give them (the groups in lower case). */
  matchAll(text: string): ReturnType<string['matchAll']> {
    const [pattern, hay] = this.on(text);
    // matchAll starts where the pattern's lastIndex stands: from the start, whatever ran before.
    pattern.lastIndex = 0;
    return hay.matchAll(pattern);
  }

  test(text: string): boolean {
    const [pattern, hay] = this.on(text);
    pattern.lastIndex = 0;
    return pattern.test(hay);
  }

  /** A sticky pattern run at `pos`. */
  execAt(text: string, pos: number): RegExpExecArray | null {
    const [pattern, hay] = this.on(text);
    pattern.lastIndex = pos;
    return pattern.exec(hay);
  }
}
