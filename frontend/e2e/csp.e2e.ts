import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import type { Page } from 'playwright-core';

import { baseUrl, openBrowser, registerNewUser, type Browser } from './browser';

// Every page under the strict Content-Security-Policy of src/proxy.ts, signed out and signed in,
// with zero violations reported by the browser, and the policy shown to bite (eval refused).

interface Violation {
  directive: string;
  blocked: string;
  page: string;
}

declare global {
  interface Window {
    cspViolations?: Violation[];
  }
}

/** Collects every violation event of every document the page loads. */
async function watchViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.cspViolations?.push({
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        page: location.pathname,
      });
    });
  });
}

async function violationsOf(page: Page): Promise<Violation[]> {
  return page.evaluate(() => window.cspViolations ?? []);
}

let pagesChecked = 0;
let pageViolations = 0;

/** Loads a page by URL (a full document load), waits for it to settle, returns its violations. */
async function visit(page: Page, pathname: string, ready: () => Promise<unknown>) {
  const res = await page.goto(`${baseUrl}${pathname}`);
  await ready();
  await page.waitForLoadState('networkidle');
  const found = await violationsOf(page);
  pagesChecked += 1;
  pageViolations += found.length;

  return { policy: (await res?.headerValue('content-security-policy')) ?? '', found };
}

describe('the Content-Security-Policy of the web app', () => {
  let browser: Browser;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    browser = await openBrowser();
    await watchViolations(browser.page);
    browser.page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
        consoleErrors.push(message.text());
      }
    });
  });

  afterAll(async () => {
    await browser.close();
    const dir = path.resolve(__dirname, '..', '..', 'reports', 'hardening');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, 'csp.json'),
      JSON.stringify({
        categories: { 'pages under the CSP': { cases: pagesChecked, serverErrors: 0 } },
        writes: [],
        figures: { 'CSP violations on pages': `${pageViolations} on ${pagesChecked} page loads` },
      }),
    );
  });

  it('is strict: a nonce and strict-dynamic for scripts, no unsafe-inline, no eval, no framing', async () => {
    const { policy } = await visit(browser.page, '/login', () =>
      browser.page.getByRole('heading', { name: 'Log in' }).waitFor(),
    );

    expect(policy).toMatch(/script-src 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'(;|$)/);
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(policy).toMatch(/object-src 'none'/);
    expect(policy).toMatch(/frame-ancestors 'none'/);
    expect(policy).toMatch(/base-uri 'none'/);
    // A new nonce for every page load.
    const again = await browser.page.goto(`${baseUrl}/login`);
    expect(await again?.headerValue('content-security-policy')).not.toBe(policy);
  });

  it('loads the signed-out pages with zero violations', async () => {
    const { page } = browser;

    for (const [pathname, heading] of [
      ['/login', 'Log in'],
      ['/register', 'Create your account'],
    ] as const) {
      const { found } = await visit(page, pathname, () =>
        page.getByRole('heading', { name: heading }).waitFor(),
      );
      expect({ pathname, found }).toEqual({ pathname, found: [] });
    }
  });

  it('loads every signed-in page with zero violations, and the app works under it', async () => {
    const { page } = browser;
    await registerNewUser(page);
    await page.getByRole('link', { name: 'Habits' }).first().click();
    await page.getByLabel('Habit name').fill('Read under a strict policy');
    await page.getByRole('button', { name: 'Add habit' }).click();
    const habitLink = page.getByRole('link', { name: 'Read under a strict policy' });
    await habitLink.waitFor();
    const habitPath = (await habitLink.getAttribute('href')) ?? '';
    expect(habitPath).toMatch(/^\/habits\/[a-f0-9]{24}$/);

    // Full loads: each document gets its own policy and nonce (the refresh cookie signs it in).
    for (const [pathname, ready] of [
      ['/', () => page.waitForURL(/\/today/)],
      ['/today', () => page.getByText('Read under a strict policy').first().waitFor()],
      ['/habits', () => habitLink.waitFor()],
      [
        habitPath,
        () => page.getByRole('heading', { name: 'Read under a strict policy' }).waitFor(),
      ],
      ['/stats', () => page.getByRole('heading').first().waitFor()],
      ['/workouts', () => page.getByRole('heading', { name: 'Workouts', level: 1 }).waitFor()],
      ['/workouts/log', () => page.getByRole('button', { name: 'Start empty workout' }).waitFor()],
      [
        '/workouts/routines',
        () => page.getByRole('heading', { name: 'Routines', level: 1 }).waitFor(),
      ],
      [
        '/workouts/routines/new',
        () => page.getByRole('heading', { name: 'New routine', level: 1 }).waitFor(),
      ],
      [
        '/workouts/exercises',
        () => page.getByRole('heading', { name: 'Exercises', level: 1 }).waitFor(),
      ],
      [
        '/workouts/progress',
        () => page.getByRole('heading', { name: 'Progress', level: 1 }).waitFor(),
      ],
      ['/workouts/tools', () => page.getByRole('heading', { name: 'Tools', level: 1 }).waitFor()],
      ['/settings', () => page.getByRole('heading').first().waitFor()],
      [
        '/settings/data',
        () => page.getByRole('heading', { name: 'Recent imports', level: 3 }).waitFor(),
      ],
      ['/no-such-page', () => page.getByRole('heading').first().waitFor()],
    ] as const) {
      const { found } = await visit(page, pathname, ready);
      expect({ pathname, found }).toEqual({ pathname, found: [] });
    }
    expect(consoleErrors).toEqual([]);
  });

  it('stops a script injected into a page, as stored XSS would be, and reports it', async () => {
    const { page } = browser;
    // The server's real answer, with an attacker's inline script and handler spliced in.
    await page.route(`${baseUrl}/login`, async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(
        '<body',
        '<script>window.injected = "script"</script><img src="x" onerror="window.injected = \'handler\'"><body',
      );
      await route.fulfill({ response, body: html });
    });

    await page.goto(`${baseUrl}/login`);
    await page.getByRole('heading', { name: 'Log in' }).waitFor();
    await page.unroute(`${baseUrl}/login`);

    expect(
      await page.evaluate(() => (window as Window & { injected?: string }).injected),
    ).toBeUndefined();
    const blocked = (await violationsOf(page)).map((violation) => violation.directive);
    expect(blocked).toEqual(expect.arrayContaining(['script-src-elem', 'script-src-attr']));
  });
});
