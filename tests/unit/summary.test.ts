/** The summary and the language it is made in, on real pages and on sentences from them. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TextBlock } from '@/core/blocks';
import { readPage } from '@/core/read-page';
import { detectLanguage } from '@/core/stop-words';
import { summarize, summaryLength } from '@/core/summary';
import { CORPORA, loadPage, SEED_DIR } from '../support/pages';

const NOW = new Date('2026-01-01T00:00:00Z');
const para = (text: string): TextBlock => ({ kind: 'paragraph', text });

/** One page a language, each declaring it in <html lang>. */
const PAGES: [string, string][] = [
  ['en', 'aeb/html/042bb7b5fedab6eac7db576522b89b93904c237d344bcbe14a6a5ab7f7335856.html.gz'],
  ['de', 'fundus-a/html/ch_NZZ_2024_07_18.html.gz'],
  ['es', 'fundus-a/html/es_ABC_2026_04_25.html.gz'],
  ['it', 'aeb/html/20b2b64916b00b25203c9f1bf14248922f4d522f18328e9f876cce116df0083e.html.gz'],
  ['pt', 'aeb/html/23aaecd14171f96cfd201a8a46666097e286ad71f74f29347a78c5ecba50da1e.html.gz'],
  ['nl', 'fundus-a/html/be_Nieuwsblad_2025_02_02.html.gz'],
];

describe('the article’s language', () => {
  it.each(PAGES)('is told by its words when the page does not say it (%s)', (lang, file) => {
    const doc = loadPage(path.join(CORPORA, file));
    doc.documentElement.removeAttribute('lang');
    for (const meta of doc.querySelectorAll('meta[property="og:locale"], meta[http-equiv]')) meta.remove();
    expect(readPage(doc, { now: NOW }).report.lang).toBe(lang);
  });

  it('is the page’s own when it declares one, in <html lang> or og:locale', () => {
    const seed = loadPage(path.join(SEED_DIR, 'watson-visible-times.html'));
    expect(readPage(seed, { now: NOW }).report.lang).toBe('fr-CH');
    seed.documentElement.removeAttribute('lang');
    seed.head.insertAdjacentHTML('beforeend', '<meta property="og:locale" content="fr_CH">');
    expect(readPage(seed, { now: NOW }).report.lang).toBe('fr-CH');
  });

  it('is the one its words show when the page declares another (an English article under lang="de")', () => {
    const file = 'aeb/html/f81c6c05d9cbc93316992fa23ef74ec405194e292611f2e94f6a814868903665.html.gz';
    const doc = loadPage(path.join(CORPORA, file));
    expect(doc.documentElement.getAttribute('lang')).toBe('de');
    expect(readPage(doc, { now: NOW }).report.lang).toBe('en');
  });

  it('is not guessed from too few words, or from words of no language it knows', () => {
    expect(detectLanguage('the war in the east'.split(' '))).toBeNull();
    expect(detectLanguage(Array.from({ length: 40 }, (_, i) => `xq${i}`))).toBeNull();
  });
});

describe('the summary', () => {
  const seed = readPage(loadPage(path.join(SEED_DIR, 'watson-visible-times.html')), { now: NOW });

  it('is made of body sentences, in article order', () => {
    const { summary, text } = seed.report;
    const at = summary.map((s) => text.indexOf(s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('never takes headings, captions, pull-quotes or list items', () => {
    const blocks: TextBlock[] = [
      { kind: 'heading', text: 'Russia sends thousands of North Korean soldiers to the Kursk front line' },
      para('Russia is sending thousands of North Korean soldiers to the Kursk region to push Ukraine out.'),
      { kind: 'caption', text: 'North Korean soldiers receive Russian uniforms in a video released on Monday.' },
      { kind: 'quote', text: 'The North Korean soldiers are trained and equipped with light weapons, he said.' },
      { kind: 'list-item', text: 'North Korean soldiers have been sent to the Kursk region this week.' },
      para('Ukraine took parts of the Kursk region in August and still holds them.'),
    ];
    expect(summarize(blocks, 'en')).toEqual([
      'Russia is sending thousands of North Korean soldiers to the Kursk region to push Ukraine out.',
      'Ukraine took parts of the Kursk region in August and still holds them.',
    ]);
  });

  it('does not say the same thing twice, nor repeat the headline', () => {
    const title = 'Kim Jong-un sends special forces to Russia';
    const blocks = [
      para('Kim Jong-un sends special forces to Russia.'),
      para('North Korea has sent special forces to Russia to fight in the Kursk region, officials said.'),
      para('North Korea has sent special forces to Russia to fight in the Kursk region, officials say.'),
      para('In return, Moscow will deliver about 700,000 tonnes of rice to Pyongyang this winter.'),
      para('Each North Korean soldier who fights for Russia is paid about 2,000 dollars a month.'),
    ];
    const summary = summarize(blocks, 'en', { title });
    expect(summary).not.toContain('Kim Jong-un sends special forces to Russia.');
    expect(summary.filter((s) => s.startsWith('North Korea has sent'))).toHaveLength(1);
    expect(summary).toHaveLength(3);
  });

  it('prefers the story to a voice: a sentence that is all quote weighs less', () => {
    const blocks = [
      para('The Kremlin is gathering 50,000 Russian and North Korean soldiers in the Kursk region.'),
      para('“We have seen no armoured vehicles from North Korea in the Kursk region,” the analyst said.'),
      para('The soldiers are to be flown to the Kursk region before the new US president takes office.'),
    ];
    expect(summarize(blocks, 'en', { count: 2 })).toEqual([blocks[0]?.text, blocks[2]?.text]);
  });

  it('grows from three to five sentences with the article', () => {
    expect([1500, 2500, 4500].map(summaryLength)).toEqual([3, 4, 5]);
  });

  it('is empty, not invented, when the article has no sentence of six words', () => {
    expect(summarize([para('Breaking news.'), para('More soon.')], 'en')).toEqual([]);
  });
});
