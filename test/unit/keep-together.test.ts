import { parseMarkup } from '../../src/document/parse-markup';
import { InlineSpan, TextBlock } from '../../src/document/types';
import { isolate } from '../../src/facts/format-facts';
import { translatorStringToMarkup } from '../../src/template/inline-markup';
import { breakOpportunities } from '../../src/text/break-opportunities';
import { keepTogether } from '../../src/text/keep-together';
import { layoutParagraph } from '../../src/text/paragraph';
import { ParagraphStyle, TypesetLanguage } from '../../src/text/types';
import { language } from '../support/build';

const style: ParagraphStyle = { size: 10, lineHeight: 14, align: 'start', bold: false, hyphenate: false };

/** A translated string as the template makes it: through the translator's markup into document spans. */
function spans(translated: string): InlineSpan[] {
  const markup = `<pamphlet><panel name="p"><p>${translatorStringToMarkup(translated, {})}</p></panel></pamphlet>`;
  return (parseMarkup(markup).panels[0].blocks[0] as TextBlock).spans;
}

/** The lines' logical text, without the bidi isolates (as copied out of the PDF). */
function lines(translated: string, width: number, lang: TypesetLanguage): string[] {
  return layoutParagraph(spans(translated), width, style, lang).map((l) => l.text);
}

/** The same language without its keep-together data: what the rule is measured against. */
function withoutData(lang: TypesetLanguage): TypesetLanguage {
  return { ...lang, keepTogether: { bindToNumber: [], bindToNext: [] } };
}

/** Widths from a very narrow column to a wide one, every 2 pt. */
const WIDTHS = Array.from({ length: 100 }, (_, i) => 40 + i * 2);
/** The widths at which a unit kept whole fits a line (a narrower line must cut it between letters). */
const from = (min: number) => WIDTHS.filter((w) => w >= min);

/** The widths at which some line break separates the two parts: a line ends with `head` and the next starts with `tail`. */
function breaksBetween(translated: string, lang: TypesetLanguage, head: string, tail: string): number[] {
  return WIDTHS.filter((w) => {
    const ls = lines(translated, w, lang).map((l) => l.trim());
    return ls.some((l, i) => i + 1 < ls.length && l.endsWith(head) && ls[i + 1].startsWith(tail));
  });
}

describe('<nobr>: words a translator keeps on one line', () => {
  it('keeps an Arabic negation with its verb: no line ends with لا before تقع', () => {
    const ar = language('ar');
    const title = 'الاتجار بالبشر: لا تقع في الفخ';
    // Without the markup, and without the language's bindToNext (which now lists لا), the title breaks between لا and تقع at some widths (the cover's bug).
    expect(breaksBetween(title, withoutData(ar), 'لا', 'تقع').length).toBeGreaterThan(0);
    const kept = 'الاتجار بالبشر: <nobr>لا تقع</nobr> في الفخ';
    expect(breaksBetween(kept, ar, 'لا', 'تقع')).toEqual([]);
    for (const w of WIDTHS) {
      const ls = lines(kept, w, ar);
      expect(ls.join(' ').replace(/\s+/g, ' ')).toBe(title);
      expect(ls.some((l) => l.includes('لا تقع'))).toBe(true);
    }
  });

  it('lets a phrase wider than the line break at its own spaces, never inside a word', () => {
    const tl = language('tl');
    const title = 'Human trafficking: <nobr>huwag kang magpabitag</nobr>';
    const words = new Set('Human trafficking: huwag kang magpabitag'.split(' '));
    // At 10 pt the phrase is about 110 pt wide and its longest word about 60: these widths hold every word, not the phrase.
    const narrow = WIDTHS.filter((w) => w >= 70 && w < 100);
    for (const w of narrow) {
      for (const line of lines(title, w, tl)) {
        for (const word of line.trim().split(/\s+/)) expect(words.has(word)).toBe(true);
      }
    }
  });

  it('keeps "ne tombez pas" whole and its end with the punctuation after it', () => {
    const fr = language('fr');
    expect(breaksBetween('Traite des personnes : ne tombez pas dans le piège', fr, 'ne', 'tombez').length).toBeGreaterThan(0);
    const kept = 'Traite des personnes : <nobr>ne tombez pas</nobr> dans le piège';
    for (const w of from(70)) expect(lines(kept, w, fr).some((l) => l.includes('ne tombez pas'))).toBe(true);
    // A kept range that ends before "!" is not parted from it, even where UAX #14 would allow it.
    const bang = '<nobr>x</nobr>\u203C';
    const at = [...keepTogether('x\u203C', [{ position: 1, required: false }, { position: 2, required: true }], [{ start: 0, end: 1 }], fr.keepTogether, fr.locale)];
    expect(spans(bang)[0].nobr).toBe(true);
    expect(at.map((o) => o.position)).toEqual([2]);
  });

  it('is refused when unclosed, crossed with <b>, or holding a <br>', () => {
    expect(() => translatorStringToMarkup('<nobr>ne tombez pas', {})).toThrow(/<nobr> is never closed/);
    expect(() => translatorStringToMarkup('<b><nobr>ne</b> tombez</nobr>', {})).toThrow(/<\/b> comes before <\/nobr>/);
    expect(() => translatorStringToMarkup('<nobr>ne<br>tombez</nobr>', {})).toThrow(/<br> inside <nobr>/);
    expect(translatorStringToMarkup('<b><nobr>ne tombez</nobr> pas</b>', {})).toBe('<b><nobr>ne tombez</nobr> pas</b>');
  });
});

describe('word joiner and no-break space', () => {
  it('stop the Thai dictionary breaks: อย่า⁠ตก stays one unit', () => {
    const th = language('th');
    const plain = 'การค้ามนุษย์อย่าตกหลุมพรางของผู้ค้ามนุษย์';
    const joined = plain.replace('อย่าตก', 'อย่า\u2060ตก');
    const at = (text: string) => breakOpportunities(text, th.lineBreak, th.locale).map((o) => o.position);
    expect(at(plain)).toContain(plain.indexOf('ตก'));
    const j = joined.indexOf('\u2060');
    expect(at(joined)).not.toContain(j);
    expect(at(joined)).not.toContain(j + 1);
    expect(breaksBetween(plain, th, 'อย่า', 'ตก').length).toBeGreaterThan(0);
    expect(breaksBetween(joined, th, 'อย่า\u2060', 'ตก')).toEqual([]);
    expect(breaksBetween(joined, th, 'อย่า', '\u2060ตก')).toEqual([]);
  });

  it('stop a break between two Chinese ideographs', () => {
    // Without the keep words (别掉进 and 陷阱 are among them), so that the ideographs may break.
    const zh = { ...language('zh'), keepWords: [] };
    expect(breaksBetween('人口贩运：别掉进陷阱', zh, '掉', '进').length).toBeGreaterThan(0);
    expect(breaksBetween('人口贩运：别掉\u2060进陷阱', zh, '掉\u2060', '进')).toEqual([]);
  });

  it('keeps a no-break space joined in Latin text', () => {
    const fr = language('fr');
    expect(breaksBetween('Appelez le 911 ou la police maintenant', fr, 'la', 'police').length).toBeGreaterThan(0);
    expect(breaksBetween('Appelez le 911 ou la\u00A0police maintenant', fr, 'la', 'police')).toEqual([]);
  });
});

describe('numbers stay with what they count', () => {
  it('zh: 第118条 and 2002年6月28日 are never broken', () => {
    const zh = language('zh');
    const text = `自${isolate('2002年6月28日')}起，《移民和难民保护法》第${isolate('118')}条规定人口贩运是犯罪。人贩子可被判处最高${isolate('1,000,000加元')}的罚款。共有14个联邦部门参与。`;
    for (const w of from(110)) {
      const ls = lines(text, w, zh);
      expect(ls.some((l) => l.includes('最高1,000,000加元'))).toBe(true);
      expect(ls.some((l) => l.includes('第118条'))).toBe(true);
      expect(ls.some((l) => l.includes('2002年6月28日'))).toBe(true);
      expect(ls.some((l) => l.includes('14个'))).toBe(true);
    }
    // Without the rules UAX #14 parts them: before 条, and between 14 and 个.
    const raw = (s: string) => new Set(breakOpportunities(s, 'normal', zh.locale).map((o) => o.position));
    const section = `第${isolate('118')}条`;
    expect(raw(section).has(section.indexOf('条'))).toBe(true);
    expect(raw('共有14个').has(4)).toBe(true);
  });

  it('ko: 제118조 stays whole', () => {
    const ko = language('ko');
    const text = `이민 및 난민 보호법(${isolate('IRPA')}) 제${isolate('118')}조가 인신매매를 범죄로 정하고 있습니다.`;
    expect(new Set(breakOpportunities(text, ko.lineBreak, ko.locale).map((o) => o.position)).has(text.indexOf('조가'))).toBe(true);
    for (const w of from(60)) expect(lines(text, w, ko).some((l) => l.includes('제118조가'))).toBe(true);
  });

  it('fr: "l’article 118", "28 juin 2002" and "14 ministères" stay together', () => {
    const fr = language('fr');
    const text = `Depuis le ${isolate('28 juin 2002')}, l’article ${isolate('118')} de la Loi en fait un crime. Il réunit 14 ministères et organismes.`;
    expect(breaksBetween(text, withoutData(fr), 'l’article', '118').length).toBeGreaterThan(0);
    for (const w of from(90)) {
      const ls = lines(text, w, fr);
      expect(ls.some((l) => l.includes('l’article 118'))).toBe(true);
      expect(ls.some((l) => l.includes('28 juin 2002'))).toBe(true);
      expect(ls.some((l) => l.includes('14 ministères'))).toBe(true);
    }
  });

  it('en: "28 June 2002" and "section 118" stay together', () => {
    const en = language('en');
    const text = `On ${isolate('28 June 2002')}, the Act made it a crime, in section ${isolate('118')}.`;
    for (const w of from(90)) {
      const ls = lines(text, w, en);
      expect(ls.some((l) => l.includes('28 June 2002'))).toBe(true);
      expect(ls.some((l) => l.includes('section 118'))).toBe(true);
    }
  });
});

describe('Russian and Ukrainian short words, and dashes', () => {
  it('ru: a one-letter preposition never ends a line', () => {
    const ru = language('ru');
    const text = 'Попросите о помощи до отъезда и в посольстве';
    expect(breaksBetween(text, withoutData(ru), 'о', 'помощи').length).toBeGreaterThan(0);
    for (const w of from(90)) {
      for (const line of lines(text, w, ru).slice(0, -1)) expect(line.trim()).not.toMatch(/(^|\s)(о|до|и|в)$/u);
    }
  });

  it('gives way where the words it binds would not fit a line: never a word cut in two', () => {
    const ru = language('ru');
    // "до" binds to the amount, the amount is whole, "и" binds to "пожизненное": together wider than these lines.
    const text = `Торговцам людьми грозит штраф до ${isolate('1 000 000 канадских долларов')} и пожизненное заключение.`;
    for (const w of from(180)) {
      const ls = lines(text, w, ru);
      expect(ls.join(' ')).toBe(text.replace(/[\u2068\u2069]/g, ''));
      expect(ls.some((l) => l.includes('1 000 000 канадских долларов'))).toBe(true);
      for (const line of ls.slice(0, -1)) expect(line).not.toMatch(/(^|\s)(до|и)$/u);
    }
  });

  it('uk: "не" and "в" stay with the next word', () => {
    const uk = language('uk');
    const text = 'Торгівля людьми: не потрапте в пастку';
    for (const w of from(90)) {
      for (const line of lines(text, w, uk).slice(0, -1)) expect(line.trim()).not.toMatch(/(^|\s)(не|в)$/u);
    }
  });

  it('finds a bound word in the case of its own language: Turkish "DİYE" is "diye", which the default lower case is not', () => {
    // The default lower case of "İ" is "i" and a combining dot, so it would move the indices and find nothing.
    const text = 'DİYE bir';
    const rules = { bindToNumber: [], bindToNext: ['diye'] };
    const kept = (locale: string) => [...keepTogether(text, breakOpportunities(text, 'normal', locale), [], rules, locale)].map((o) => o.position);
    expect(kept('en')).toContain(5);
    expect(kept('tr')).not.toContain(5);
    expect(kept('tr-TR')).not.toContain(5);
  });

  it('a dash never starts a line, in any language', () => {
    const cases: Array<[string, string]> = [
      ['ru', 'Торговля людьми — преступление в Канаде'],
      ['en', 'Trafficking – a crime in Canada – is punished'],
    ];
    for (const [code, text] of cases) {
      const lang = language(code);
      for (const w of from(90)) for (const line of lines(text, w, lang)) expect(line.trim()).not.toMatch(/^[—–]/u);
    }
    // Without the rule UAX #14 allows a line to start with the dash.
    const text = 'Торговля людьми — преступление';
    expect(breakOpportunities(text, 'normal', 'ru').map((o) => o.position)).toContain(text.indexOf('—'));
  });
});

describe('a hyphen that would leave fewer than three letters alone', () => {
  const ro = language('ro');

  it('never ends a line at "într-" or "s-", as Romanian clitics joined by a hyphen', () => {
    const text = 'Spune-i unei persoane de încredere unde mergi. Stabilește o oră la care s-o suni într-o zi.';
    // Wide enough for the longest unit ("Stabilește"): narrower, any rule gives way.
    for (const width of from(70)) {
      const ls = lines(text, width, withoutData(ro));
      expect(ls.slice(0, -1).filter((line) => line.trimEnd().endsWith('-'))).toEqual([]);
    }
    // UAX #14 alone allows both.
    const at = breakOpportunities(text, 'normal', 'ro').map((o) => o.position);
    expect(at).toContain(text.indexOf('s-o') + 2);
    expect(at).toContain(text.indexOf('într-o') + 5);
  });

  it('still breaks a compound of longer words at its hyphen ("anti-trafficking"), where the line needs it', () => {
    expect(breaksBetween('Call the anti-trafficking hotline', withoutData(language('en')), 'anti-', 'trafficking').length).toBeGreaterThan(0);
  });
});

describe('words bound to the word before them (meta.bindToPrevious)', () => {
  it('never starts a Hindi line with a helper verb: "करते / हैं" stays "करते हैं"', () => {
    const hi = language('hi');
    expect(hi.keepTogether.bindToPrevious).toEqual(expect.arrayContaining(['है', 'हैं', 'लें']));
    const text = 'वे ताकत, झूठ या धमकी का इस्तेमाल करते हैं। वे लोगों से देह व्यापार या जबरन मजदूरी करवाते हैं।';
    // Without the data, some width starts a line with हैं.
    expect(breaksBetween(text, withoutData(hi), 'करते', 'हैं').length).toBeGreaterThan(0);
    expect(breaksBetween(text, hi, 'करते', 'हैं')).toEqual([]);
    // A bound word counts whole only: हैरान is not है.
    expect(breaksBetween('वे बहुत हैरान थे और डरे हुए थे', hi, 'बहुत', 'हैरान').length).toBeGreaterThan(0);
  });
});
