#!/usr/bin/env node
// Verifies pact files with the reference Rust verifier (pact_ffi, shipped in @pact-foundation/pact-core),
// so that our pacts are proven readable by every Pact implementation, not only pact-jvm.
//
//   node tools/verify-pact.js --provider-base-url URL --state-change-url URL --provider NAME PACT_FILE...
//
// Exit code 0 when every interaction verifies, 1 otherwise; the verifier's own report (which names
// each failing interaction) goes to standard output.
'use strict';

process.env.PACT_DO_NOT_TRACK = 'true';

function parse(argv) {
  const options = { pactUrls: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${arg} needs a value`);
      return argv[++i];
    };
    if (arg === '--provider-base-url') options.providerBaseUrl = value();
    else if (arg === '--state-change-url') options.providerStatesSetupUrl = value();
    else if (arg === '--provider') options.provider = value();
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else options.pactUrls.push(arg);
  }
  if (!options.providerBaseUrl || options.pactUrls.length === 0) {
    throw new Error('usage: verify-pact.js --provider-base-url URL [--state-change-url URL] [--provider NAME] PACT_FILE...');
  }
  return options;
}

let options;
try {
  options = parse(process.argv.slice(2));
} catch (e) {
  console.error(e.message);
  process.exit(2);
}

const { default: pact } = require('@pact-foundation/pact-core');
pact.logLevel('warn');
pact
  .verifyPacts({
    ...options,
    providerStatesSetupTeardown: false,
    providerStatesSetupBody: true,
    failIfNoPactsFound: true,
    timeout: 60000,
  })
  .then(() => {
    console.log('pact_verifier: all interactions verified');
    process.exit(0);
  })
  .catch((e) => {
    // The verifier has already printed its report; name the failing interactions once more, briefly.
    let failed = [];
    try {
      failed = (JSON.parse(e.message).errors || []).map((error) => error.interaction);
    } catch (ignored) {
      // not the verifier's JSON report: print the error as it is
    }
    console.error('pact_verifier: verification failed' + (failed.length ? ':' : `: ${e && e.message ? e.message : e}`));
    failed.forEach((name) => console.error(`  - ${name}`));
    process.exit(1);
  });
