import { baseUrl, openBrowser, uniqueEmail } from './browser';

// Registration says nothing about whether an email has an account (the API answers both alike);
// the sign-in that follows tells the owner what to do, and tells no one else anything new.
async function registerIn(email: string, password: string) {
  const browser = await openBrowser();
  const { page } = browser;
  await page.goto(`${baseUrl}/register`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();

  return browser;
}

describe('registering with an email that has an account', () => {
  it('signs the owner in with their own password, and otherwise points to the login page', async () => {
    const email = uniqueEmail();
    const first = await registerIn(email, 'a long enough e2e password');
    await first.page.waitForURL(/\/today/);
    await first.close();

    const owner = await registerIn(email, 'a long enough e2e password');
    await owner.page.waitForURL(/\/today/);
    await owner.close();

    const someoneElse = await registerIn(email, 'another long passphrase here');
    try {
      await someoneElse.page
        .getByRole('alert')
        .filter({ hasText: 'If you already have an account, log in with its password' })
        .waitFor();
      expect(someoneElse.page.url()).toMatch(/\/register$/);
    } finally {
      await someoneElse.close();
    }
  });
});
