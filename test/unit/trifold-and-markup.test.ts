import { mm } from '../../src/core/units';
import { trifold } from '../support/build';
import { translatorStringToMarkup } from '../../src/template/inline-markup';
import { parseMarkup } from '../../src/document/parse-markup';
import { telHref } from '../../src/document/link-target';
import { formatFact } from '../../src/facts/format-facts';

describe('tri-fold imposition, from its format file', () => {
  it.each(['letter', 'a4'] as const)('%s: six panels fill both pages, the fold-in panel 2 mm narrower', (paper) => {
    const { slots, pageWidth } = trifold(paper, 'ltr');
    expect(slots).toHaveLength(6);
    for (const page of [0, 1]) {
      const panels = slots.filter((s) => s.page === page).map((s) => s.panel).sort((a, b) => a.x - b.x);
      expect(panels).toHaveLength(3);
      expect(panels[0].x).toBeCloseTo(0);
      expect(panels[2].x + panels[2].width).toBeCloseTo(pageWidth);
      const widths = panels.map((p) => p.width).sort((a, b) => a - b);
      expect(widths[1] - widths[0]).toBeCloseTo(mm(2));
    }
    // The fold-in flap (read second) and the inside-right panel (read fifth) are the same physical panel.
    expect(slots[1].panel.width).toBeCloseTo(slots[4].panel.width);
    expect(slots[1].panel.width).toBeLessThan(slots[0].panel.width);
  });

  it('puts the cover on the outside right, and on the outside left for right-to-left languages', () => {
    const ltr = trifold('letter', 'ltr').slots[0];
    const rtl = trifold('letter', 'rtl').slots[0];
    expect(ltr.page).toBe(0);
    expect(ltr.panel.x + ltr.panel.width).toBeCloseTo(792);
    expect(rtl.panel.x).toBeCloseTo(0);
  });

  it('keeps text clear of the folds and of the paper edge', () => {
    for (const slot of trifold('a4', 'ltr').slots) {
      expect(slot.content.x - slot.panel.x).toBeGreaterThanOrEqual(mm(7) - 0.01);
      expect(slot.panel.x + slot.panel.width - (slot.content.x + slot.content.width)).toBeGreaterThanOrEqual(mm(7) - 0.01);
      expect(slot.content.y).toBeGreaterThanOrEqual(mm(10) - 0.01);
    }
  });
});

describe('translator strings and markup', () => {
  const place = { language: 'fr', key: 'what.smuggling' };

  it('escapes text and keeps only <b> and <br>', () => {
    expect(translatorStringToMarkup('a < b & <b>c</b><br>', place)).toBe('a &lt; b &amp; <b>c</b><br/>');
    expect(() => translatorStringToMarkup('<script>x</script>', place)).toThrow(/<script> is not allowed/);
    expect(() => translatorStringToMarkup('<b>x', place)).toThrow(/never closed/);
  });

  it('parses panels, emphasis and forced line breaks into a typed tree', () => {
    const doc = parseMarkup('<pamphlet><panel name="a"><p>one <b>two</b><br/>three</p><ul><li>x</li></ul><spacer/></panel></pamphlet>');
    expect(doc.panels[0].name).toBe('a');
    expect(doc.panels[0].blocks[0]).toEqual({ type: 'text', kind: 'paragraph', spans: [{ text: 'one ', bold: false }, { text: 'two', bold: true }, { text: '\u2028', bold: false }, { text: 'three', bold: false }] });
    expect(doc.panels[0].blocks.map((b) => b.type)).toEqual(['text', 'list', 'spacer']);
  });

  it('takes a link target on a text block: tel:, mailto: or https:, nothing that runs or opens a file', () => {
    const href = (target: string) => parseMarkup(`<pamphlet><panel name="a"><value href="${target}">x</value></panel></pamphlet>`).panels[0].blocks[0];
    expect(href('tel:+1-613-996-8885')).toMatchObject({ kind: 'value', href: 'tel:+1-613-996-8885' });
    expect(href('mailto:sos@international.gc.ca')).toMatchObject({ href: 'mailto:sos@international.gc.ca' });
    expect(href('https://www.canada.ca/en.html')).toMatchObject({ href: 'https://www.canada.ca/en.html' });
    expect(() => href('javascript:alert(1)')).toThrow(/line 1: <value href="…">: the link must be tel:, mailto: or a web address starting with https:\/\/, not a javascript: link/);
    expect(() => href('file:///etc/passwd')).toThrow(/not a file: link/);
    expect(() => href('tel:call-me')).toThrow(/not a phone number to dial/);
    expect(() => href('mailto:a@b')).toThrow(/not an e-mail address/);
  });

  it('makes a printed phone number a tel: address', () => {
    expect(telHref('\u2066+1 613 996 8885\u2069')).toBe('tel:+1-613-996-8885');
    expect(telHref('1-833-900-1010')).toBe('tel:1-833-900-1010');
    expect(telHref('(02) 646-4300')).toBe('tel:02-646-4300');
  });
});

describe('facts formatted per locale', () => {
  const fine = { type: 'amount' as const, value: 1000000, currency: 'CAD', source: 'seed', quote: '' };
  const date = { type: 'date' as const, value: '2002-06-28', source: 'seed', quote: '' };
  it('uses Intl: French spaces, Hindi grouping, the Thai Buddhist era', () => {
    expect(formatFact(fine, { locale: 'fr-CA' }).replace(/\s/g, ' ')).toBe('1 000 000 dollars canadiens');
    expect(formatFact(fine, { locale: 'hi' })).toMatch(/^10,00,000 /);
    expect(formatFact(date, { locale: 'th-TH-u-ca-buddhist' })).toContain('2545');
  });
});
