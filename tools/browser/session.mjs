// One headless Chromium for several checks: starting it costs seconds, a fresh context costs milliseconds.
// Reads one JSON line per check from stdin, {"script": "dashboard.mjs", "args": [...]}, runs that script's
// check in contexts of its own and prints one JSON line, {"ok": true|false, ...}; exits when stdin closes.
//   node tools/browser/session.mjs
import { createInterface } from 'node:readline';
import { launch, isolated } from './chromium.mjs';

const browser = await launch();
try {
  for await (const line of createInterface({ input: process.stdin })) {
    if (!line.trim()) continue;
    try {
      const { script, args } = JSON.parse(line);
      const { check } = await import(new URL(script, import.meta.url).href);
      const result = await isolated(browser, (view) => check(view, args));
      console.log(JSON.stringify({ ok: true, ...result }));
    } catch (e) {
      console.log(JSON.stringify({ ok: false, error: String(e && e.stack || e) }));
    }
  }
} finally {
  await browser.close();
}
