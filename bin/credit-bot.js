#!/usr/bin/env node
// The `credit-bot` command. Sources are TypeScript run through tsx, so a fresh
// `npm install` needs no build step before `npm start`.
import './runtime.js';
import { register } from 'tsx/esm/api';

register();
await import('../bots/cli.ts');
