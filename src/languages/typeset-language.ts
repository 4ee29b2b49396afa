import { PamphletError } from '../core/errors';
import { FontRegistry } from '../fonts/font-registry';
import { TypesetLanguage } from '../text/types';
import { hyphenationPatterns } from './hyphenation-patterns';
import { Translation } from './language';

/** Resolves a language's data (script, direction, line-break rule, hyphenation) to what the typesetter uses. */
export function typesetLanguage(translation: Translation, fonts: FontRegistry): TypesetLanguage {
  const { meta } = translation;
  if (!fonts.hasScript(meta.script)) {
    throw new PamphletError(`meta.script is "${meta.script}", which has no font stack. Add it under "scripts" in ${fonts.configFile}.`, { file: translation.file, language: translation.code, key: 'meta.script' });
  }
  const typography = fonts.typography(meta.script);
  return {
    code: translation.code,
    locale: meta.locale,
    direction: meta.direction,
    lineBreak: meta.lineBreak,
    keepTogether: { bindToNumber: meta.bindToNumber ?? [], bindToNext: meta.bindToNext ?? [], bindToPrevious: meta.bindToPrevious ?? [] },
    keepWords: meta.keepWords ?? [],
    cjkSpacing: { interScriptSpace: meta.interScriptSpace ?? 0, compressPunctuation: meta.compressPunctuation ?? false },
    hyphenate: meta.hyphenation !== null ? hyphenationPatterns(meta.hyphenation, translation) : undefined,
    typography: { ...typography, lineSpacing: meta.lineSpacing ?? typography.lineSpacing },
    fonts: { regular: fonts.stack(meta.script, 'regular'), bold: fonts.stack(meta.script, 'bold') },
  };
}
