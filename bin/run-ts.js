#!/usr/bin/env node
// Runs one TypeScript file through tsx: `node bin/run-ts.js bench/run.ts [args…]` (the bench has no
// build step either). argv is shifted so the script sees itself as argv[1], as if run directly.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import './runtime.js';
import { register } from 'tsx/esm/api';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node bin/run-ts.js <file.ts> [args…]\n');
  process.exit(2);
}
const path = resolve(file);
process.argv.splice(1, 2, path);
register();
await import(pathToFileURL(path).href);
