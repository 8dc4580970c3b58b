import { render } from 'preact';
import { App } from './App';
import { uiLocale } from '@/utils/i18n';

// The page speaks the browser's language (its strings come from _locales), not the HTML's "en".
document.documentElement.lang = uiLocale();

const root = document.getElementById('app');
if (root) render(<App />, root);
