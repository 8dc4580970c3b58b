// The pages the e2e tests open, with the values a person read off the seed page (DESIGN.md,
// "The seed page"). The tests check the CLI against these too, so popup == CLI cannot pass by
// both being wrong in the same way.

export interface SeedCase {
  /** Short name, used in test names and screenshot names. */
  readonly name: string;
  /** Relative to tests/fixtures (served over HTTP) and to the repository (for the CLI). */
  readonly fixture: string;
}

export const SEED_CASES: readonly SeedCase[] = [
  { name: 'seed-visible-times', fixture: 'seed/watson-visible-times.html' },
  { name: 'seed-metadata', fixture: 'seed/watson-metadata.html' },
];

export const SEED_EXPECTED = {
  title: 'Poutine envoie des milliers de Nord-Coréens à Koursk en urgence',
  published: '2024-11-14T05:48:00+01:00',
  modified: '2024-11-14T10:09:00+01:00',
} as const;

/**
 * Both browsers run in the seed page's own zone (READER_TIME_ZONE), in English: the popup's lines
 * are then exactly what a reader in Zurich sees ("Intl" output may use a narrow no-break space
 * before AM, hence the \s).
 */
export const READER_TIME_ZONE = 'Europe/Zurich';
export const SEED_LINES = {
  published: /^Published Nov 14, 2024, 0?5:48\sAM · \d+ years? ago$/,
  modified: /^Updated 10:09\sAM, 4h 21m later$/,
} as const;

/** A section front: a dozen short linked teasers, nav and footer, no prose. */
export const NOT_AN_ARTICLE_FIXTURE = 'pages/not-an-article.html';

/** Path of a fixture for the CLI, which runs from the repository root. */
export function fixtureFile(fixture: string): string {
  return `tests/fixtures/${fixture}`;
}

/**
 * Three readerable pages of the AEB corpus (`../shared/corpora/aeb`), from three sites, each with
 * a long text (checked with `npx tsx cli/analyze.ts FILE`: readerable true, 1,394–2,511 words).
 * Served by the fixture server at `/corpora/aeb/<id>.html`, read by the CLI from the corpus.
 */
export interface AebCase {
  readonly name: string;
  readonly id: string;
}

export const AEB_READER_CASES: readonly AebCase[] = [
  // vox.com, English, no charset declared (decoded as UTF-8), 66 paragraphs.
  { name: 'aeb-vox', id: '16c30add7e96315e9cc957d85aa876ccb6b70055f0ddab51547a586117cc1f56' },
  // wired.com, English, 32 paragraphs.
  { name: 'aeb-wired', id: '2f42ef1d3ea0c96e56355d3db93d0e06b47e760b74f6f4261278b8cd1c246dd6' },
  // blog.comwrap.com, German, 43 paragraphs, no og:site_name.
  { name: 'aeb-comwrap-de', id: '57b4dafd18cfd0531b69f81e87158648227c673ef159f8d8c87d34e34bdb21f2' },
];

/** Path of an AEB page for the CLI, which runs from the repository root. */
export function aebFile(id: string): string {
  return `../shared/corpora/aeb/html/${id}.html.gz`;
}

/** A long article stuffed with XSS vectors; see the comment at its top. */
export const XSS_FIXTURE = 'pages/xss-article.html';
