import { openBrowser, registerNewUser, type Browser } from './browser';

// Issue 4 on a phone-sized screen (390 × 844), through NGINX: a routine, a workout started from
// it, three sets typed with a decimal comma, and the records the finished workout set.
describe('a lifter logs a workout from a routine on a phone', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await openBrowser({ width: 390, height: 844 });
  });

  afterAll(async () => {
    await browser.close();
  });

  it('builds a routine, starts it, logs three sets of 62,5 kg, finishes, and sees the records', async () => {
    const { page } = browser;

    await registerNewUser(page);

    await page.getByRole('link', { name: 'Workouts' }).click();
    await page.getByRole('link', { name: 'Routines' }).click();
    await page.getByRole('link', { name: 'New routine' }).click();
    await page.getByLabel('Routine name').fill('Push day');
    await page.getByRole('button', { name: '+ Add exercise' }).click();
    await page.getByLabel('Search exercises').fill('bench press');
    await page.getByRole('button', { name: 'Add Bench Press', exact: true }).click();
    await page.getByLabel('Exercise 1 set 1 reps').fill('5');
    await page.getByRole('button', { name: 'Add set to exercise 1' }).click();
    await page.getByRole('button', { name: 'Add set to exercise 1' }).click();
    await page.getByRole('button', { name: 'Save routine' }).click();

    await page.getByRole('button', { name: 'Start Push day' }).click();
    await page.waitForURL(/\/workouts\/log/);
    for (const set of [1, 2, 3]) {
      expect(await page.getByLabel(`Exercise 1 set ${set} reps`).inputValue()).toBe('5');
      await page.getByLabel(`Exercise 1 set ${set} weight (kg)`).fill('62,5');
      await page.getByLabel(`Exercise 1 set ${set} done`).check();
    }
    await page
      .getByRole('timer', { name: 'Rest timer' })
      .getByText(/Rest \d:\d\d/)
      .waitFor();
    await page.getByRole('button', { name: 'Skip' }).click();

    await page.getByRole('button', { name: 'Plates' }).click();
    await page.getByLabel('Target weight (kg)').fill('62,5');
    await page.getByText('Each side: 20 + 1.25').waitFor();

    await page.getByRole('button', { name: 'Finish workout' }).click();
    await page.getByText('Workout saved.').waitFor();

    const records = page.getByRole('list', { name: 'New records' });
    expect(await records.getByRole('listitem').allInnerTexts()).toEqual([
      expect.stringMatching(/Bench Press\s+Heaviest weight: 62\.5 kg/),
      expect.stringMatching(/Bench Press\s+Best estimated 1RM: 72\.9 kg/),
      expect.stringMatching(/Bench Press\s+Best set volume: 312\.5 kg/),
      expect.stringMatching(/Bench Press\s+Most reps: 5 reps/),
    ]);
    expect(
      await page
        .getByRole('list', { name: 'Sets of Bench Press' })
        .getByRole('listitem')
        .allInnerTexts(),
    ).toEqual(['5 × 62.5 kg', '5 × 62.5 kg', '5 × 62.5 kg']);
  });
});
