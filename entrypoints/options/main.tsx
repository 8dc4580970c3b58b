import { render } from 'preact';
import { t } from '@/utils/i18n';
import { App } from './App';
import { uiLocale } from '@/utils/i18n';

// The page speaks the browser's language (its strings come from _locales), not the HTML's "en".
document.documentElement.lang = uiLocale();

document.title = t('optionsTitle');
const root = document.getElementById('app');
if (root) render(<App />, root);
