/**
 * The seed page (DESIGN.md, "The seed page") against its hand-checked expected report, in both
 * variants: times only as the site shows them, and with JSON-LD / meta.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '@/core/report';
import { loadPage, parse, SEED_DIR } from '../support/pages';

const expected = JSON.parse(readFileSync(path.join(SEED_DIR, 'expected.json'), 'utf8')) as {
  title: string;
  byline: string;
  siteName: string;
  lang: string;
  readerable: boolean;
  excerpt: string;
  published: string;
  modified: string;
  articleText: string[];
  boilerplate: { removedByReadability: string[]; keptByReadability: string[]; captionsOutOfText: string[] };
  pullQuoteAttributions: string[];
  summaryLead3: string[];
  quotes: { text: string; speaker: string }[];
  figures: { text: string; value: number }[];
};

const NOW = new Date('2026-01-01T00:00:00Z');

describe.each(['watson-visible-times.html', 'watson-metadata.html'])('seed page %s', (file) => {
  const report = analyze(loadPage(path.join(SEED_DIR, file)), { now: NOW });

  it('has the article metadata', () => {
    expect(report.title).toBe(expected.title);
    expect(report.byline).toBe(expected.byline);
    expect(report.siteName).toBe(expected.siteName);
    expect(report.lang).toBe(expected.lang);
    expect(report.readerable).toBe(expected.readerable);
    expect(report.excerpt).toBe(expected.excerpt);
    expect(report.extraction).toBe('readability');
  });

  it('has the published and updated times, Swiss time in November', () => {
    expect(report.published?.iso).toBe(expected.published);
    expect(report.modified?.iso).toBe(expected.modified);
  });

  it('keeps every paragraph of the article, as one paragraph each', () => {
    const paragraphs = report.text.split('\n\n');
    for (const paragraph of expected.articleText) expect(paragraphs).toContain(paragraph);
  });

  it('leaves out the navigation, teasers and comments', () => {
    for (const boilerplate of expected.boilerplate.removedByReadability) expect(report.text).not.toContain(boilerplate);
  });

  it('leaves out the image credit, the variant-headline figure title and the caption (reader clean-up, issue 3)', () => {
    const { keptByReadability, captionsOutOfText } = expected.boilerplate;
    for (const boilerplate of [...keptByReadability, ...captionsOutOfText])
      expect(report.text).not.toContain(boilerplate);
  });
  it('finds the six quotes by Ruslan Leviev and the eleven figures', () => {
    expect(report.quotes.map(({ text, speaker }) => ({ text, speaker }))).toEqual(
      expected.quotes.map(({ text, speaker }) => ({ text, speaker })),
    );
    // The expected texts carry the words around a figure ("près de", "de riz"); ours is the figure itself.
    expect(report.figures.map((f) => f.value)).toEqual(expected.figures.map((f) => f.value));
    report.figures.forEach((figure, i) => expect(expected.figures[i]?.text).toContain(figure.text));
  });

  it('summarises in three sentences of the body, none from teasers or captions', () => {
    expect(report.summary).toHaveLength(3);
    const body = expected.articleText.join(' ');
    const furniture = [
      ...expected.boilerplate.removedByReadability,
      ...expected.boilerplate.keptByReadability,
      ...expected.boilerplate.captionsOutOfText,
    ];
    for (const sentence of report.summary) {
      expect(body).toContain(sentence);
      for (const line of furniture) expect(sentence).not.toContain(line);
      expect(expected.pullQuoteAttributions).not.toContain(sentence);
    }
    // Hand-checked against the seed text (expected.json): its first three body sentences.
    expect(report.summary).toEqual(expected.summaryLead3);
  });
});

describe('seed page sources', () => {
  it('says where each time came from', () => {
    const visible = analyze(loadPage(path.join(SEED_DIR, 'watson-visible-times.html')), { now: NOW });
    expect(visible.published?.source).toBe('text:header, zone Europe/Zurich from .ch');
    const metadata = analyze(loadPage(path.join(SEED_DIR, 'watson-metadata.html')), { now: NOW });
    expect(metadata.published?.source).toBe('json-ld:datePublished');
    expect(metadata.modified?.source).toBe('json-ld:dateModified');
  });

  it('infers the zone from the language when the site has a generic domain', () => {
    const html = readFileSync(path.join(SEED_DIR, 'watson-visible-times.html'), 'utf8').replaceAll(
      'www.watson.ch',
      'www.example.com',
    );
    const report = analyze(parse(html), { now: NOW, url: 'https://www.example.com/article' });
    expect(report.published).toEqual({
      iso: '2024-11-14T05:48:00+01:00',
      source: 'text:header, zone Europe/Zurich from fr-CH',
    });
  });
});
