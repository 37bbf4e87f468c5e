import { readFileSync } from 'node:fs';

import type { Page } from 'playwright-core';

// The real export files beside the repository, found the way the backend's importer tests find them.
import { importFixture } from '../../backend/src/test/fixtures';
import { baseUrl, openBrowser, uniqueEmail, type Browser } from './browser';

const PASSWORD = 'a long enough e2e password';

const STRONG_HEADER =
  '"Workout #";"Date";"Workout Name";"Duration (sec)";"Exercise Name";"Set Order";"Weight (kg)";"Reps";"RPE";"Distance (meters)";"Seconds";"Notes";"Workout Notes"';

function strongRow(workout: number, startedAt: string, set: number): string {
  return `"${workout}";"${startedAt}";"Curls";"3600";"Bicep Curl (Barbell)";"${set}";"20.0";"10";"";"";"";"";""`;
}

/** A Strong CSV of 200 daily workouts of 100 sets each: about 1.9 MB, past NGINX's usual 1 MB. */
function bigStrongCsv(): Buffer {
  const lines = [STRONG_HEADER];
  for (let workout = 0; workout < 200; workout += 1) {
    const day = new Date(Date.UTC(2023, 0, 1) + workout * 86_400_000).toISOString().slice(0, 10);
    for (let set = 1; set <= 100; set += 1) {
      lines.push(strongRow(workout + 1, `${day} 07:00:00`, set));
    }
  }
  return Buffer.from(lines.join('\n'));
}

/** One good set, then 150 rows whose date cannot be read (lines 3 to 152). */
function brokenStrongCsv(): Buffer {
  const lines = [STRONG_HEADER, strongRow(1, '2024-01-01 07:00:00', 1)];
  for (let set = 2; set <= 151; set += 1) {
    lines.push(strongRow(1, 'not a date', set));
  }
  return Buffer.from(lines.join('\n'));
}

async function register(page: Page, email: string): Promise<void> {
  await page.goto(`${baseUrl}/register`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL(/\/today/);
}

// Issue 8 on a phone-sized screen, through NGINX against the real API: a lifter brings their
// Strong history, checks it arrived, takes everything out as JSON, and deletes the account.
describe('a lifter moves from Strong, takes the data out again, and leaves', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await openBrowser({ width: 390, height: 844 });
  });

  afterAll(async () => {
    await browser.close();
  });

  it('is refused a header-only file, previews and imports a Strong CSV, sees its 10 workouts, exports JSON, and deletes the account', async () => {
    const { page } = browser;
    const email = uniqueEmail();
    await register(page, email);

    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('link', { name: 'Your data' }).click();
    await page.getByRole('heading', { name: 'Your data', level: 1 }).waitFor();
    const fileInput = page.getByLabel('File to import');

    // A file the API refuses: its reason is shown, and the form stays for another try.
    await fileInput.setInputFiles({
      name: 'header-only.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${STRONG_HEADER}\n`),
    });
    await page.getByRole('button', { name: 'Check the file' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'The file cannot be imported.' });
    await refusal.waitFor();
    expect(await refusal.innerText()).toBe(
      'The file cannot be imported. header-only.csv: The file has a header but no data.',
    );

    // A file with 150 unreadable rows: the first 100 in the table, and how many more.
    await fileInput.setInputFiles({
      name: 'broken.csv',
      mimeType: 'text/csv',
      buffer: brokenStrongCsv(),
    });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page
      .getByText('150 problems found: the parts of the file they name will be left out.')
      .waitFor();
    const brokenRows = page
      .getByRole('table', { name: 'Problems found in the file' })
      .getByRole('row');
    expect(await brokenRows.count()).toBe(1 + 100);
    expect(await brokenRows.nth(1).getByRole('cell').allInnerTexts()).toEqual([
      '3',
      'broken.csv',
      'Unreadable date "not a date".',
    ]);
    expect(await brokenRows.nth(100).getByRole('cell').first().innerText()).toBe('102');
    await page.getByText('and 50 more', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();

    // A file larger than the 1 MB NGINX allows other requests reaches the API: a preview only.
    await fileInput.setInputFiles({
      name: 'big.csv',
      mimeType: 'text/csv',
      buffer: bigStrongCsv(),
    });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByRole('heading', { name: 'Preview: Strong export' }).waitFor();
    expect(await refusal.count()).toBe(0);
    expect(
      await page
        .getByRole('list', { name: 'Found in the file' })
        .getByRole('listitem')
        .allInnerTexts(),
    ).toEqual(['200 workouts with 20,000 sets', '1 exercise: 1 found in the catalog']);
    await page.getByRole('button', { name: 'Cancel' }).click();

    await fileInput.setInputFiles(importFixture('strong', 'strong-semicolon-quoted.csv'));
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByRole('heading', { name: 'Preview: Strong export' }).waitFor();
    expect(
      await page
        .getByRole('list', { name: 'Found in the file' })
        .getByRole('listitem')
        .allInnerTexts(),
    ).toEqual([
      '10 workouts with 166 sets',
      '19 exercises: 15 found in the catalog, 4 new ones of your own',
    ]);
    // Seven sets with no value at all, in four workouts, are named and left out.
    await page
      .getByText('4 problems found: the parts of the file they name will be left out.')
      .waitFor();
    const problems = page
      .getByRole('table', { name: 'Problems found in the file' })
      .getByRole('row');
    expect(await problems.count()).toBe(5);
    expect(await problems.nth(1).getByRole('cell').allInnerTexts()).toEqual([
      '–',
      '–',
      'Workout of 2025-08-19 13:47:15: left out 1 set(s) without reps, weight, time or distance.',
    ]);

    await page.getByRole('button', { name: 'Confirm import' }).click();
    const job = page.getByRole('region', { name: 'Import from Strong' });
    await job.getByText('Import done.', { exact: true }).waitFor({ timeout: 30_000 });
    expect(await job.locator('.alert').innerText()).toBe(
      'Import done. Imported 10 workouts (159 sets).',
    );
    const recent = page.getByRole('list', { name: 'Recent imports' }).getByRole('listitem');
    await recent.filter({ hasText: 'Done' }).waitFor();
    expect(await recent.count()).toBe(1);
    expect(await recent.first().innerText()).toContain('strong-semicolon-quoted.csv');

    // The same file again would add nothing: the preview says so, and is cancelled.
    await page.getByRole('button', { name: 'Import another file' }).click();
    await fileInput.setInputFiles(importFixture('strong', 'strong-semicolon-quoted.csv'));
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByText('10 workouts are already in your account and will be skipped.').waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Check the file' }).waitFor();

    await page.getByRole('link', { name: 'Workouts' }).click();
    await page.waitForURL(/\/workouts$/);
    const workouts = page.getByRole('article', { name: /^Workout on / });
    await workouts.nth(9).waitFor();
    expect(await workouts.count()).toBe(10);
    // The oldest, the file's first: 28 November 2024, with 7 of its 10 sets at 10 kg, its
    // "Bent Over Row (Barbell)" found in the catalog as Barbell Row.
    const first = page.getByRole('article', { name: /2024/ });
    expect(await first.count()).toBe(1);
    const firstSets = first.getByRole('list', { name: /^Sets of / }).getByRole('listitem');
    expect(await firstSets.count()).toBe(10);
    expect(await firstSets.filter({ hasText: /× 10 kg$/ }).count()).toBe(7);
    expect(
      await first
        .getByRole('list', { name: 'Sets of Barbell Row' })
        .getByRole('listitem')
        .allInnerTexts(),
    ).toEqual(['16 × 10 kg', '17 × 10 kg', '13 × 10 kg']);

    // Everything as JSON, named by the API, with the 10 imported workouts in it.
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('link', { name: 'Your data' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download Everything (JSON)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^habit-gym-tracker-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
    expect(exported.workouts).toHaveLength(10);
    await page.getByText(`Saved ${download.suggestedFilename()}.`).waitFor();

    // Workouts as CSV: a header, then one row per imported set.
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download Workouts (CSV)' }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/^habit-gym-tracker-\d{4}-\d{2}-\d{2}\.workouts\.csv$/);
    const rows = readFileSync(await csv.path(), 'utf8')
      .trimEnd()
      .split(/\r?\n/);
    expect(rows).toHaveLength(1 + 159);

    // The danger zone asks twice: the password, and the box ticked.
    await page.getByRole('button', { name: 'Delete my account…' }).click();
    await page.getByRole('button', { name: 'Delete my account for good' }).click();
    await page.getByText('Tick the box to confirm the deletion.').waitFor();
    await page.getByLabel('Password', { exact: true }).fill('not the password');
    await page.getByLabel(/I understand/).check();
    await page.getByRole('button', { name: 'Delete my account for good' }).click();
    await page.getByText('The password is not right. Your account has not been deleted.').waitFor();

    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Delete my account for good' }).click();
    await page.waitForURL(/\/login$/);
    await page.getByText('Your account and everything in it have been deleted.').waitFor();

    // The account is gone: its password signs no one in, and a reload starts signed out.
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByText('The email or password is incorrect.').waitFor();
    await page.goto(`${baseUrl}/settings/data`);
    await page.waitForURL(/\/login/);
  });
});

// The habit side on a desktop screen: a HabitBull user brings four habits and their days.
describe('a HabitBull user brings their habits, on a desktop screen', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await openBrowser({ width: 1280, height: 800 });
  });

  afterAll(async () => {
    await browser.close();
  });

  it('previews 4 habits with 14 days (4 repeated rows left out), imports them and finds them on the Habits page', async () => {
    const { page } = browser;
    await register(page, uniqueEmail());

    await page.goto(`${baseUrl}/settings/data`);
    await page
      .getByLabel('File to import')
      .setInputFiles(importFixture('habitbull', 'habitbull.csv'));
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByRole('heading', { name: 'Preview: HabitBull export' }).waitFor();
    expect(
      await page
        .getByRole('list', { name: 'Found in the file' })
        .getByRole('listitem')
        .allInnerTexts(),
    ).toEqual(['4 habits with 14 days of history']);
    await page
      .getByText('4 problems found: the parts of the file they name will be left out.')
      .waitFor();

    await page.getByRole('button', { name: 'Confirm import' }).click();
    const job = page.getByRole('region', { name: 'Import from HabitBull' });
    await job.getByText('Import done.', { exact: true }).waitFor({ timeout: 30_000 });
    expect(await job.locator('.alert').innerText()).toBe(
      'Import done. Imported 4 habits (14 days).',
    );

    await job.getByRole('link', { name: 'See your habits' }).click();
    await page.waitForURL(/\/habits$/);
    for (const name of ['Breed dragons', 'Reduce sleep', 'No-arms pushup', 'Grow spiritually']) {
      await page.getByRole('link', { name, exact: true }).waitFor();
    }
  });
});
