#!/usr/bin/env node
// Web page benchmark (a report, not a test): opens storefront pages of a running site in Debian's
// Chromium (playwright-core) on a throttled phone profile like Lighthouse's mobile one (150 ms RTT,
// 1.6 Mbit/s down, 750 kbit/s up, CPU slowed 4x), cold cache, and reports first contentful paint,
// largest contentful paint, DOMContentLoaded, load, and the bytes transferred (JavaScript and all).
//
//   npm run demo                                   # in another terminal: the seeded site on :3000
//   node bench/web.bench.mjs [--url http://127.0.0.1:3000] [--runs 3] [--paths /,/products]
//
// Writes bench/results/web-<date>.json unless --no-json. CHROMIUM_PATH overrides /usr/bin/chromium.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:3000' },
    runs: { type: 'string', default: '3' },
    paths: { type: 'string', default: '/,/products,/products?search=miel' },
    'no-json': { type: 'boolean', default: false },
  },
  strict: true,
});
const runs = Math.max(1, Math.min(20, Number(values.runs) || 3));
const paths = values.paths.split(',').filter(Boolean);
const PROFILE = {
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
  cpu: 4,
};

/** The median of the samples that have a value (NaN when none has). */
const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : Number.NaN;
};

async function measure(browser, url) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'fr-MA' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...PROFILE });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PROFILE.cpu });
  const types = new Map();
  let js = 0;
  let all = 0;
  cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
  cdp.on('Network.loadingFinished', (e) => {
    all += e.encodedDataLength;
    if (types.get(e.requestId) === 'Script') js += e.encodedDataLength;
  });
  await page.addInitScript(() => {
    window.__lcp = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__lcp = entry.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  // Headless Chromium may report the paint entries a little after the load event.
  await page
    .waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, {
      timeout: 10_000,
    })
    .catch(() => undefined);
  const timings = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    return {
      fcp: fcp ? fcp.startTime : null,
      lcp: window.__lcp || null,
      domContentLoaded: nav.domContentLoadedEventEnd,
      load: nav.loadEventEnd,
    };
  });
  await context.close();
  return { ...timings, jsBytes: js, totalBytes: all };
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-dev-shm-usage'],
});
const results = [];
try {
  for (const p of paths) {
    const samples = [];
    for (let i = 0; i < runs; i++) samples.push(await measure(browser, new URL(p, values.url).toString()));
    const pick = (k) => median(samples.map((s) => s[k] ?? Number.NaN));
    results.push({
      path: p,
      fcpMs: Math.round(pick('fcp')),
      lcpMs: Math.round(pick('lcp')),
      domContentLoadedMs: Math.round(pick('domContentLoaded')),
      loadMs: Math.round(pick('load')),
      jsKB: +(pick('jsBytes') / 1024).toFixed(1),
      totalKB: +(pick('totalBytes') / 1024).toFixed(1),
    });
  }
} finally {
  await browser.close();
}
process.stdout.write(`Throttled phone (150 ms RTT, 1.6 Mbit/s, CPU x4), median of ${runs} cold loads:\n`);
console.table(results);
if (!values['no-json']) {
  await mkdir(path.join(ROOT, 'bench', 'results'), { recursive: true });
  const file = path.join(ROOT, 'bench', 'results', `web-${new Date().toISOString().slice(0, 10)}.json`);
  await writeFile(file, JSON.stringify({ url: values.url, profile: PROFILE, runs, results }, null, 2));
  process.stdout.write(`Written: ${path.relative(ROOT, file)}\n`);
}
