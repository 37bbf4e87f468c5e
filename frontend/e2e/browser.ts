import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const baseUrl = process.env.E2E_BASE_URL ?? 'http://localhost:8180';

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  page: Page;
  close: () => Promise<void>;
}

/** Debian's Chromium with a fresh profile; never a downloaded browser. */
export async function openBrowser(
  viewport = { width: 390, height: 844 },
  { timezoneId }: { timezoneId?: string } = {},
): Promise<Browser> {
  const profile = mkdtempSync(path.join(tmpdir(), 'hg-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport,
    ...(timezoneId ? { timezoneId } : {}),
  });
  const page = context.pages()[0] ?? (await context.newPage());

  return {
    context,
    page,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

let userCount = 0;

export function uniqueEmail(): string {
  userCount += 1;

  return `e2e${userCount}.${Date.now()}@example.test`;
}

/** Registers a new account through the form and waits for the Today page. */
export async function registerNewUser(page: Page): Promise<void> {
  await page.goto(`${baseUrl}/register`);
  await page.getByLabel('Email').fill(uniqueEmail());
  await page.getByLabel('Password', { exact: true }).fill('a long enough e2e password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL(/\/today/);
}
