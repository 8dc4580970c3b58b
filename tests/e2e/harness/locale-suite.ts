// The popup in the browser's own language (issue 8, item 3), the same checks in both browsers:
// the browser runs in French, so the extension's UI language is French; the popup over the seed
// page shows fr/messages.json's strings and formats its dates with Intl in French. The expected
// texts come from the JSON and from Intl, never written out here.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { expect, test } from 'vitest';
import { READER_TIME_ZONE, SEED_CASES, SEED_EXPECTED } from './cases';
import { describePopup, readPopupReport, waitForPopupState, withScreenshot } from './popup';

export interface LocaleContext {
  browserName: string;
  /** The UI language the browser was launched in, e.g. 'fr'. */
  lang: string;
  /** The served address of a fixture. */
  url(fixture: string): string;
  /** Opens `url` in a tab and the popup over it, as the reader's click on Lede's button does. */
  openPopup(url: string): Promise<Page>;
  /** Opens an extension page (e.g. `popup.html`) in a tab of its own. */
  openExtensionPage(pathAndQuery: string): Promise<Page>;
}

interface MessageEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

/** The extension API from a page's own world (Firefox has `browser`, Chromium `chrome`). */
interface I18nGlobals {
  browser?: { i18n: { getUILanguage(): string; getMessage(key: string): string } };
  chrome?: { i18n: { getUILanguage(): string; getMessage(key: string): string } };
}

/** What the popup shows of its own (not the article's) text. */
interface PopupChrome {
  headings: string[];
  buttons: Record<'openReader' | 'highlights' | 'settings', string | null>;
  timeLabels: string[];
  publishedText: string | null;
  modifiedText: string | null;
}

/** The dates of the seed page as Intl writes them in `locale`, in the reader's zone. */
interface ExpectedDates {
  published: string;
  modifiedTime: string;
  monthName: string;
  relative: string;
  gap: string;
}

function readMessages(lang: string): Record<string, MessageEntry> {
  const file = path.resolve('public/_locales', lang, 'messages.json');
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, MessageEntry>;
}

/** A message with its `$NAME$` placeholders resolved to `substitutions`, as the browser does. */
function resolveMessage(entry: MessageEntry, substitutions: string[] = []): string {
  return entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (token, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content;
    if (content === undefined) return token;
    return content.replace(/\$(\d)/g, (_, index: string) => substitutions[Number(index) - 1] ?? '');
  });
}

async function readPopupChrome(popup: Page): Promise<PopupChrome> {
  // No named helper functions inside the callbacks below (see popup.ts, readPopupReport).
  return popup.$eval('[data-testid="popup"]', (root) => {
    const [openReader, highlights, settings, publishedText, modifiedText] = [
      '[data-testid="open-reader"]',
      '[data-testid="toggle-highlights"]',
      '[data-testid="open-settings"]',
      '[data-testid="published"]',
      '[data-testid="modified"]',
    ].map((selector) => root.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? null);
    const headings = [...root.querySelectorAll('h2.section-heading')].map((heading) => {
      // The heading's own words, without the count beside it ("Citations 3").
      const copy = heading.cloneNode(true) as Element;
      copy.querySelectorAll('.count').forEach((count) => count.remove());
      return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
    });
    return {
      headings,
      buttons: { openReader: openReader ?? null, highlights: highlights ?? null, settings: settings ?? null },
      timeLabels: [...root.querySelectorAll('.time-label')].map((label) => (label.textContent ?? '').trim()),
      publishedText: publishedText ?? null,
      modifiedText: modifiedText ?? null,
    };
  });
}

/**
 * Computed in the popup's own page, with the browser's Intl (its CLDR data may differ from
 * Node's), for the locale and zone given here, not the ones the popup picked.
 */
async function expectedDates(popup: Page, locale: string): Promise<ExpectedDates> {
  return popup.evaluate(
    (lang, timeZone, publishedIso, modifiedIso) => {
      const published = Date.parse(publishedIso);
      const modified = Date.parse(modifiedIso);
      const minutes = Math.round((modified - published) / 60_000);
      const [hours, mins] = (['hour', 'minute'] as const).map(
        (unit) => new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'narrow' }),
      );
      const years = Math.round((Date.now() - published) / (365.25 * 86_400_000));
      return {
        published: new Intl.DateTimeFormat(lang, {
          day: 'numeric',
          month: 'short',
          year: 'numeric',
          hour: '2-digit',
          minute: '2-digit',
          timeZone,
        }).format(published),
        modifiedTime: new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', timeZone }).format(modified),
        monthName: new Intl.DateTimeFormat(lang, { month: 'short', timeZone }).format(published),
        relative: new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }).format(-years, 'year'),
        gap: [hours?.format(Math.floor(minutes / 60)), minutes % 60 ? mins?.format(minutes % 60) : '']
          .filter(Boolean)
          .join(' '),
      };
    },
    locale,
    READER_TIME_ZONE,
    SEED_EXPECTED.published,
    SEED_EXPECTED.modified,
  );
}

export function defineLocaleTests(context: LocaleContext): void {
  const { browserName, lang } = context;
  const caseName = (name: string): string => `locale-${lang}-${name}`;

  test(`the browser's UI language is ${lang}, for the extension too`, async () => {
    const page = await context.openExtensionPage('popup.html');
    const seen = await page.evaluate(() => {
      const api = (globalThis as unknown as I18nGlobals).browser ?? (globalThis as unknown as I18nGlobals).chrome;
      if (!api) throw new Error('no extension API in this page');
      return { uiLanguage: api.i18n.getUILanguage(), summary: api.i18n.getMessage('summary') };
    });
    // A browser without its language pack stays in English (scripts/install-browsers.sh installs it).
    expect(
      seen.uiLanguage.toLowerCase().split(/[-_]/)[0],
      `getUILanguage() = ${seen.uiLanguage}: is ${browserName}'s ${lang} language pack installed?`,
    ).toBe(lang);
    expect(seen.summary).toBe(readMessages(lang).summary?.message);
  });

  const seed = SEED_CASES[0];
  if (!seed) throw new Error('E2E: no seed case');
  test(`${seed.name}: the popup's headings, buttons and dates are in ${lang}`, async () => {
    const messages = readMessages(lang);
    const message = (key: string, substitutions?: string[]): string => {
      const entry = messages[key];
      if (!entry) throw new Error(`E2E: ${lang}/messages.json has no ${key}`);
      return resolveMessage(entry, substitutions);
    };
    const english = readMessages('en');

    const popup = await context.openPopup(context.url(seed.fixture));
    await withScreenshot(popup, browserName, caseName(seed.name), async () => {
      expect(await waitForPopupState(popup), await describePopup(popup)).toBe('ready');
      const shown = await readPopupChrome(popup);

      expect(shown.buttons).toEqual({
        openReader: message('openReader'),
        highlights: message('highlights'),
        settings: message('settings'),
      });
      expect(shown.headings).toContain(message('summary'));
      // Every section heading is one of the translated messages (Quotes, Figures… when present).
      const translated = new Set(Object.keys(messages).map((key) => message(key)));
      for (const heading of shown.headings) expect(translated, `heading "${heading}"`).toContain(heading);
      expect(shown.timeLabels).toEqual([message('published'), message('updated')]);

      const dates = await expectedDates(popup, lang);
      const inEnglish = await expectedDates(popup, 'en');
      // The check means something only if the two languages write the date differently.
      expect(dates.published).not.toBe(inEnglish.published);
      expect(shown.publishedText).toBe(dates.published);
      expect(shown.publishedText).toContain(dates.monthName);
      expect(shown.modifiedText).toBe(dates.modifiedTime);

      const report = await readPopupReport(popup);
      expect(report.lines.published).toBe(`${message('published')} ${dates.published} · ${dates.relative}`);
      expect(report.lines.modified).toBe(
        `${message('updated')} ${dates.modifiedTime}, ${message('updatedLater', [dates.gap])}`,
      );
      // Nothing the popup wrote itself is left in English (where the two languages differ).
      const englishOnly = Object.keys(english)
        .filter((key) => messages[key] && english[key]?.message !== messages[key]?.message)
        .map((key) => english[key]?.message ?? '');
      for (const text of [...shown.headings, ...Object.values(shown.buttons), ...shown.timeLabels]) {
        expect(englishOnly).not.toContain(text);
      }
    });
  });
}
