/** User-visible text goes through the browser's i18n (`public/_locales`). */
import { browser } from 'wxt/browser';

export type MessageKey = keyof typeof import('../public/_locales/en/messages.json');

export function t(key: MessageKey, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/** The reader's locale, for Intl. */
export function uiLocale(): string {
  return browser.i18n.getUILanguage() || 'en';
}
