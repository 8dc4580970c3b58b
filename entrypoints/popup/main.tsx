import { render } from 'preact';
import { App } from './App';
import { uiLocale } from '@/utils/i18n';
import { markPopupSettled } from '@/utils/bench-marks';

// The page speaks the browser's language (its strings come from _locales), not the HTML's "en".
document.documentElement.lang = uiLocale();

const root = document.getElementById('app');
// Bench build only (utils/bench-marks.ts; other builds drop it): when the report is in the DOM.
if (import.meta.env.MODE === 'bench' && root) markPopupSettled(root);
if (root) render(<App />, root);
