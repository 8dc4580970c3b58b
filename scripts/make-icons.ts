/**
 * `npx tsx scripts/make-icons.ts`: the toolbar and store icons (public/icon/<size>.png) drawn
 * from assets/icon.svg by the Debian Chromium the e2e tests use (no image tool is needed).
 */
import { readFile, writeFile } from 'node:fs/promises';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_BINARY } from '../tests/e2e/harness/prerequisites';

const SIZES = [16, 32, 48, 96, 128];
const svg = await readFile('assets/icon.svg', 'utf8');
const browser = await puppeteer.launch({ executablePath: CHROMIUM_BINARY, headless: true, args: ['--no-sandbox'] });
try {
  const page = await browser.newPage();
  for (const size of SIZES) {
    await page.setViewport({ width: size, height: size });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}</style><img width="${size}" height="${size}" src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}">`,
    );
    await page.waitForFunction(() => document.images[0]?.complete);
    await writeFile(`public/icon/${size}.png`, await page.screenshot({ omitBackground: true, type: 'png' }));
  }
} finally {
  await browser.close();
}
