#!/usr/bin/env node
// Lints the spec with Redocly's own engine (@redocly/openapi-core, the library behind `redocly lint`)
// and the ruleset in the given redocly.yaml. Prints every problem in Redocly's stylish format and
// exits 1 on any, warnings included. Called as a library rather than through the CLI so the build log
// carries the findings only, not the CLI's banners (it prints a Node.js 20 end-of-life box on every run).
//
//   node tools/lint-redocly.mjs CONFIG SPEC
import { formatProblems, lint, loadConfig } from '@redocly/openapi-core';

const [configPath, specPath] = process.argv.slice(2);
if (!configPath || !specPath) {
  console.error('usage: lint-redocly.mjs REDOCLY_YAML SPEC');
  process.exit(2);
}
const config = await loadConfig({ configPath });
const problems = await lint({ ref: specPath, config });
if (problems.length > 0) {
  formatProblems(problems, { format: 'stylish', totals: { errors: 0, warnings: 0, ignored: 0 }, version: 'lib' });
  console.error(`redocly: ${problems.length} problem(s) in ${specPath}`);
  process.exit(1);
}
console.log(`redocly: ${specPath} has no problems (${configPath})`);
