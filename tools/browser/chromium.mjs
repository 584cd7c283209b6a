// Headless Chromium from the machine (Debian's package), driven by playwright-core: no browser download.
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export async function launch() {
  const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(`no Chromium at ${executablePath}: apt-get install chromium (or set CHROMIUM)`);
  }
  return chromium.launch({
    executablePath,
    headless: true,
    // As root, without a sandbox; no background traffic to the closed network of a CI machine.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

// Runs a check, prints one JSON line, exits 0 when it passed.
export async function run(check) {
  let browser;
  try {
    browser = await launch();
    const result = await check(browser);
    console.log(JSON.stringify({ ok: true, ...result }));
    await browser.close();
    process.exit(0);
  } catch (e) {
    console.log(JSON.stringify({ ok: false, error: String(e && e.stack || e) }));
    if (browser) await browser.close().catch(() => {});
    process.exit(1);
  }
}

// Runs the check of a script started as `node <script> args…`; does nothing when session.mjs imports it.
export async function runIfMain(moduleUrl, check) {
  if (process.argv[1] && fileURLToPath(moduleUrl) === process.argv[1]) {
    await run((browser) => check(browser, process.argv.slice(2)));
  }
}

// What a check sees of a browser shared between checks: pages in contexts of their own, closed after the
// check, so one check's cookies, storage and dialogs never reach the next.
export async function isolated(browser, check) {
  const contexts = [];
  const view = {
    newPage: async (options) => {
      const context = await browser.newContext(options);
      contexts.push(context);
      return context.newPage();
    },
  };
  try {
    return await check(view);
  } finally {
    await Promise.all(contexts.map((context) => context.close().catch(() => {})));
  }
}
