import { openBrowser, registerNewUser, type Browser } from './browser';

// The first-run flow of the stack issue, on a phone-sized screen, through NGINX.
describe('a new user tracks a habit and a workout', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('registers, adds and checks off a habit, logs a workout with two sets, and still sees all of it after a reload', async () => {
    const { page } = browser;

    await registerNewUser(page);

    await page.getByRole('link', { name: 'Habits' }).click();
    await page.getByLabel('Habit name').fill('Stretch for 10 minutes');
    await page.getByRole('button', { name: 'Add habit' }).click();
    await page.getByText('Stretch for 10 minutes').waitFor();

    await page.getByRole('link', { name: 'Today' }).click();
    const habit = page.getByRole('checkbox', { name: 'Stretch for 10 minutes' });
    await habit.check();
    await page.getByText('All done').waitFor();

    await page.getByRole('link', { name: 'Workouts' }).click();
    await page.getByRole('button', { name: 'Start empty workout' }).click();
    await page.getByLabel('Search exercises').fill('Back Squat');
    await page.getByRole('button', { name: 'Add Back Squat' }).click();
    await page.getByLabel('Exercise 1 set 1 reps').fill('5');
    await page.getByLabel('Exercise 1 set 1 weight (kg)').fill('100');
    await page.getByRole('button', { name: 'Add set to exercise 1' }).click();
    await page.getByLabel('Exercise 1 set 2 reps').fill('5');
    await page.getByLabel('Exercise 1 set 2 weight (kg)').fill('102,5');
    await page.getByRole('button', { name: 'Finish workout' }).click();
    await page.getByText('Workout saved.').waitFor();

    await page.reload();
    const sets = page.getByRole('list', { name: 'Sets of Back Squat' });
    await sets.waitFor();
    expect(await sets.getByRole('listitem').allInnerTexts()).toEqual([
      expect.stringMatching(/5\s*×\s*100/),
      expect.stringMatching(/5\s*×\s*102\.5/),
    ]);

    await page.getByRole('link', { name: 'Today' }).click();
    expect(await page.getByRole('checkbox', { name: 'Stretch for 10 minutes' }).isChecked()).toBe(
      true,
    );
  });
});
