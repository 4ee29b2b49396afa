import * as path from 'node:path';
import { belowDesignSize } from '../../src/check/design-size';
import { Panel } from '../../src/document/types';
import { loadTranslation } from '../../src/languages/load-translations';
import { layoutPanel, setSize } from '../../src/layout/panel-flow';
import { language, ROOT, theme } from '../support/build';

const { fit: FIT_LIMITS, listItem: LIST_ITEM_STYLE, styles: TEXT_STYLES } = theme();

/**
 * Issue: "Type that each script's reader can read". Body text reads at
 * least like 12 pt Latin and labels like 9 pt, in every script: a script
 * whose letters look small at one size (Arabic Naskh) is set larger, and
 * each script gets the line spacing its marks need.
 */

const BOX = { x: 0, y: 0, width: 220, height: 2000 };
const paragraph = (text: string, kind: 'paragraph' | 'label' = 'paragraph'): Panel => ({ name: 'what', blocks: [{ type: 'text', kind, spans: [{ text, bold: false }] }] });

/** Size and baseline-to-baseline step of a laid-out paragraph's lines. */
function setting(code: string, panel: Panel, scale = 1) {
  const lines = layoutPanel(panel, BOX, language(code), theme(), { scale }).items.flatMap((item) => (item.type === 'line' ? [item] : []));
  expect(lines.length).toBeGreaterThan(2);
  return { size: lines[0].line.runs[0].size, step: lines[1].baseline - lines[0].baseline };
}

const TEXTS: Record<string, string> = {
  en: 'Traffickers often seem kind and helpful. They can be strangers, agents, friends or even family. '.repeat(3),
  vi: 'Kẻ buôn người thường tỏ ra tốt bụng và hay giúp đỡ. Họ có thể là người lạ, môi giới, bạn bè, thậm chí người thân. '.repeat(3),
  ar: 'غالبًا ما يبدو المتاجرون بالبشر لطفاء ومستعدين للمساعدة. قد يكونون غرباء أو وسطاء أو أصدقاء أو حتى من العائلة. '.repeat(3),
  th: 'ผู้ค้ามนุษย์มักดูใจดีและชอบช่วยเหลือ พวกเขาอาจเป็นคนแปลกหน้า นายหน้า เพื่อน หรือแม้แต่คนในครอบครัว '.repeat(3),
  hi: 'तस्कर अक्सर दयालु और मददगार लगते हैं। वे अजनबी, एजेंट, दोस्त या परिवार के लोग भी हो सकते हैं। '.repeat(3),
  zh: '人贩子往往看起来很友善，也乐于助人。他们可能是陌生人、中介、朋友，甚至是家人。'.repeat(4),
};

describe('type sizes and line spacing per script, from the font and language data', () => {
  // [body size in pt, the least line spacing in em], as the issue asks: Arabic about 1.25 and 1.7, Thai and Devanagari 1.15 and 1.5, Vietnamese spacing 1.45 or more, Chinese 1.65.
  const expected: Record<string, [number, number]> = { en: [12, 1.3], vi: [12, 1.45], ar: [15, 1.7], th: [13.8, 1.5], hi: [13.8, 1.5], zh: [12, 1.65] };

  it.each(Object.keys(expected))('%s: body text at its design size and its script\'s line spacing', (code) => {
    const { size, step } = setting(code, paragraph(TEXTS[code]));
    const [body, spacing] = expected[code];
    expect(size).toBeCloseTo(body, 5);
    expect(step / size).toBeGreaterThanOrEqual(spacing - 1e-9);
  });

  it('sets a Latin word or number in an Arabic, Thai or Hindi line at its Latin size: the size factor is the font\'s', () => {
    const mixed: Record<string, string> = {
      ar: 'اتصل بالرقم 1-833-900-1010 أو زر www.canadianhumantraffickinghotline.ca اليوم. '.repeat(3),
      th: 'โทร 1-833-900-1010 หรือเข้า www.canadianhumantraffickinghotline.ca วันนี้ '.repeat(3),
      hi: 'कॉल करें 1-833-900-1010 या www.canadianhumantraffickinghotline.ca देखें। '.repeat(3),
    };
    for (const [code, text] of Object.entries(mixed)) {
      const runs = layoutPanel(paragraph(text), BOX, language(code), theme(), { scale: 1 }).items.flatMap((item) => (item.type === 'line' ? item.line.runs : []));
      const sizes = new Map(runs.map((run) => [run.font.family, run.size]));
      expect(sizes.get('NotoSans')).toBe(12);
      expect(sizes.size).toBe(2);
      for (const [family, size] of sizes) if (family !== 'NotoSans') expect(size).toBeCloseTo(12 * language(code).typography.sizeFactor, 5);
    }
  });

  it('Vietnamese takes its own line spacing (two marks stacked above a letter) over its script\'s', () => {
    expect(loadTranslation(path.join(ROOT, 'translations'), 'vi').meta.lineSpacing).toBe(1.5);
    expect(language('vi').typography.lineSpacing).toBe(1.5);
    expect(language('en').typography.lineSpacing).toBeLessThan(1.5);
  });

  it.each(Object.keys(expected))('%s: at the smallest scale the fit step may use, body text stays at 12 pt Latin and labels at their floor (10.5 pt in the default theme), and the line spacing does not tighten', (code) => {
    const factor = language(code).typography.sizeFactor;
    const body = setting(code, paragraph(TEXTS[code]), FIT_LIMITS.minScale);
    expect(body.size).toBeCloseTo(12 * factor, 5);
    expect(body.step / body.size).toBeGreaterThanOrEqual(expected[code][1] - 1e-9);
    const label = setting(code, paragraph(TEXTS[code], 'label'), FIT_LIMITS.minScale);
    expect(label.size).toBeCloseTo(theme().styles.label.minSize * factor, 5);
    expect(theme().styles.label.minSize).toBeGreaterThanOrEqual(10.5);
  });

  it('has no style whose floor is below 9 pt Latin, and none for reading below 12 pt', () => {
    const labels = new Set(['label', 'small', 'link']);
    for (const [kind, style] of Object.entries(TEXT_STYLES)) {
      expect(style.minSize).toBeLessThanOrEqual(style.size);
      expect(style.minSize).toBeGreaterThanOrEqual(labels.has(kind) ? 9 : 12);
    }
    expect(LIST_ITEM_STYLE.minSize).toBeGreaterThanOrEqual(12);
    for (let scale = 1; scale >= FIT_LIMITS.minScale; scale -= FIT_LIMITS.scaleStep) {
      expect(setSize(TEXT_STYLES.paragraph, { scale }) * language('ar').typography.sizeFactor).toBeGreaterThanOrEqual(15);
      expect(setSize(TEXT_STYLES.heading, { scale })).toBeGreaterThan(setSize(TEXT_STYLES.paragraph, { scale }));
    }
  });
});

describe('a panel set below its design size', () => {
  const translation = loadTranslation(path.join(ROOT, 'translations'), 'fr');

  it('is a warning naming the file, the language, the panel, the paper and how small', () => {
    const findings = belowDesignSize([{ panel: 'cover', language: 0, scale: 1 }, { panel: 'law', language: 0, scale: 0.925 }], [translation], 'letter');
    expect(findings).toEqual([{
      check: 'fit',
      severity: 'warning',
      file: translation.file,
      language: 'fr',
      key: 'law',
      message: 'on Letter paper, panel "law" is set at 93% of its design size to fit (no size below its floor). Shorten its text a little to print it as designed.',
    }]);
  });

  it('says nothing of panels at their design size', () => {
    expect(belowDesignSize([{ panel: 'cover', language: 0, scale: 1 }, { panel: 'what', language: 0, scale: 1 }], [translation], 'a4')).toEqual([]);
  });
});

describe('display text set smaller to keep a phrase whole', () => {
  const title = (text: string, nobr: string): Panel => ({ name: 'cover', blocks: [{ type: 'text', kind: 'title', spans: [{ text, bold: true }, { text: nobr, bold: true, nobr: true }] }] });
  const lines = (code: string, panel: Panel, width: number) => layoutPanel(panel, { ...BOX, width }, language(code), theme(), { scale: 1 }).items.flatMap((item) => (item.type === 'line' ? [item.line] : []));
  // The cover's column on Letter paper.
  const COVER = 218;

  it('sets the Thai title smaller, not below its floor, so that "อย่าตกหลุมพราง" (do not fall into the trap) stays on one line', () => {
    const set = lines('th', title('การค้ามนุษย์: ', 'อย่าตกหลุมพราง'), COVER);
    expect(set.map((l) => l.text)).toEqual(['การค้ามนุษย์: ', 'อย่าตกหลุมพราง'].map((t) => t.trim()));
    const size = set[0].runs[0].size;
    expect(size).toBeLessThan(30 * 1.15);
    expect(size).toBeGreaterThanOrEqual(TEXT_STYLES.title.minSize * 1.15);
    // Wide enough for the phrase at its design size: the title keeps that size.
    expect(lines('th', title('การค้ามนุษย์: ', 'อย่าตกหลุมพราง'), 400)[0].runs[0].size).toBeCloseTo(30 * 1.15, 5);
  });

  it('keeps the design size when even the floor cannot hold the phrase: smaller type would only be smaller', () => {
    const set = lines('en', title('Human trafficking: ', 'do not ever fall into the trap'), 150);
    expect(set[0].runs[0].size).toBe(30);
  });

  it('leaves body text at its size: only display styles shrink', () => {
    const panel: Panel = { name: 'what', blocks: [{ type: 'text', kind: 'paragraph', spans: [{ text: 'Traffickers ', bold: false }, { text: 'do not ever fall into the trap', bold: false, nobr: true }] }] };
    expect(lines('en', panel, 120).every((l) => l.runs.every((r) => r.size === 12))).toBe(true);
  });
});
