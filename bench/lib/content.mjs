// The tri-fold's content, read from the project's own files as a plain tree that both peers
// (Typst, Chromium) turn into their own markup: translations/<lang>.json, data/facts.json,
// data/contacts.json, fonts/fonts.json, templates/themes/default.json and the geometry of
// templates/formats/trifold.json. The panels and their blocks follow templates/trifold.hbs, in
// the same order; when the template changes, change panels() below with it.
// The peers do not run the project's checks, nor its fit step: text that is too long overflows.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project: PAMPHLET, or the folder above bench/. */
export const PAMPHLET = path.resolve(process.env.PAMPHLET ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..'));
export const LANGS = ['en', 'fr', 'es', 'pt', 'ro', 'ru', 'uk', 'tl', 'vi', 'th', 'zh', 'ko', 'ar', 'hi'];

const FSI = '\u2068';
const PDI = '\u2069';
export const isolate = (s) => `${FSI}${s}${PDI}`;
const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

/** --lang all|en|en,ar -> codes */
export function selectLangs(arg) {
  if (!arg || arg === 'all') return LANGS;
  return arg.split(',');
}

export function argValue(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

/** Font families (absolute file paths) and per-script stacks, from the project's fonts/fonts.json. */
export function loadFonts(root = PAMPHLET) {
  const config = readJson(path.join(root, 'fonts', 'fonts.json'));
  const families = {};
  for (const [key, fam] of Object.entries(config.families)) {
    const dir = fam.package ? path.join(root, 'node_modules', fam.package) : path.join(root, 'fonts');
    families[key] = {
      key,
      regular: path.join(dir, fam.regular),
      bold: path.join(dir, fam.bold),
      letters: fam.letters ?? null,
      sizeFactor: fam.sizeFactor ?? 1,
    };
  }
  return { families, scripts: config.scripts };
}

/** The family name stored in each font file (what Typst and CSS select by). */
export const FAMILY_NAMES = {
  NotoSans: 'Noto Sans',
  NotoNaskhArabic: 'Noto Naskh Arabic',
  NotoSansThai: 'Noto Sans Thai',
  NotoSansSC: 'Noto Sans SC',
  NotoSansKR: 'Noto Sans KR',
  NotoSansDevanagari: 'Noto Sans Devanagari',
};

/** The shared data (facts, contacts) and the default theme, read once for every language. */
export function loadData(root = PAMPHLET) {
  return {
    facts: readJson(path.join(root, 'data', 'facts.json')),
    contacts: readJson(path.join(root, 'data', 'contacts.json')),
    theme: readJson(path.join(root, 'templates', 'themes', 'default.json')),
  };
}

/** A Tabler outline pictogram as SVG text, stroked in `colour` (the project draws them in the accent colour). */
export function iconSvg(name, colour, root = PAMPHLET) {
  const svg = fs.readFileSync(path.join(root, 'node_modules', '@tabler', 'icons', 'icons', 'outline', `${name}.svg`), 'utf8');
  return svg.replace(/currentColor/g, colour).replace(/\s*class="[^"]*"/, '');
}

/** A fact as src/facts/format-facts.ts writes it: Intl for the locale, the translation's date pattern and currency names. */
function formatFact(fact, meta) {
  const locale = meta.locale;
  switch (fact.type) {
    case 'date': {
      const date = new Date(`${fact.value}T00:00:00Z`);
      if (meta.datePattern) {
        const parts = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' }).formatToParts(date);
        const part = (type) => parts.find((p) => p.type === type)?.value ?? '';
        return meta.datePattern.replace('{day}', part('day')).replace('{month}', part('month')).replace('{year}', part('year'));
      }
      return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
    }
    case 'amount': {
      const parts = new Intl.NumberFormat(locale, { style: 'currency', currency: fact.currency, currencyDisplay: 'name', maximumFractionDigits: 0 }).formatToParts(fact.value);
      const name = meta.currencyNames?.[fact.currency];
      return parts.map((p) => (p.type === 'currency' && name ? name : p.value)).join('');
    }
    case 'count':
      return new Intl.NumberFormat(locale).format(fact.value);
    case 'code':
      return fact.byLanguage?.[new Intl.Locale(locale).language]?.value ?? fact.value;
    default:
      return String(fact.value);
  }
}

/**
 * One language's tri-fold as a tree: { code, meta, title, typography, panels: { cover, check, deceive, travel, law, help } },
 * each panel a list of blocks:
 *   { type: endonym|title|lead|heading|subheading|paragraph|small|issuer|label|value|link, text }
 *   { type: 'band', blocks } | { type: 'callout', blocks } | { type: 'contact', blocks }
 *   { type: 'ul', items: [{ text, icon? }] } | { type: 'icon', name } | { type: 'writein', text, lines }
 *   { type: 'qr', value, caption } | { type: 'spacer' }
 * Inline text keeps the translators' markup: <b>…</b>, <nobr>…</nobr> and <br/>.
 */
export function pamphletTree(code, data, fonts, root = PAMPHLET) {
  const { meta, strings } = readJson(path.join(root, 'translations', `${code}.json`));
  const locale = meta.locale;
  const facts = {};
  for (const [name, fact] of Object.entries(data.facts.facts)) facts[name] = isolate(formatFact(fact, meta));
  const plural = new Intl.PluralRules(locale);
  const lookup = (key) => key.split('.').reduce((o, k) => (o == null ? undefined : o[k]), strings);
  const t = (key, opts = {}) => {
    let s;
    if (opts.count !== undefined) {
      const parent = lookup(key.split('.').slice(0, -1).join('.'));
      const leaf = key.split('.').pop();
      s = parent?.[`${leaf}_${plural.select(opts.count)}`] ?? parent?.[`${leaf}_other`];
    } else s = lookup(key);
    if (typeof s !== 'string') throw new Error(`${code}: no string ${key}`);
    return s.replace(/\{\{(\w+)\}\}/g, (_, name) => (name === 'count' ? isolate(new Intl.NumberFormat(locale).format(opts.count)) : facts[name]));
  };
  const text = (type, s) => ({ type, text: s });
  const p = (s) => text('paragraph', s);
  const li = (keys) => ({ type: 'ul', items: keys.map((k) => (Array.isArray(k) ? { text: t(k[0]), icon: k[1] } : { text: t(k) })) });
  const { contacts, keyContact, moreInformation } = data.contacts;
  const key = contacts.find((c) => c.id === keyContact);
  const strip = () => ({ type: 'callout', blocks: [text('label', t('help.strip')), text('value', isolate(key.phone))] });
  const contactLabel = (c) => (typeof c.label === 'string' ? c.label : c.label?.[code] ?? c.label?.en ?? t(`help.contact.${c.id}`));

  // The help panel: the contacts by group (abroad, then in Canada); without a contact abroad, lines to write one in.
  const help = [text('heading', t('help.heading')), p(t('help.intro'))];
  for (const group of ['abroad', 'canada']) {
    const own = contacts.filter((c) => c.group === group);
    const writeIn = group === 'abroad' && own.length === 0;
    if (own.length || writeIn) help.push(text('subheading', t(`help.group.${group}`)));
    if (writeIn) {
      help.push({ type: 'callout', blocks: [text('label', `<b>${t('help.writeIn.heading')}</b>`), { type: 'writein', text: t('help.writeIn.phone'), lines: 1 }, { type: 'writein', text: t('help.writeIn.address'), lines: 2 }] });
    }
    for (const c of own) {
      const blocks = [text('label', contactLabel(c))];
      if (c.phone) blocks.push(text('value', isolate(c.phone)));
      if (c.email) blocks.push(text('value', isolate(c.email)));
      if (c.url) blocks.push(text('link', isolate(c.url.replace(/^https?:\/\//, '').replace(/\/$/, ''))));
      help.push({ type: 'contact', blocks });
    }
  }
  help.push({ type: 'qr', value: moreInformation.url, caption: `${t('help.more')}<br/>${t('help.qr')}` });
  help.push(text('link', isolate(moreInformation.url.replace(/^https?:\/\//, '').replace(/\/$/, ''))));

  const panels = {
    cover: [
      text('endonym', meta.name),
      { type: 'band', blocks: [text('title', t('cover.title'))] },
      { type: 'icon', name: 'alert-triangle' },
      text('lead', t('cover.warning')),
      { type: 'spacer' },
      strip(),
      text('issuer', t('cover.issuer')),
    ],
    check: [
      text('heading', t('check.heading')),
      p(t('check.intro')),
      li([['check.fee', 'cash-banknote'], ['check.passport', 'id-off'], ['check.contract', 'file-unknown'], ['check.pay', 'moneybag'], ['check.secret', 'lock']]),
      { type: 'spacer' },
      { type: 'callout', blocks: [p(`<b>${t('check.callout')}</b>`)] },
      text('small', t('help.iwg', { count: data.facts.facts.iwgDepartments.value })),
    ],
    deceive: [
      text('heading', t('what.heading')),
      p(t('what.intro')),
      p(t('what.how')),
      text('subheading', t('deceive.controlHeading')),
      li(['deceive.debt', 'deceive.documents', 'deceive.threats']),
      text('subheading', t('what.smugglingHeading')),
      p(t('what.smuggling')),
      { type: 'spacer' },
      strip(),
    ],
    travel: [
      text('heading', t('travel.heading')),
      li(['travel.copies', 'travel.employer', 'travel.tell', 'travel.contacts', 'travel.passport']),
      { type: 'writein', text: t('travel.trustPerson'), lines: 1 },
      { type: 'writein', text: t('travel.trustPhone'), lines: 1 },
      { type: 'callout', blocks: [p(`<b>${t('travel.callout')}</b>`)] },
      { type: 'spacer' },
      strip(),
    ],
    law: [
      text('heading', t('law.heading')),
      p(t('law.offence')),
      p(`<b>${t('law.penalty')}</b>`),
      p(t('law.criminalCodeTrafficking')),
      p(t('law.consent')),
      { type: 'spacer' },
      strip(),
    ],
    help,
  };
  // The language's type: its script's font stack, line spacing (the translation may set its own) and size factor.
  const script = fonts.scripts[meta.script];
  const typography = {
    stack: script.fonts,
    lineSpacing: meta.lineSpacing ?? script.lineSpacing,
    sizeFactor: fonts.families[script.fonts[0]].sizeFactor,
  };
  return { code, meta, title: t('cover.title').replace(/<[^>]+>/g, ''), typography, panels };
}

/**
 * The tri-fold's imposition (templates/formats/trifold.json through src/imposition/impose.ts), Letter
 * landscape: per page, the three panels in left-to-right order for a left-to-right language, each
 * column's width and its start/end inset (10 mm at the paper's edge, 7 mm at a fold). A right-to-left
 * document mirrors the columns itself (Typst grid and CSS grid both follow the text direction).
 */
export const PAGE = { width: 792, height: 612 }; // Letter, landscape, in pt
export const MM = 72 / 25.4;
const FULL = (PAGE.width + 2 * MM) / 3;
const NARROW = FULL - 2 * MM;
export const EDGE = 10 * MM;
export const PAGES = [
  [
    { panel: 'check', width: NARROW, start: EDGE, end: 7 * MM },
    { panel: 'help', width: FULL, start: 7 * MM, end: 7 * MM },
    { panel: 'cover', width: FULL, start: 7 * MM, end: EDGE },
  ],
  [
    { panel: 'deceive', width: FULL, start: EDGE, end: 7 * MM },
    { panel: 'travel', width: FULL, start: 7 * MM, end: 7 * MM },
    { panel: 'law', width: NARROW, start: 7 * MM, end: EDGE },
  ],
];
/** x of the folds on each page, left to right, for a left-to-right language; fold marks 3 mm long, 5 mm from the edge. */
export const FOLDS = [[NARROW, NARROW + FULL], [FULL, 2 * FULL]];
export const FOLD_MARK = { length: 3 * MM, offset: 5 * MM };

/** A style of the theme with the schema's defaults (src/theme/theme.ts). */
export function style(theme, kind) {
  const s = theme.styles[kind];
  return { bold: false, leading: 1, spaceBefore: 0, spaceAfter: 0, ...s };
}

/** Splits translator markup into runs: [{ text, bold, nobr }] and { br: true }. */
export function inlineRuns(text) {
  const runs = [];
  let bold = false;
  let nobr = false;
  for (const part of text.split(/(<\/?b>|<\/?nobr>|<br\s*\/?>)/)) {
    if (part === '<b>') bold = true;
    else if (part === '</b>') bold = false;
    else if (part === '<nobr>') nobr = true;
    else if (part === '</nobr>') nobr = false;
    else if (/^<br/.test(part)) runs.push({ br: true });
    else if (part) runs.push({ text: part, bold, nobr });
  }
  return runs;
}
