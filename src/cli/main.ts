#!/usr/bin/env node
import * as path from 'node:path';
import { isCurrent, runWithCodeCache } from './code-cache';
import { debugging } from '../core/unexpected-error';
import { tuneV8ForABuild } from './v8-flags';

// First, before the young generation has grown or any of our code has run (src/cli/v8-flags.ts).
tuneV8ForABuild();

// The CLI runs from its bundle (scripts/bundle.mjs, written by `npm run build` after tsc) with
// V8's code cache: one file to read and little to compile on a cold start (issue 12). A bundle
// older than tsc's output (tsc run alone after an edit), missing or unreadable is passed over
// for the modules tsc wrote, which are the same program, loaded file by file. So is it with
// PAMPHLET_DEBUG set: the stack it prints then names our files and lines, not the bundle's.
const bundle = path.join(__dirname, 'pamphlet.bundle.js');
const command = process.argv.slice(2).find((arg) => !arg.startsWith('-')) ?? '';
if (!(!debugging() && isCurrent(bundle, path.join(__dirname, 'cli.js')) && runWithCodeCache(bundle, command))) require('./cli');
