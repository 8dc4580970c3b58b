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

/** A section front: a dozen short linked teasers, nav and footer, no prose. */
export const NOT_AN_ARTICLE_FIXTURE = 'pages/not-an-article.html';

/** Path of a fixture for the CLI, which runs from the repository root. */
export function fixtureFile(fixture: string): string {
  return `tests/fixtures/${fixture}`;
}
