/**
 * The benchmark's hooks (utils/bench-marks.ts, utils/bench-readability.ts) exist in the bench
 * build only: in the builds readers get, Vite drops every call guarded by
 * `import.meta.env.MODE === 'bench'` and the modules with them. Checked on the built files, as
 * the bundle budgets are, so a hook that slips out of its guard fails here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BENCH_MEASURES, PLAIN_READABILITY_HASH } from '../../utils/bench-marks';

const TARGETS = ['chrome-mv3', 'firefox-mv3'];
const MARKERS = [...Object.values(BENCH_MEASURES), PLAIN_READABILITY_HASH.slice(1), 'bench=fixed', 'sourceMappingURL'];

function scripts(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(?:js|html)$/.test(file))
    .map((file) => path.join(dir, file));
}

describe.each(TARGETS)('no benchmark code in %s', (target) => {
  const dir = path.resolve('.output', target);

  it('is built', () => {
    expect(existsSync(path.join(dir, 'manifest.json')), `run "npm run build" first (${dir})`).toBe(true);
  });

  it('has none of the bench hooks', () => {
    const found = scripts(dir).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return MARKERS.filter((marker) => text.includes(marker)).map(
        (marker) => `${path.relative(dir, file)}: ${marker}`,
      );
    });
    expect(found).toEqual([]);
  });
});
