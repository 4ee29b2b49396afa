// A tri-fold tree (lib/content.mjs) -> one HTML page for Chromium's print to PDF: @page Letter
// landscape, two .page boxes with three panels each (a CSS grid, so the fold-in panel can be 2 mm
// narrower, as the project's is), the default theme's styles, @font-face on the project's own font
// files, lang and dir on <html> (the grid mirrors itself for a right-to-left language).
import QRCode from 'qrcode';
import { EDGE, FAMILY_NAMES, FOLDS, FOLD_MARK, PAGE, PAGES, iconSvg, inlineRuns, style } from './content.mjs';

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const pt = (n) => `${+n.toFixed(3)}pt`;

function inline(text) {
  return inlineRuns(text).map((r) => {
    if (r.br) return '<br>';
    const s = r.bold ? `<b>${esc(r.text)}</b>` : esc(r.text);
    return r.nobr ? `<span class="nobr">${s}</span>` : s;
  }).join('');
}

/** Characters that are not letters of another script (approximately, as CSS unicode-range can say it). */
const NOT_LETTERS = 'U+0-40, U+5B-60, U+7B-BF, U+D7, U+F7, U+2B0-36F, U+2000-2BFF, U+3000-303F, U+FE00-FE0F';
const SCRIPT_RANGES = { Arabic: 'U+600-8FF, U+FB50-FDFF, U+FE70-FEFF', Thai: 'U+E00-E7F', Devanagari: 'U+900-97F, U+1CD0-1CFF, U+A8E0-A8FF' };

function fontFaces(fonts) {
  const faces = [];
  for (const fam of Object.values(fonts.families)) {
    const range = fam.letters ? `unicode-range: ${NOT_LETTERS}, ${fam.letters.map((l) => SCRIPT_RANGES[l]).join(', ')}; ` : '';
    for (const [weight, file] of [[400, fam.regular], [700, fam.bold]]) {
      faces.push(`@font-face { font-family: "${FAMILY_NAMES[fam.key]}"; font-weight: ${weight}; font-display: block; ${range}src: url("file://${file}") format("truetype"); }`);
    }
  }
  return faces.join('\n');
}

export async function htmlPage(tree, fonts, theme) {
  const { meta, typography } = tree;
  const sf = typography.sizeFactor;
  const hyphenates = meta.hyphenation != null;
  const kinds = ['endonym', 'title', 'lead', 'heading', 'subheading', 'paragraph', 'small', 'issuer', 'label', 'value', 'link'];
  const styleRules = kinds.map((kind) => {
    const s = style(theme, kind);
    return `.${kind} { font-size: ${pt(s.size * sf)}; font-weight: ${s.bold ? 700 : 400}; color: var(--${s.colour}); margin: ${pt(s.spaceBefore * sf)} 0 ${pt(s.spaceAfter * sf)}; line-height: ${+(s.leading * typography.lineSpacing).toFixed(4)};${s.wrap === 'pretty' && hyphenates ? ' hyphens: auto;' : ''}${s.wrap === 'balance' ? ' text-wrap: balance;' : s.wrap === 'pretty' ? ' text-wrap: pretty;' : ''} }`;
  }).join('\n');
  const tag = { heading: 'h2', subheading: 'h3', title: 'h1' };

  const blocks = async (list) => {
    const out = [];
    for (const b of list) {
      switch (b.type) {
        case 'spacer':
          out.push('<div class="spacer"></div>');
          break;
        case 'band':
          out.push(`<div class="band">${await blocks(b.blocks)}</div>`);
          break;
        case 'icon':
          out.push(`<div class="icon">${iconSvg(b.name, theme.colours.accent)}</div>`);
          break;
        case 'ul': {
          const icons = b.items.some((it) => it.icon);
          out.push(`<ul class="${icons ? 'icons' : 'bullets'}">${b.items.map((it) => `<li class="paragraph">${it.icon ? iconSvg(it.icon, theme.colours.accent) : ''}<span>${inline(it.text)}</span></li>`).join('')}</ul>`);
          break;
        }
        case 'writein':
          out.push(`<div class="writein label"><span>${inline(b.text)}</span><span class="line"></span>${'<div class="more"></div>'.repeat(b.lines - 1)}</div>`);
          break;
        case 'callout':
          out.push(`<div class="callout">${await blocks(b.blocks)}</div>`);
          break;
        case 'contact':
          out.push(`<div class="contact">${await blocks(b.blocks)}</div>`);
          break;
        case 'qr': {
          const svg = await QRCode.toString(b.value, { type: 'svg', errorCorrectionLevel: 'M', margin: 0 });
          out.push(`<div class="qr">${svg}<div class="label">${inline(b.caption)}</div></div>`);
          break;
        }
        default: {
          const el = tag[b.type] ?? 'p';
          out.push(`<${el} class="${b.type}">${inline(b.text)}</${el}>`);
        }
      }
    }
    return out.join('\n');
  };
  const pages = [];
  for (const [i, columns] of PAGES.entries()) {
    const marks = FOLDS[i].map((x) => `<div class="fold" style="inset-inline-start: ${pt(x)}; top: ${pt(FOLD_MARK.offset)}"></div><div class="fold" style="inset-inline-start: ${pt(x)}; bottom: ${pt(FOLD_MARK.offset)}"></div>`).join('');
    const panels = [];
    for (const col of columns) {
      panels.push(`<section class="panel" style="padding-inline: ${pt(col.start)} ${pt(col.end)}">\n${await blocks(tree.panels[col.panel])}\n</section>`);
    }
    pages.push(`<div class="page" style="grid-template-columns: ${columns.map((c) => pt(c.width)).join(' ')}">${marks}\n${panels.join('\n')}</div>`);
  }
  const families = typography.stack.map((key) => `"${FAMILY_NAMES[key]}"`).join(', ');
  const colours = Object.entries(theme.colours).map(([name, hex]) => `--${name}: ${hex};`).join(' ');
  const { list, callout, band, icon, writeIn, contact, qr } = theme;
  return `<!doctype html>
<html lang="${esc(meta.locale.split('-u-')[0])}" dir="${meta.direction}">
<head>
<meta charset="utf-8">
<title>${esc(tree.title)}</title>
<style>
${fontFaces(fonts)}
@page { size: ${pt(PAGE.width)} ${pt(PAGE.height)}; margin: 0; }
:root { ${colours} }
html, body { margin: 0; padding: 0; }
body { font-family: ${families}; font-size: ${pt(12 * sf)}; color: var(--text); -webkit-print-color-adjust: exact; print-color-adjust: exact;${meta.lineBreak === 'keep-all' ? ' word-break: keep-all;' : ''} }
.page { position: relative; width: ${pt(PAGE.width)}; height: ${pt(PAGE.height)}; display: grid; overflow: hidden; }
.page + .page { break-before: page; }
.panel { box-sizing: border-box; height: ${pt(PAGE.height)}; padding-block: ${pt(EDGE)}; display: flex; flex-direction: column; min-width: 0; }
.spacer { flex: 1; }
.nobr { white-space: nowrap; }
.fold { position: absolute; width: 0; height: ${pt(FOLD_MARK.length)}; border-inline-start: 0.5pt solid var(--fold); }
.band { background: var(--band); padding: ${pt(band.padding * sf)}; margin: ${pt(band.spaceBefore * sf)} 0 ${pt(band.spaceAfter * sf)}; }
.band.band > * { color: var(--onBand); margin: 0; }
.icon svg { display: block; width: ${pt(icon.size * sf)}; height: ${pt(icon.size * sf)}; margin-bottom: ${pt(icon.spaceAfter * sf)}; }
ul { list-style: none; margin: 0 0 ${pt(list.spaceAfter * sf)}; padding: 0; }
ul.bullets { padding-inline-start: ${pt(list.indent * sf)}; }
ul.bullets li { position: relative; margin-bottom: ${pt(list.itemSpace * sf)}; }
ul.bullets li::before { content: ""; position: absolute; inset-inline-start: ${pt(-list.indent * sf + 2)}; top: 0.55em; width: ${pt(2 * list.bulletRadius)}; height: ${pt(2 * list.bulletRadius)}; border-radius: 50%; background: var(--accent); }
ul.icons li { display: flex; gap: ${pt(list.iconGap * sf)}; align-items: flex-start; margin-bottom: ${pt(list.iconItemSpace * sf)}; }
ul.icons svg { flex: none; width: ${pt(list.iconSize * sf)}; height: ${pt(list.iconSize * sf)}; }
.writein { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4pt; margin-bottom: ${pt(writeIn.spaceAfter * sf)}; }
.writein .line { flex: 1; border-bottom: ${pt(writeIn.lineWidth)} solid var(--text); }
.writein .more { flex-basis: 100%; height: ${pt(writeIn.lineGap * sf)}; border-bottom: ${pt(writeIn.lineWidth)} solid var(--text); }
.callout { background: var(--calloutFill); border: ${pt(callout.keyline)} solid var(--keyline); border-inline-start: ${pt(callout.bar * sf)} solid var(--accent); padding: ${pt(callout.padding * sf)}; margin: ${pt(callout.spaceBefore * sf)} 0 ${pt(callout.spaceAfter * sf)}; }
.callout > :last-child { margin-bottom: 0; }
.contact { margin-bottom: ${pt(contact.spaceAfter * sf)}; }
.qr { display: flex; gap: ${pt(qr.gap * sf)}; align-items: flex-start; margin-bottom: ${pt(qr.spaceAfter * sf)}; }
.qr svg { width: ${pt(qr.size * sf)}; height: ${pt(qr.size * sf)}; flex: none; }
${styleRules}
</style>
</head>
<body>
${pages.join('\n')}
</body>
</html>
`;
}
