// A tri-fold tree (lib/content.mjs) -> one Typst document: Letter landscape, two pages, three
// panels per page in a grid, the default theme's styles, the language's font stack from
// fonts/fonts.json, `#set text(lang: ..., dir: ...)`.
import QRCode from 'qrcode';
import { EDGE, FAMILY_NAMES, FOLDS, FOLD_MARK, PAGE, PAGES, iconSvg, inlineRuns, style } from './content.mjs';

const str = (s) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
const pt = (n) => `${+n.toFixed(3)}pt`;
const em = (n) => `${+n.toFixed(4)}em`;

/** Translator markup -> Typst markup: every run is a string literal, so nothing needs escaping; <nobr> binds its words with no-break spaces. */
function inline(text) {
  return inlineRuns(text).map((r) => {
    if (r.br) return '#linebreak()';
    const s = str(r.nobr ? r.text.replace(/ /g, '\u00a0') : r.text);
    return r.bold ? `#strong(${s})` : `#${s}`;
  }).join('');
}

/** The regex a family with `letters` covers: its own letters and every character that is not a letter. */
function covers(letters) {
  return `regex(${str(`[${letters.map((l) => `\\p{${l}}`).join('')}\\P{L}]`)})`;
}

export async function typstSource(tree, fonts, theme) {
  const { meta, typography } = tree;
  const rtl = meta.direction === 'rtl';
  const [lang, region] = meta.locale.split('-');
  const fontList = typography.stack.map((key) => {
    const fam = fonts.families[key];
    return fam.letters ? `(name: ${str(FAMILY_NAMES[key])}, covers: ${covers(fam.letters)})` : str(FAMILY_NAMES[key]);
  });
  const sf = typography.sizeFactor;
  const hyphenates = meta.hyphenation != null;
  const c = (name) => `c-${name}`;
  const start = rtl ? 'right' : 'left';

  // Lines are boxes 0.8em above and 0.2em below the baseline, so leading = baseline distance - 1em;
  // the block's last line keeps its full line height, as the project's layout does.
  const styled = (kind, body, { colour, after } = {}) => {
    const s = style(theme, kind);
    const extra = (s.leading * typography.lineSpacing - 1) * s.size * sf;
    const hyphenate = s.wrap === 'pretty' && hyphenates;
    return `block(above: ${pt(s.spaceBefore * sf)}, below: ${pt((after ?? s.spaceAfter) * sf + extra)})[#set text(size: ${pt(s.size * sf)}, weight: ${s.bold ? '"bold"' : '"regular"'}, fill: ${colour ?? c(s.colour)}, hyphenate: ${hyphenate}); #set par(leading: ${em(s.leading * typography.lineSpacing - 1)}); ${body}]`;
  };
  const writeIn = (b) => {
    const label = style(theme, 'label');
    const { lineGap, lineWidth, spaceAfter } = theme.writeIn;
    const rule = `box(width: 1fr, height: 0.8em, stroke: (bottom: ${pt(lineWidth)} + ${c('text')}))`;
    const more = Array.from({ length: b.lines - 1 }, () => `#block(above: 0pt, below: 0pt, width: 100%, height: ${pt(lineGap * sf)}, stroke: (bottom: ${pt(lineWidth)} + ${c('text')}))`).join('');
    return `#block(above: 0pt, below: ${pt(spaceAfter * sf)})[#set text(size: ${pt(label.size * sf)}); ${inline(b.text)} #${rule}${more}]`;
  };
  const list = (b) => {
    const l = theme.list;
    const li = style(theme, 'paragraph');
    const extra = (li.leading * typography.lineSpacing - 1) * li.size * sf;
    if (b.items.some((it) => it.icon)) {
      const rows = b.items.map((it) => `image(bytes(${str(iconSvg(it.icon, theme.colours.accent))}), format: "svg", width: ${pt(l.iconSize * sf)}), ${styled('paragraph', inline(it.text), { after: 0 })}`);
      return `#block(above: 0pt, below: ${pt(l.spaceAfter * sf + extra)}, grid(columns: (${pt(l.iconSize * sf)}, 1fr), column-gutter: ${pt(l.iconGap * sf)}, row-gutter: ${pt(l.iconItemSpace * sf)}, ${rows.join(', ')}))`;
    }
    const marker = `box(width: ${pt(l.indent * sf - 4)}, height: 0.72em, align(horizon, circle(radius: ${pt(l.bulletRadius)}, fill: ${c('accent')})))`;
    return `#block(above: 0pt, below: ${pt(l.spaceAfter * sf + extra)}, list(marker: ${marker}, indent: 0pt, body-indent: 4pt, spacing: ${pt(l.itemSpace * sf + extra)}, ${b.items.map((it) => styled('paragraph', inline(it.text), { after: 0 })).join(', ')}))`;
  };

  const blocks = async (list_, inBand = false) => {
    const out = [];
    for (const b of list_) {
      switch (b.type) {
        case 'spacer':
          out.push('#v(1fr)');
          break;
        case 'band': {
          const { padding, spaceBefore, spaceAfter } = theme.band;
          out.push(`#block(width: 100%, above: ${pt(spaceBefore * sf)}, below: ${pt(spaceAfter * sf)}, fill: ${c('band')}, inset: ${pt(padding * sf)})[${(await blocks(b.blocks, true)).join('\n')}]`);
          break;
        }
        case 'icon':
          out.push(`#block(above: 0pt, below: ${pt(theme.icon.spaceAfter * sf)}, image(bytes(${str(iconSvg(b.name, theme.colours.accent))}), format: "svg", width: ${pt(theme.icon.size * sf)}))`);
          break;
        case 'ul':
          out.push(list(b));
          break;
        case 'writein':
          out.push(writeIn(b));
          break;
        case 'callout': {
          const { padding, bar, keyline, spaceBefore, spaceAfter } = theme.callout;
          const stroke = `(rest: ${pt(keyline)} + ${c('keyline')}, ${start}: ${pt(bar * sf)} + ${c('accent')})`;
          out.push(`#block(width: 100%, above: ${pt(spaceBefore * sf)}, below: ${pt(spaceAfter * sf)}, fill: ${c('calloutFill')}, inset: ${pt(padding * sf)}, stroke: ${stroke})[${(await blocks(b.blocks)).join('\n')}]`);
          break;
        }
        case 'contact':
          out.push(`#block(above: 0pt, below: ${pt(theme.contact.spaceAfter * sf)})[${(await blocks(b.blocks)).join('')}]`);
          break;
        case 'qr': {
          const svg = await QRCode.toString(b.value, { type: 'svg', errorCorrectionLevel: 'M', margin: 0 });
          const { size, gap, spaceAfter } = theme.qr;
          out.push(`#block(above: 0pt, below: ${pt(spaceAfter * sf)}, grid(columns: (${pt(size * sf)}, 1fr), column-gutter: ${pt(gap * sf)}, image(bytes(${str(svg)}), format: "svg", width: ${pt(size * sf)}), ${styled('label', inline(b.caption))}))`);
          break;
        }
        default:
          out.push(`#${styled(b.type, inline(b.text), inBand ? { colour: c('onBand') } : {})}`);
      }
    }
    return out;
  };

  const page = async (columns, folds) => {
    const { length, offset } = FOLD_MARK;
    const marks = folds
      .map((x) => (rtl ? PAGE.width - x : x))
      .flatMap((x) => [`place(top + left, dx: ${pt(x)}, dy: ${pt(offset)}, line(length: ${pt(length)}, angle: 90deg, stroke: 0.5pt + ${c('fold')}))`, `place(bottom + left, dx: ${pt(x)}, dy: ${pt(-offset - length)}, line(length: ${pt(length)}, angle: 90deg, stroke: 0.5pt + ${c('fold')}))`]);
    const cells = [];
    for (const col of columns) {
      const [left, right] = rtl ? [col.end, col.start] : [col.start, col.end];
      cells.push(`block(width: 100%, height: 100%, inset: (left: ${pt(left)}, right: ${pt(right)}, top: ${pt(EDGE)}, bottom: ${pt(EDGE)}))[\n${(await blocks(tree.panels[col.panel])).join('\n')}\n]`);
    }
    return `#page(background: {${marks.join('; ')}})[#grid(columns: (${columns.map((col) => pt(col.width)).join(', ')}), rows: (${pt(PAGE.height)},),\n${cells.join(',\n')})]`;
  };

  return [
    `// ${tree.code}: generated from translations/${tree.code}.json`,
    `#set document(title: ${str(tree.title)}, date: datetime(year: 2026, month: 11, day: 28))`,
    `#set page(width: ${pt(PAGE.width)}, height: ${pt(PAGE.height)}, margin: 0pt)`,
    `#set text(lang: ${str(lang)}${region && /^[A-Z]{2}$/.test(region) ? `, region: ${str(region)}` : ''}, dir: ${rtl ? 'rtl' : 'ltr'}, font: (${fontList.join(', ')}), size: ${pt(12 * sf)}, top-edge: 0.8em, bottom-edge: -0.2em, hyphenate: false)`,
    `#set par(justify: false, spacing: 0pt)`,
    ...Object.entries(theme.colours).map(([name, hex]) => `#let c-${name} = rgb(${str(hex)})`),
    await page(PAGES[0], FOLDS[0]),
    await page(PAGES[1], FOLDS[1]),
    '',
  ].join('\n');
}
