// Headless Chromium from the machine (Debian's package), driven by playwright-core: no browser download.
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';

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
