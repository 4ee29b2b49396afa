import { readTemplate } from '../template/render-markup';

/** What a template is laid out as: the format of its pieces and the theme of its type. */
export interface TemplateHeader {
  format: string;
  theme: string;
}

/** A template that names none is a tri-fold in the default theme, as every template was before formats. */
const DEFAULTS: TemplateHeader = { format: 'trifold', theme: 'default' };

/**
 * The format and theme a template names on its <pamphlet> element, as
 * literal attributes (`<pamphlet format="wallet-card" theme="default">`):
 * read from the template's text, before any language fills it in, since
 * the papers to build depend on the format.
 */
export function templateHeader(templateFile: string): TemplateHeader {
  const tag = /<pamphlet\b([^>]*)>/.exec(readTemplate(templateFile))?.[1] ?? '';
  const attribute = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
  return { format: attribute('format') ?? DEFAULTS.format, theme: attribute('theme') ?? DEFAULTS.theme };
}
