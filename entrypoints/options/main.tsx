import { render } from 'preact';
import { t } from '@/utils/i18n';
import { App } from './App';

document.title = t('optionsTitle');
const root = document.getElementById('app');
if (root) render(<App />, root);
