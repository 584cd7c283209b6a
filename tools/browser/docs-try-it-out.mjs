// Opens the mock's Swagger UI at BASE_URL/docs, checks that the only server offered is the mock itself,
// authorises with a key, executes "Submit a video effect task" with its example body, and reads the
// status the page shows.  node tools/browser/docs-try-it-out.mjs BASE_URL
import { runIfMain } from './chromium.mjs';

export async function check(browser, [base]) {
  const page = await browser.newPage();
  const failures = [];
  page.on('requestfailed', (request) => failures.push(`${request.method()} ${request.url()}: ${request.failure().errorText}`));
  await page.goto(`${base}/docs`);
  const operation = page.locator('#operations-effects-submitEffectTask');
  await operation.waitFor({ timeout: 20000 });
  const servers = await page.locator('.servers select option').allTextContents();

  await page.locator('button.authorize').first().click();
  await page.locator('.auth-container input').first().fill('browser-key');
  await page.locator('.auth-btn-wrapper button.authorize').click();
  await page.locator('.auth-btn-wrapper button.btn-done').click();

  await operation.locator('.opblock-summary').click();
  await operation.locator('.try-out__btn').click();
  await operation.locator('button.execute').click();
  const status = operation.locator('.live-responses-table tbody .response-col_status').first();
  await status.waitFor({ timeout: 20000 });
  const body = await operation.locator('.live-responses-table .response-col_description pre').first().textContent();
  return { servers, status: (await status.textContent()).trim(), body, failures };
}

await runIfMain(import.meta.url, check);
