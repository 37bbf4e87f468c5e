// The frontend's side of the bench: which API calls the Today page makes, how much JavaScript each
// page loads first, and a Lighthouse run of the signed-in Today page. Chromium is always Debian's
// /usr/bin/chromium; nothing is downloaded.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

import { REFRESH_COOKIE } from './http.mjs';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const FALLBACK_TODAY_CALLS = ['/api/today?date=2000-01-01'];

/**
 * Opens /today in Chromium as a signed-in user (its refresh cookie injected) and records the GET
 * calls the page makes to the API, sign-in calls excepted.
 */
export async function discoverTodayCalls({ browserUrl, refreshToken }) {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(path.join(tmpdir(), 'hg-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 390, height: 844 },
  });
  try {
    const { hostname } = new URL(browserUrl);
    await context.addCookies([
      {
        name: REFRESH_COOKIE,
        value: refreshToken,
        domain: hostname,
        path: '/api/auth',
        httpOnly: true,
        sameSite: 'Strict',
      },
    ]);
    const page = context.pages()[0] ?? (await context.newPage());
    const calls = [];
    page.on('response', (response) => {
      const url = new URL(response.url());
      const isApi = url.pathname.startsWith('/api/') && !url.pathname.startsWith('/api/auth/');
      if (isApi && response.request().method() === 'GET') {
        calls.push({ path: `${url.pathname}${url.search}`, status: response.status() });
      }
    });
    await page.goto(`${browserUrl}/today`, { waitUntil: 'networkidle', timeout: 30_000 });
    const failed = calls.filter((call) => call.status !== 200 && call.status !== 304);
    if (calls.length === 0 || failed.length > 0) {
      throw new Error(`the Today page made no successful API calls (${JSON.stringify(calls)})`);
    }
    return [...new Set(calls.map((call) => call.path))];
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Script URLs a page's HTML makes the browser download: its scripts and script preloads. */
function scriptsOf(html) {
  const scripts = new Set();
  for (const tag of html.match(/<script\b[^>]*>/g) ?? []) {
    const src = /\ssrc="([^"]+)"/.exec(tag)?.[1];
    // noModule scripts (legacy polyfills) are skipped by every browser that runs modules.
    if (src && !/\snoModule\b/i.test(tag)) {
      scripts.add(src);
    }
  }
  for (const tag of html.match(/<link\b[^>]*>/g) ?? []) {
    if (/\sas="script"/.test(tag) && /\srel="(preload|modulepreload)"/.test(tag)) {
      scripts.add(/\shref="([^"]+)"/.exec(tag)?.[1]);
    }
  }
  return [...scripts].filter(Boolean);
}

/**
 * First-load JavaScript per page: the scripts each page's HTML (as served) references, read from
 * the build in frontend/.next/static and gzipped at level 9, summed. Next 16 no longer prints it.
 */
export async function measureFirstLoadJs({ root, baseUrl }) {
  const nextDir = path.join(root, 'frontend', '.next');
  const manifest = JSON.parse(
    readFileSync(path.join(nextDir, 'app-path-routes-manifest.json'), 'utf8'),
  );
  const routes = Object.entries(manifest)
    .filter(([entry, route]) => entry.endsWith('/page') && !route.startsWith('/_'))
    .map(([, route]) => route)
    .sort();
  const pages = {};
  for (const route of routes) {
    const response = await fetch(new URL(route, baseUrl));
    const html = await response.text();
    let raw = 0;
    let gzip = 0;
    const files = scriptsOf(html);
    for (const src of files) {
      const file = path.join(
        nextDir,
        'static',
        new URL(src, baseUrl).pathname.replace(/^\/_next\/static\//, ''),
      );
      const bytes = readFileSync(file);
      raw += bytes.length;
      gzip += gzipSync(bytes, { level: 9 }).length;
    }
    pages[route] = {
      status: response.status,
      scripts: files.length,
      rawKb: kb(raw),
      gzipKb: kb(gzip),
    };
  }
  return pages;
}

function kb(bytes) {
  return Math.round(bytes / 100) / 10;
}

/**
 * Lighthouse (mobile profile, its default simulated throttling) of /today, signed in: the refresh
 * cookie goes with every request as an extra header, so the page's one refresh call signs it in.
 * The browser runs in the user's time zone (`timeZone`), as the user's own phone does; in another
 * zone the page adds a notice offering to switch, which a traveller sees, not the usual visit.
 */
export async function runLighthouse({ browserUrl, refreshToken, reportFile, timeZone }) {
  process.env.CHROME_PATH = CHROMIUM;
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: CHROMIUM_FLAGS,
    envVars: { ...process.env, ...(timeZone ? { TZ: timeZone } : {}) },
  });
  try {
    const url = `${browserUrl}/today`;
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance'],
      extraHeaders: { Cookie: `${REFRESH_COOKIE}=${refreshToken}` },
    });
    const lhr = result.lhr;
    writeFileSync(reportFile, result.report);
    const requests = lhr.audits['network-requests']?.details?.items ?? [];
    const todayCall = requests.find((item) => new URL(item.url).pathname.startsWith('/api/today'));
    const metric = (name) => {
      const value = lhr.audits[name]?.numericValue;
      return value === undefined ? null : Math.round(value);
    };
    return {
      url,
      deviceTimeZone: timeZone ?? 'the machine’s',
      signedIn: todayCall?.statusCode === 200,
      measured:
        todayCall?.statusCode === 200
          ? 'the Today page signed in (refresh cookie injected), with its habits loaded'
          : 'the Today page as served to a visitor whose sign-in did not happen',
      score:
        lhr.categories.performance.score === null
          ? null
          : Math.round(lhr.categories.performance.score * 100),
      firstContentfulPaintMs: metric('first-contentful-paint'),
      largestContentfulPaintMs: metric('largest-contentful-paint'),
      totalBlockingTimeMs: metric('total-blocking-time'),
      cumulativeLayoutShift: lhr.audits['cumulative-layout-shift']?.numericValue ?? null,
      speedIndexMs: metric('speed-index'),
      formFactor: lhr.configSettings.formFactor,
      throttling: lhr.configSettings.throttlingMethod,
      benchmarkIndex: lhr.environment?.benchmarkIndex ?? null,
      warnings: lhr.runWarnings ?? [],
      lighthouseVersion: lhr.lighthouseVersion,
      report: path.basename(reportFile),
    };
  } finally {
    await chrome.kill();
  }
}
