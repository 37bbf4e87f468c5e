import { baseUrl, openBrowser, uniqueEmail, type Browser } from './browser';

// Two devices of one user: a laptop signs the phone out from Settings.
describe('a user signs another device out from Settings', () => {
  let laptop: Browser;
  let phone: Browser;

  beforeAll(async () => {
    laptop = await openBrowser({ width: 1280, height: 800 });
    phone = await openBrowser();
  });

  afterAll(async () => {
    await Promise.all([laptop.close(), phone.close()]);
  });

  it('lists both devices, marks this one, and the signed-out phone is sent to the login page', async () => {
    const email = uniqueEmail();
    const password = 'a long enough e2e password';
    await laptop.page.goto(`${baseUrl}/register`);
    await laptop.page.getByLabel('Email').fill(email);
    await laptop.page.getByLabel('Password', { exact: true }).fill(password);
    await laptop.page.getByRole('button', { name: 'Create account' }).click();
    await laptop.page.waitForURL(/\/today/);
    await phone.page.goto(`${baseUrl}/login`);
    await phone.page.getByLabel('Email').fill(email);
    await phone.page.getByLabel('Password', { exact: true }).fill(password);
    await phone.page.getByRole('button', { name: 'Log in' }).click();
    await phone.page.waitForURL(/\/today/);

    await laptop.page.getByRole('link', { name: 'Settings' }).click();
    const devices = laptop.page.getByRole('list', { name: 'Signed-in devices' });
    await devices.getByRole('listitem').nth(1).waitFor();
    expect(await devices.getByRole('listitem').count()).toBe(2);
    expect(await devices.getByText('This device').count()).toBe(1);

    // Both browsers are the same Chromium, but only the other device has a sign-out button.
    await devices.getByRole('button', { name: /^Sign out / }).click();
    await laptop.page.getByRole('button', { name: 'Yes, sign out' }).click();
    await devices.getByRole('listitem').nth(1).waitFor({ state: 'detached' });
    expect(await devices.getByRole('listitem').count()).toBe(1);

    await phone.page.goto(`${baseUrl}/habits`);
    await phone.page.waitForURL(/\/login/);
    await laptop.page.reload();
    await laptop.page.getByRole('heading', { name: 'Settings' }).waitFor();
  });
});
