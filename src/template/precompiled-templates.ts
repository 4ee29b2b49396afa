/**
 * The shipped templates, compiled when the CLI is bundled (scripts/bundle.mjs
 * puts them here), by their exact text: a template whose text is one of these
 * is not parsed and compiled again at each start (issue 12). Any other text
 * (an edited or a user's template) is parsed and compiled at run time, as
 * always. Both maps are empty outside the bundle.
 */
export const PRECOMPILED: ReadonlyMap<string, TemplateSpecification> = new Map();

/** The facts each shipped template prints itself (src/check/template-facts.ts), in the order found, for those that pass its checks. */
export const FACTS_USED: ReadonlyMap<string, readonly string[]> = new Map();
