import { openBrowser, registerNewUser, type Browser } from './browser';

// The user's zone, far from the machine's: every "today" below is Kiritimati's (UTC+14).
const ZONE = 'Pacific/Kiritimati';

function localDate(offsetDays = 0): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date());
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + offsetDays)).toISOString().slice(0, 10);
}

function weekdayOf(date: string): number {
  return new Date(`${date}T12:00:00Z`).getUTCDay();
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

describe('habits on the Today page and a habit’s history page', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await openBrowser({ width: 390, height: 844 }, { timezoneId: ZONE });
  });

  afterAll(async () => {
    await browser.close();
  });

  it('lists what is due first and marks the overdue, records a value, a past day and a skip, and shows streaks and the year', async () => {
    const { page } = browser;

    await registerNewUser(page);

    // A yes/no habit with a reminder at midnight: overdue until done.
    await page.getByRole('link', { name: 'Habits' }).click();
    await page.getByLabel('Habit name').fill('Stretch');
    await page.getByText('More options').click();
    await page.getByLabel('Reminder').fill('00:00');
    await page.getByRole('button', { name: 'Add habit' }).click();
    await page.getByRole('link', { name: 'Stretch' }).waitFor();

    // A measurable habit: at least 8 glasses.
    await page.getByLabel('Habit name').fill('Water');
    await page.getByText('More options').click();
    await page.getByLabel('A number (measurable)').check();
    await page.getByLabel('Target value').fill('8');
    await page.getByLabel('Unit').fill('glasses');
    await page.getByRole('button', { name: 'Add habit' }).click();
    await page.getByRole('link', { name: 'Water' }).waitFor();

    // A habit due only tomorrow's weekday: not due today.
    await page.getByLabel('Habit name').fill('Piano');
    await page.getByText('More options').click();
    await page.getByLabel('Schedule').selectOption('weekdays');
    for (const name of ['Mon', 'Tue', 'Wed', 'Thu', 'Fri']) {
      await page.getByLabel(name, { exact: true }).uncheck();
    }
    await page.getByLabel(WEEKDAYS[weekdayOf(localDate(1))] as string, { exact: true }).check();
    await page.getByRole('button', { name: 'Add habit' }).click();
    await page.getByRole('link', { name: 'Piano' }).waitFor();

    await page.getByRole('link', { name: 'Today' }).click();
    const due = page.getByRole('list', { name: 'Due this day', exact: true });
    const notDue = page.getByRole('list', { name: 'Not due this day' });
    await due.waitFor();
    expect(await due.locator('.check-name').allInnerTexts()).toEqual(['Stretch', 'Water']);
    expect(await notDue.locator('.check-name').allInnerTexts()).toEqual(['Piano']);
    const stretch = due.getByRole('listitem').filter({ hasText: 'Stretch' });
    expect(await stretch.getByText('Overdue').isVisible()).toBe(true);

    await page.getByRole('checkbox', { name: 'Stretch' }).check();
    await stretch.getByText('Overdue').waitFor({ state: 'detached' });
    await page.getByLabel('Water (glasses)').fill('8');
    await page.getByRole('button', { name: 'Save Water' }).click();
    await page.getByText('Recorded: 8 glasses').waitFor();
    await page.getByText('All done').waitFor();

    // Yesterday, through the day navigator: before the habits began, so nothing is due; checking
    // Stretch there moves its start back a day and makes it due.
    await page.getByRole('button', { name: 'Previous day' }).click();
    await page.getByRole('heading', { name: 'Yesterday' }).waitFor();
    await notDue.waitFor();
    expect(await due.count()).toBe(0);
    await page.getByRole('checkbox', { name: 'Stretch' }).check();
    await page.getByText('All done').waitFor();
    expect(await due.locator('.check-name').allInnerTexts()).toEqual(['Stretch']);

    // The history page: 2 days so far; the day before yesterday from the heat map makes 3, and a
    // skipped day before it neither breaks nor extends the streak.
    await page.getByRole('link', { name: 'Habits' }).click();
    await page.getByRole('link', { name: 'Stretch' }).click();
    await page.getByRole('heading', { name: 'Stretch' }).waitFor();
    const streaks = page.getByRole('definition');
    await page.getByText('Current streak').waitFor();
    expect(await streaks.first().innerText()).toBe('2 days');
    expect(await page.locator(`[data-date="${localDate()}"]`).getAttribute('aria-label')).toMatch(
      /: done$/,
    );

    await page.locator(`[data-date="${localDate(-2)}"]`).click();
    await page.getByRole('button', { name: 'Mark done' }).click();
    await page.waitForFunction(() => document.querySelector('.stat dd')?.textContent === '3 days');
    await page.locator(`[data-date="${localDate(-3)}"]`).click();
    await page.getByLabel('Note', { exact: true }).fill('travelling');
    await page.getByRole('button', { name: 'Skip day' }).click();
    await page.getByText('Skipped', { exact: true }).waitFor();
    expect(await page.locator(`[data-date="${localDate(-3)}"]`).getAttribute('aria-label')).toMatch(
      /: skipped$/,
    );
    expect(await streaks.first().innerText()).toBe('3 days');
    await page.getByRole('list', { name: 'Completion by week' }).waitFor();

    // The dashboard shows the same streak; the settings keep the zone the browser sent.
    await page.getByRole('link', { name: 'Stats' }).click();
    const stretchSummary = page.getByRole('listitem').filter({ hasText: 'Stretch' });
    await stretchSummary.getByText('3 days').waitFor();

    await page.getByRole('link', { name: 'Settings' }).click();
    // The form takes the profile's values once it has loaded: wait for that, then compare.
    const timeZone = page.getByLabel('Time zone');
    await page.waitForFunction(
      (zone) => [...document.querySelectorAll('select')].some((select) => select.value === zone),
      ZONE,
    );
    expect(await timeZone.inputValue()).toBe(ZONE);
    await page.getByLabel('Week starts on').selectOption('sunday');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Profile saved.').waitFor();
  });
});
