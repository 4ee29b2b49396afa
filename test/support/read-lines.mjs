// Reads PDFs with MuPDF (WASM, an ES module with top-level await, so it runs
// in its own process) and prints, as JSON, the typeset lines of every page in
// the order they were drawn: each line's text in logical order, its start x,
// width, baseline, font size, fonts and fill colour.
//
// MuPDF's structured text is a reader's guess at lines: it merges and splits
// Thai lines and repeats text around ActualText spans. pamphlet draws each
// typeset line in a q…Q of its own, as one BT…ET text object or, for a line
// with a number after right-to-left text, a few (src/render/ltr-seam.ts), so
// this walks the content stream MuPDF decompresses and takes the text objects
// of one q…Q as one line: its ActualText if it has one, else its glyphs
// decoded through the font's ToUnicode map, as a reader copying the text gets
// them. Glyphs are written left to right in visual order, in stretches that
// go in logical order (src/render/stream-order.ts): as pdf.js does, the line
// is cut into pieces where a text object starts or the pen goes back, and
// each piece with right-to-left text is put back in logical order by the
// Unicode bidirectional algorithm.
//
// Usage: node read-lines.mjs a.pdf b.pdf …  →  { "a.pdf": { pages: [...] }, … }
import * as fs from 'node:fs';
import * as mupdf from 'mupdf';
import bidiFactory from 'bidi-js';

const bidi = bidiFactory();
const RIGHT_TO_LEFT = /[\p{Script=Arabic}\p{Script=Hebrew}]/u;
/** A line's text drawn in visual order, in logical order. */
const logical = (visual) => (RIGHT_TO_LEFT.test(visual) ? bidi.getReorderedString(visual, bidi.getEmbeddingLevels(visual, 'auto')) : visual);

/** Tokens of a content stream: numbers, names, strings (as latin1 byte strings), arrays, dicts, operators. */
function* tokens(s) {
  let i = 0;
  const n = s.length;
  const isWhite = (c) => c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === '\f' || c === '\0';
  const isDelim = (c) => '()<>[]{}/%'.includes(c);
  while (i < n) {
    const c = s[i];
    if (isWhite(c)) { i++; continue; }
    if (c === '%') { while (i < n && s[i] !== '\n' && s[i] !== '\r') i++; continue; }
    if (c === '(') {
      let depth = 1;
      let out = '';
      i++;
      while (i < n && depth > 0) {
        const d = s[i];
        if (d === '\\') {
          const e = s[i + 1];
          const oct = /^[0-7]{1,3}/.exec(s.slice(i + 1, i + 4));
          if (oct) { out += String.fromCharCode(parseInt(oct[0], 8) & 0xff); i += 1 + oct[0].length; continue; }
          if (e === '\r' || e === '\n') { i += e === '\r' && s[i + 2] === '\n' ? 3 : 2; continue; }
          out += { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' }[e] ?? e;
          i += 2;
          continue;
        }
        if (d === '(') depth++;
        if (d === ')' && --depth === 0) { i++; break; }
        out += d;
        i++;
      }
      yield { type: 'string', value: out };
      continue;
    }
    if (c === '<' && s[i + 1] === '<') { yield { type: 'dictStart' }; i += 2; continue; }
    if (c === '>' && s[i + 1] === '>') { yield { type: 'dictEnd' }; i += 2; continue; }
    if (c === '<') {
      const end = s.indexOf('>', i);
      const hex = s.slice(i + 1, end).replace(/\s+/g, '');
      let out = '';
      for (let k = 0; k < hex.length; k += 2) out += String.fromCharCode(parseInt(hex.slice(k, k + 2).padEnd(2, '0'), 16));
      yield { type: 'string', value: out };
      i = end + 1;
      continue;
    }
    if (c === '[') { yield { type: 'arrayStart' }; i++; continue; }
    if (c === ']') { yield { type: 'arrayEnd' }; i++; continue; }
    let j = i + 1;
    while (j < n && !isWhite(s[j]) && !isDelim(s[j])) j++;
    const word = s.slice(i, j);
    i = j;
    if (c === '/') yield { type: 'name', value: word.slice(1) };
    else if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) yield { type: 'number', value: Number(word) };
    else yield { type: 'op', value: word };
  }
}

/** Groups tokens into operators with their operands (arrays and dicts as JS values). */
function* operations(s) {
  const stack = [[]];
  const dictStack = [];
  for (const t of tokens(s)) {
    const top = stack[stack.length - 1];
    switch (t.type) {
      case 'arrayStart': case 'dictStart': stack.push([]); dictStack.push(t.type === 'dictStart'); break;
      case 'arrayEnd': case 'dictEnd': {
        const items = stack.pop();
        const isDict = dictStack.pop();
        let value = items;
        if (isDict) {
          value = {};
          for (let k = 0; k + 1 < items.length; k += 2) value[items[k].name] = items[k + 1];
        }
        stack[stack.length - 1].push(value);
        break;
      }
      case 'name': top.push({ name: t.value }); break;
      case 'number': case 'string': top.push(t.value); break;
      case 'op':
        if (stack.length > 1) { top.push({ op: t.value }); break; }
        yield { op: t.value, args: top.splice(0) };
        break;
    }
  }
}

/** A PDF text string (UTF-16BE with a byte-order mark, or PDFDocEncoding ≈ latin1) as a JS string. */
function textString(bytes) {
  if (bytes.charCodeAt(0) === 0xfe && bytes.charCodeAt(1) === 0xff) {
    return Buffer.from(Buffer.from(bytes.slice(2), 'latin1')).swap16().toString('utf16le');
  }
  return bytes;
}

/** A ToUnicode CMap: glyph code → text (bfchar and both forms of bfrange). */
function parseToUnicode(cmap) {
  const map = new Map();
  const hexText = (h) => (h.length ? Buffer.from(h.padEnd(Math.ceil(h.length / 4) * 4, '0'), 'hex').swap16().toString('utf16le') : '');
  for (const [, body] of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, src, dst] of body.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]*)>/g)) map.set(parseInt(src, 16), hexText(dst.replace(/\s+/g, '')));
  }
  for (const [, body] of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, rest] of body.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F\s]*>)/g)) {
      const from = parseInt(lo, 16);
      const to = parseInt(hi, 16);
      if (rest.startsWith('[')) {
        [...rest.matchAll(/<([0-9a-fA-F\s]*)>/g)].forEach((m, k) => map.set(from + k, hexText(m[1].replace(/\s+/g, ''))));
      } else {
        const start = rest.slice(1, -1).replace(/\s+/g, '');
        const base = parseInt(start.slice(-4), 16);
        for (let code = from; code <= to; code++) {
          map.set(code, hexText(start.slice(0, -4) + (base + code - from).toString(16).padStart(4, '0')));
        }
      }
    }
  }
  return map;
}

/** A page's fonts by resource name: base font, ToUnicode map, glyph widths (text space, 1/1000 em). */
function pageFonts(pageObj) {
  const fonts = new Map();
  const resources = pageObj.get('Resources').get('Font');
  resources.forEach((value, key) => {
    const font = value.resolve();
    const toUnicode = font.get('ToUnicode');
    const map = toUnicode.isStream() ? parseToUnicode(Buffer.from(toUnicode.readStream().asUint8Array()).toString('latin1')) : new Map();
    const widths = new Map();
    const descendant = font.get('DescendantFonts');
    let defaultWidth = 1000;
    if (descendant.isArray()) {
      const cid = descendant.get(0).resolve();
      if (cid.get('DW').isNumber()) defaultWidth = cid.get('DW').asNumber();
      const w = cid.get('W');
      if (w.isArray()) {
        for (let k = 0; k < w.length;) {
          const first = w.get(k).asNumber();
          const next = w.get(k + 1);
          if (next.isArray()) {
            for (let m = 0; m < next.length; m++) widths.set(first + m, next.get(m).asNumber());
            k += 2;
          } else {
            const last = next.asNumber();
            for (let code = first; code <= last; code++) widths.set(code, w.get(k + 2).asNumber());
            k += 3;
          }
        }
      }
    }
    fonts.set(String(key), { name: font.get('BaseFont').asName(), toUnicode: map, widths, defaultWidth, twoByte: descendant.isArray() });
  });
  return fonts;
}

const multiply = (a, b) => [
  a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
  a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3],
  a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5],
];
const hex = (rgb) => '#' + rgb.map((v) => Math.round(v * 255).toString(16).padStart(2, '0')).join('');

function readPage(page) {
  const [x0, y0, x1, y1] = page.getBounds();
  const height = y1 - y0;
  const pageObj = page.getObject();
  const fonts = pageFonts(pageObj);
  const contents = pageObj.get('Contents');
  const streams = contents.isArray() ? Array.from({ length: contents.length }, (_, k) => contents.get(k)) : [contents];
  const content = streams.map((s) => Buffer.from(s.readStream().asUint8Array()).toString('latin1')).join('\n');

  const lines = [];
  /** The line of the open q…Q: its text objects go on it until the Q. */
  const flush = () => {
    if (line && line.runs.length) {
      // The pen's baseline is the most common y: marks moved up or down by positioning are not the line's.
      const counts = new Map();
      for (const y of line.ys) counts.set(y, (counts.get(y) ?? 0) + 1);
      const baseline = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
      const text = line.actualText ?? line.pieces.map(logical).join('');
      const sizes = line.runs.filter((r) => r.text.trim()).map((r) => r.size);
      lines.push({
        text,
        actualText: line.actualText !== null,
        x: line.left,
        width: line.right - line.left,
        // Top-down, as the layout measures it.
        baseline: height - baseline,
        size: Math.max(...(sizes.length ? sizes : line.runs.map((r) => r.size))),
        bold: line.runs.filter((r) => r.text.trim()).every((r) => r.bold),
        fonts: [...new Set(line.runs.map((r) => r.font))],
        fill: line.fill,
      });
    }
    line = null;
  };
  let ctm = [1, 0, 0, 1, 0, 0];
  const saved = [];
  let fill = '#000000';
  const actual = []; // ActualText of the open marked-content spans (null for spans without one)
  let font = null;
  let size = 0;
  let charSpacing = 0;
  let line = null;
  for (const { op, args } of operations(content)) {
    switch (op) {
      case 'q': flush(); saved.push({ ctm, fill }); break;
      case 'Q': flush(); ({ ctm, fill } = saved.pop() ?? { ctm, fill }); break;
      case 'cm': ctm = multiply(args, ctm); break;
      case 'rg': case 'sc': case 'scn': if (args.length === 3) fill = hex(args); break;
      case 'g': fill = hex([args[0], args[0], args[0]]); break;
      case 'BDC': {
        const props = args[1];
        actual.push(props && typeof props === 'object' && typeof props.ActualText === 'string' ? textString(props.ActualText) : null);
        break;
      }
      case 'BMC': actual.push(null); break;
      case 'EMC': actual.pop(); break;
      case 'BT':
        line ??= { pieces: [], runs: [], left: Infinity, right: -Infinity, ys: [], actualText: null };
        line.pieces.push('');
        line.tm = undefined;
        line.end = undefined;
        break;
      case 'Tf': font = fonts.get(args[0].name); size = args[1]; break;
      case 'Tc': charSpacing = args[0]; break;
      case 'Tm': case 'TJ': case 'Tj': {
        if (!line) break;
        if (op === 'Tm') { line.tm = args; break; }
        const items = op === 'TJ' ? args[0] : [args[0]];
        const tm = line.tm ?? [1, 0, 0, 1, 0, 0];
        const m = multiply(tm, ctm);
        const scale = Math.hypot(m[0], m[1]);
        let advance = 0; // in text space units of 1/1000 em
        let text = '';
        for (const item of items) {
          if (typeof item === 'number') { advance -= item; continue; }
          const step = font.twoByte ? 2 : 1;
          for (let k = 0; k + step <= item.length; k += step) {
            const code = step === 2 ? (item.charCodeAt(k) << 8) | item.charCodeAt(k + 1) : item.charCodeAt(k);
            text += font.toUnicode.get(code) ?? '';
            advance += (font.widths.get(code) ?? font.defaultWidth) + (charSpacing * 1000) / size;
          }
        }
        const x = m[4];
        const right = x + (advance / 1000) * size * scale;
        // Spaces on their own (before a number after right-to-left text) are not drawn glyphs, and may sit anywhere.
        if (text.trim() !== '') {
          line.left = Math.min(line.left, x, right);
          line.right = Math.max(line.right, x, right);
        }
        line.ys.push(Math.round(m[5] * 100) / 100);
        // pdf.js starts a new text item where the pen goes back by more than a fifth of the font size.
        if (line.end !== undefined && x < line.end - 0.2 * size * scale) line.pieces.push('');
        line.pieces[line.pieces.length - 1] += text;
        line.end = right;
        const bold = /Bold|Black|Heavy|SemiBold/i.test(font.name);
        const last = line.runs[line.runs.length - 1];
        if (last && last.font === font.name && last.size === size * scale) last.text += text;
        else line.runs.push({ font: font.name.replace(/^[A-Z]{6}\+/, ''), bold, size: size * scale, text });
        line.fill = fill;
        // The pen moves on by what was shown: the next show in the same text object (after a marked-content span) starts there.
        const moved = (advance / 1000) * size;
        line.tm = [tm[0], tm[1], tm[2], tm[3], tm[4] + moved * tm[0], tm[5] + moved * tm[1]];
        break;
      }
      case 'ET':
        if (line) line.actualText ??= [...actual].reverse().find((a) => a !== null) ?? null;
        break;
    }
  }
  flush();
  return { width: x1 - x0, height, lines };
}

const out = {};
for (const file of process.argv.slice(2)) {
  const doc = mupdf.Document.openDocument(fs.readFileSync(file), 'application/pdf');
  const pages = [];
  for (let i = 0; i < doc.countPages(); i++) pages.push(readPage(doc.loadPage(i)));
  out[file] = { pages };
}
process.stdout.write(JSON.stringify(out));
