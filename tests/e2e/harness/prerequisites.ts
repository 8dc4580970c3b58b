// The e2e suite must fail loudly, never skip: a missing browser or a missing build is a broken
// environment, and a skipped suite would let a green run hide it.
import { existsSync } from 'node:fs';
import path from 'node:path';

export const CHROMIUM_BINARY = '/usr/lib/chromium/chromium';
export const FIREFOX_BINARY = '/usr/bin/firefox-esr';

export function requireBrowserBinary(binary: string, installHint: string): string {
  if (!existsSync(binary)) {
    throw new Error(
      `E2E: browser binary not found at ${binary}. Install it (${installHint}); the e2e tests do not skip.`,
    );
  }
  return binary;
}

/** Absolute path of a WXT build output, after checking it was built. */
export function requireExtensionBuild(outputDir: string): string {
  const dir = path.resolve(outputDir);
  if (!existsSync(path.join(dir, 'manifest.json'))) {
    throw new Error(`E2E: no extension build in ${dir} (manifest.json missing). Run \`npm run build\` first.`);
  }
  return dir;
}
