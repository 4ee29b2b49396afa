import * as path from 'node:path';

/**
 * The project's folder, which holds the shipped content (templates,
 * translations, data, fonts.json, profiles). Every compiled module sits two
 * folders below it (dist/<stage>/x.js), and so does the CLI's bundle
 * (dist/cli/pamphlet.bundle.js, scripts/bundle.mjs), into which this module
 * is inlined: one place that knows it, for both.
 */
export const PROJECT_ROOT = path.join(__dirname, '..', '..');
