// The QA dashboard at work: reads a failed task's error_message and the newest request's headers and body,
// cancels then confirms a reset, and queues a fault with its form.
//   node tools/browser/dashboard-qa.mjs BASE_URL FAILED_TASK_ID
import { runIfMain } from './chromium.mjs';

export async function check(browser, [base, taskId]) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 800 } });
  await page.goto(`${base}/__admin/ui`);
  const row = page.locator(`tr[data-task-id="${taskId}"]`);
  await row.locator('.status.failed').waitFor({ timeout: 20000 });
  const errorMessage = (await row.locator('.error-message').textContent()).trim();

  const newest = page.locator('#requests tr').first();
  await newest.locator('summary').click();
  const sent = await newest.locator('.request-details').textContent();
  const fault = (await page.locator('#requests tr').first().locator('td').nth(5).textContent()).trim();

  const dialogs = [];
  page.once('dialog', (dialog) => { dialogs.push(dialog.message()); dialog.dismiss(); });
  await page.locator('#reset').click();
  await page.waitForFunction(() => true);
  const rowsAfterCancel = await page.locator('#tasks tr').count();

  page.once('dialog', (dialog) => { dialogs.push(dialog.message()); dialog.accept(); });
  await page.locator('#reset').click();
  await page.locator('#tasks tr').first().waitFor({ state: 'detached', timeout: 20000 });

  await page.locator('#fault').selectOption('connection-reset');
  await page.locator('#fault-when').selectOption('before');
  await page.locator('#fault-count').fill('2');
  await page.locator('#queue-fault').click();
  await page.locator('#fault-queued').filter({ hasText: 'queued' }).waitFor({ timeout: 20000 });
  return {
    errorMessage, sent, fault, dialogs, rowsAfterCancel,
    queued: await page.locator('#fault-queued').textContent(),
    error: await page.locator('#error').textContent(),
  };
}

await runIfMain(import.meta.url, check);
