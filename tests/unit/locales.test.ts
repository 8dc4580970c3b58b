// Every translation must hold every English message, with the same placeholders: the browser
// falls back to English for a missing key (a half-translated popup), and shows a placeholder it
// cannot resolve as nothing at all. Each problem is reported as "<locale> <key>: what is wrong".
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const LOCALES_DIR = path.resolve('public/_locales');
const TRANSLATIONS = ['fr', 'de', 'es', 'it'] as const;
/** The Chrome Web Store's limit on the manifest description. */
const MAX_DESCRIPTION = 132;
const EXTENSION_NAME = 'Lede';
/** `$NAME$` in a message; `$1` (a substitution) and `$$` (a dollar) are not placeholders. */
const PLACEHOLDER_TOKEN = /\$([A-Za-z0-9_@]+)\$/g;

interface Entry {
  message?: unknown;
  description?: unknown;
  placeholders?: Record<string, { content?: unknown; example?: unknown }>;
}
type Messages = Record<string, Entry>;

function readMessages(locale: string): Messages {
  return JSON.parse(readFileSync(path.join(LOCALES_DIR, locale, 'messages.json'), 'utf8')) as Messages;
}

/** Placeholder names are case-insensitive for the browser: `$GAP$` resolves `gap`. */
function usedTokens(message: string): Set<string> {
  return new Set([...message.matchAll(PLACEHOLDER_TOKEN)].map((match) => (match[1] ?? '').toLowerCase()));
}

function declared(entry: Entry): Map<string, unknown> {
  return new Map(Object.entries(entry.placeholders ?? {}).map(([name, value]) => [name.toLowerCase(), value.content]));
}

const sorted = (names: Iterable<string>): string[] => [...names].sort();

/** What is wrong with one translated entry, against its English original. */
function entryProblems(entry: Entry, original: Entry): string[] {
  if (typeof entry.message !== 'string') return ['no message'];
  if (entry.message.trim() === '') return ['empty message'];
  const problems: string[] = [];
  const names = declared(entry);
  const originalNames = declared(original);
  if (sorted(names.keys()).join() !== sorted(originalNames.keys()).join()) {
    problems.push(`placeholders [${sorted(names.keys())}], English has [${sorted(originalNames.keys())}]`);
  }
  for (const [name, content] of names) {
    if (originalNames.has(name) && originalNames.get(name) !== content) {
      problems.push(`placeholder ${name} is ${String(content)}, English has ${String(originalNames.get(name))}`);
    }
  }
  const used = usedTokens(entry.message);
  for (const name of used) if (!names.has(name)) problems.push(`$${name.toUpperCase()}$ is not declared`);
  const originalUsed = usedTokens(typeof original.message === 'string' ? original.message : '');
  for (const name of originalUsed) if (!used.has(name)) problems.push(`$${name.toUpperCase()}$ is not used`);
  return problems;
}

function localeProblems(locale: string, messages: Messages, english: Messages): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(english)) if (!(key in messages)) problems.push(`${locale} ${key}: missing`);
  for (const key of Object.keys(messages)) if (!(key in english)) problems.push(`${locale} ${key}: not in English`);
  for (const [key, entry] of Object.entries(messages)) {
    const original = english[key];
    if (original) problems.push(...entryProblems(entry, original).map((problem) => `${locale} ${key}: ${problem}`));
  }
  return problems;
}

describe('translations of the interface', () => {
  const english = readMessages('en');

  it('English itself declares every placeholder it uses', () => {
    expect(localeProblems('en', english, english)).toEqual([]);
  });

  it(`English has a store description of at most ${MAX_DESCRIPTION} characters`, () => {
    expect(String(english.extDescription?.message).length).toBeLessThanOrEqual(MAX_DESCRIPTION);
  });

  describe.each(TRANSLATIONS)('%s', (locale) => {
    it('parses as JSON', () => {
      expect(() => readMessages(locale), `${locale}: messages.json`).not.toThrow();
    });

    it('has every English key, and only those, with the same placeholders and no empty message', () => {
      expect(localeProblems(locale, readMessages(locale), english)).toEqual([]);
    });

    it(`keeps the name "${EXTENSION_NAME}"`, () => {
      expect(readMessages(locale).extName?.message, `${locale} extName`).toBe(EXTENSION_NAME);
    });

    it(`has a store description of at most ${MAX_DESCRIPTION} characters`, () => {
      const description = readMessages(locale).extDescription?.message;
      expect(typeof description, `${locale} extDescription`).toBe('string');
      expect((description as string).length, `${locale} extDescription: "${String(description)}"`).toBeLessThanOrEqual(
        MAX_DESCRIPTION,
      );
    });
  });
});
