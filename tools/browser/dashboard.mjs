// Opens the QA dashboard at BASE_URL/__admin/ui, waits for task TASK_ID, fails it with a reason through
// its button, waits until the page shows it failed, and saves a screenshot.
//   node tools/browser/dashboard.mjs BASE_URL TASK_ID REASON SCREENSHOT.png
import { runIfMain } from './chromium.mjs';

export async function check(browser, [base, taskId, reason, screenshot]) {
  const page = await browser.newPage({ viewport: { width: 1200, height: 700 } });
  await page.goto(`${base}/__admin/ui`);
  const row = page.locator(`tr[data-task-id="${taskId}"]`);
  await row.waitFor({ timeout: 20000 });
  const before = (await row.locator('.status').textContent()).trim();
  await page.locator('#reason').fill(reason);
  await row.locator('button[data-force="failed"]').click();
  await page.locator(`tr[data-task-id="${taskId}"] .status.failed`).waitFor({ timeout: 20000 });
  await page.locator('#settings').evaluate((element) => element.closest('details').open = true);
  await page.screenshot({ path: screenshot, fullPage: true });
  return { before, after: 'failed', error: await page.locator('#error').textContent() };
}

await runIfMain(import.meta.url, check);
