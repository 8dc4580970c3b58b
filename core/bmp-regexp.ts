/**
 * Regular expressions whose Unicode property classes (\p{L}, \p{Lu}, \p{Ll}, \p{N}…) cover the
 * Basic Multilingual Plane only.
 *
 * Why: under the /u flag a property class also spans the astral planes, which V8 compiles into
 * surrogate-pair matching, about 8 KB of machine code per class. The quote patterns hold dozens
 * of them, so the first click on every page compiled about 3 MB of regular-expression code and
 * spent most of the quotes' time doing it (docs/PERFORMANCE.md). Set subtraction under the /v
 * flag (`[\p{L}--[\u{10000}-\u{10FFFF}]]`) leaves a plain range table: measured in Node 20, the
 * name pattern's code falls from 91 KB to 17 KB, and its compilation to a quarter.
 *
 * What it changes: a letter outside the BMP (mathematical alphanumerics, rare CJK ideographs,
 * historic scripts) is no longer a letter to these patterns. No name or word in the five
 * languages Lede reads is written with one.
 *
 * The pattern is written as for /u, and rewritten here for /v: inside a class, the characters
 * /v reserves are escaped, and a class that holds a property is intersected with the BMP.
 */

const ASTRAL = String.raw`[\u{10000}-\u{10FFFF}]`;
/** Characters /v takes as syntax inside a class; written as literals under /u. */
const CLASS_SYNTAX = new Set(['(', ')', '[', ']', '{', '}', '/', '-', '|']);
/** /v reserves these doubled inside a class ("&&" and "--" are its set operators). */
const DOUBLED = new Set('&!#$%*+,.:;<=>?@^`~'.split(''));

/** One atom of a /u class at `i`: an escape (`\s`, `\p{L}`, `\u{1F600}`, `\.`) or one code point. */
function classAtom(source: string, i: number): string {
  if (source[i] !== '\\') return String.fromCodePoint(source.codePointAt(i) ?? 0);
  const next = source[i + 1] ?? '';
  if ('pPu'.includes(next) && source[i + 2] === '{') return source.slice(i, source.indexOf('}', i) + 1);
  if (next === 'u') return source.slice(i, i + 6);
  if (next === 'x') return source.slice(i, i + 4);
  if (next === 'c') return source.slice(i, i + 3);
  return source.slice(i, i + 2);
}

/** A single character (a range may end there), as opposed to a class escape such as \s or \p{L}. */
const isSingle = (atom: string): boolean => !/^\\[dDsSwWpP]/.test(atom);

/** The body of a /u class (between `[` or `[^` and `]`), for /v. */
function rewriteClass(body: string): { body: string; property: boolean } {
  const atoms: string[] = [];
  for (let i = 0; i < body.length;) {
    const atom = classAtom(body, i);
    atoms.push(atom);
    i += atom.length;
  }
  let out = '';
  let property = false;
  for (let k = 0; k < atoms.length; k++) {
    const atom = atoms[k] ?? '';
    if (/^\\[pP]\{/.test(atom)) property = true;
    const range =
      atom === '-' && k > 0 && k < atoms.length - 1 && isSingle(atoms[k - 1] ?? '') && isSingle(atoms[k + 1] ?? '');
    if (range) out += '-';
    else if (CLASS_SYNTAX.has(atom)) out += `\\${atom}`;
    else if (DOUBLED.has(atom) && out.endsWith(atom) && !out.endsWith(`\\${atom}`)) out += `\\${atom}`;
    else out += atom;
  }
  return { body: out, property };
}

/**
 * The pieces of a /u source: a class (no nesting under /u; escaped brackets inside it), a
 * property escape, any other escape, or a run of anything else (most of a pattern: its words).
 */
const PIECES = /\[(?:\\.|[^\]\\])*\]|\\[pP]\{[^}]*\}|\\.|[^[\\]+/gsu;

/** `source`, written for /u, rewritten for /v with its property classes limited to the BMP. */
export function toBmpSource(source: string): string {
  return source.replace(PIECES, (piece) => {
    if (piece.startsWith('\\p{')) return `[${piece}--${ASTRAL}]`;
    if (!piece.startsWith('[')) return piece;
    const negated = piece[1] === '^';
    const { body, property } = rewriteClass(piece.slice(negated ? 2 : 1, -1));
    return `[${negated ? '^' : ''}${property ? `[${body}]--${ASTRAL}` : body}]`;
  });
}

/** `new RegExp(source, flags)` for a /u pattern, compiled under /v with BMP-only properties. */
export function bmpRegExp(source: string, flags = 'u'): RegExp {
  return new RegExp(toBmpSource(source), flags.replace('u', 'v'));
}
