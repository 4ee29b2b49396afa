import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildPamphlet, prepareLanguage } from '../../src/build/build-pamphlet';
import { PamphletError } from '../../src/core/errors';
import { loadEdition, missingLabels, withEdition } from '../../src/edition/edition';
import { loadTranslation } from '../../src/languages/load-translations';
import { loadLogo, LOGO_LIMITS } from '../../src/logo/load-logo';
import { content, ROOT } from '../support/build';
import { sharedPdf } from '../support/shared-pdfs';
import { temporaryFolders } from '../support/temp';

/** What an untrusted logo may be, and what an edition without one prints: exactly what it printed before logos. */

const tmp = temporaryFolders('pamphlet-logo-unit-');
const PNG_FIXTURE = path.join(ROOT, 'test', 'fixtures', 'logo', 'placeholder-logo.png');
const svg = (body: string, attrs = 'viewBox="0 0 10 10"') => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" ${attrs}>\n${body}\n</svg>`;

/** The usage error (one line) that reading `name`, holding `text`, as an edition's logo gives. */
function refusal(name: string, text: string | Buffer): string {
  const dir = tmp();
  fs.writeFileSync(path.join(dir, name), text);
  try {
    loadLogo(path.join(dir, 'edition.json'), name, 'logo.file');
  } catch (error) {
    expect(error).toBeInstanceOf(PamphletError);
    expect((error as PamphletError).kind).toBe('usage');
    expect((error as PamphletError).message).not.toContain('\n');
    return (error as PamphletError).message;
  }
  throw new Error(`${name} was not refused`);
}

describe('an SVG logo', () => {
  it('is taken with its viewBox (or width and height) for its proportions', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'a.svg'), svg('<path d="M0 0H30V10Z"/>', 'viewBox="0 0 30 10"'));
    fs.writeFileSync(path.join(dir, 'b.svg'), `<?xml version="1.0"?>\n<!-- a comment -->\n${svg('<path d="M0 0H20V10Z"/>', 'width="20mm" height="10mm"')}`);
    expect(loadLogo(path.join(dir, 'e.json'), 'a.svg', 'logo.file')).toMatchObject({ kind: 'svg', width: 30, height: 10 });
    const b = loadLogo(path.join(dir, 'e.json'), 'b.svg', 'logo.file');
    expect(b.width / b.height).toBeCloseTo(2, 9);
  });

  it('is refused, naming the element and its line, for anything that runs, fetches, embeds or depends on a font', () => {
    const cases: [string, RegExp][] = [
      [svg('<g onload="alert(1)"/>'), /<g> \(line 2\): the event attribute onload/],
      [svg('<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>'), /<foreignObject> \(line 2\)/],
      [svg('<use href="other.svg#a"/>'), /<use> \(line 2\): href="other\.svg#a" points outside the logo/],
      [svg('<rect width="1" height="1" fill="url(https://example.org/p.svg#g)"/>'), /<rect> \(line 2\): fill has url\(https:\/\/example\.org\/p\.svg#g\)/],
      [svg('<rect width="1" height="1" style="fill: url(\'file:///etc/passwd#x\')"/>'), /<rect> \(line 2\): style has url\(file:\/\/\/etc\/passwd#x\)/],
      [svg('<style>@import url(https://example.org/a.css);</style>'), /<style> \(line 2\): its style sheet has @import or url/],
      [svg('<svg:text xmlns:svg="http://www.w3.org/2000/svg">x</svg:text>'), /<svg:text> \(line 2\): .*outlines/],
      [svg('<a href="#x"><path d="M0 0H1V1Z"/></a>'), /<a> \(line 2\): a link has no place on paper/],
      [`<?xml-stylesheet href="https://example.org/a.css"?>${svg('')}`, /processing instruction <\?xml-stylesheet\?>/],
      [svg('<path d="M0 0H1V1Z"/>', ''), /has no viewBox, nor a width and height/],
      [svg('<path d="M0 0H1V1Z"/>', 'viewBox="0 0 100 1"'), /more than 20 times wider than tall/],
      ['<html><body/></html>', /<html>.*an SVG logo has <svg> at the top/],
      [svg('<g>'), /not well-formed XML/],
      [svg('<g id="a"><use href="#b"/></g><g id="b"><use href="#a"/></g>'), /refers to itself through its references \(a loop\)/],
      [svg('<rect width="1" height="1" fill="url(#nowhere)"/>'), /<rect> \(line 2\): it refers to #nowhere, which the logo does not have/],
      [svg(`${'<g>'.repeat(70)}${'</g>'.repeat(70)}`), /nested more than 64 deep/],
      [svg('<path d="M0 0 L 5"/>'), /cannot be drawn as it is: the SVG drawing library says "SvgPath: command L with 1 numbers"/],
    ];
    for (const [text, message] of cases) expect(refusal('logo.svg', text)).toMatch(message);
  });

  it('is refused when what it draws, with each <use> repeated, would be huge (an SVG "billion laughs"), before anything is drawn', () => {
    let body = '<rect id="l0" width="1" height="1"/>';
    for (let level = 1; level <= 9; level++) body += `<g id="l${level}">${`<use href="#l${level - 1}"/>`.repeat(10)}</g>`;
    const started = Date.now();
    expect(refusal('logo.svg', svg(body))).toMatch(/draws more than 20,000 elements/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('is refused beyond 256 KiB, and when it is not UTF-8 text', () => {
    expect(refusal('logo.svg', svg(`<!--${'x'.repeat(LOGO_LIMITS.svgBytes)}-->`))).toMatch(/more than the limit of 256 KiB/);
    expect(refusal('logo.svg', Buffer.from(svg('<desc>caf\xe9</desc>'), 'latin1'))).toMatch(/is not valid UTF-8/);
  });
});

describe('a PNG logo', () => {
  const png = fs.readFileSync(PNG_FIXTURE);

  it('is taken with its pixel size', () => {
    const dir = tmp();
    fs.copyFileSync(PNG_FIXTURE, path.join(dir, 'logo.png'));
    expect(loadLogo(path.join(dir, 'e.json'), 'logo.png', 'logo.file')).toMatchObject({ kind: 'png', width: 90, height: 60 });
  });

  it('is refused when it is not a PNG, is too large by its header (before decoding), is cut short or damaged', () => {
    const wide = Buffer.from(png);
    wide.writeUInt32BE(4001, 16);
    const damaged = Buffer.from(png);
    damaged[damaged.length - 40] ^= 0xff;
    expect(refusal('logo.png', Buffer.from('GIF89a and more bytes than a header has, really'))).toMatch(/not a PNG file/);
    expect(refusal('logo.png', wide)).toMatch(/4001 × 60 pixels, more than the limit/);
    expect(refusal('logo.png', png.subarray(0, 40))).toMatch(/not a readable PNG .*cut short or damaged/);
    expect(refusal('logo.png', damaged)).toMatch(/not a readable PNG .*cut short or damaged/);
    expect(refusal('logo.png', Buffer.concat([png, Buffer.alloc(LOGO_LIMITS.pngBytes)]))).toMatch(/more than the limit of 2 MiB/);
  });
});

describe('the logo\'s file name', () => {
  it('stays in the edition\'s folder: no absolute path, no "..", no link out, no hidden file, .svg or .png only', () => {
    const dir = tmp();
    const outside = tmp();
    fs.writeFileSync(path.join(outside, 'logo.svg'), svg('<path d="M0 0H1V1Z"/>'));
    fs.symlinkSync(path.join(outside, 'logo.svg'), path.join(dir, 'linked.svg'));
    const edition = path.join(dir, 'edition.json');
    const message = (name: string) => {
      try {
        loadLogo(edition, name, 'logo.file');
      } catch (error) {
        return (error as PamphletError).message;
      }
      return 'accepted';
    };
    expect(message(path.join(outside, 'logo.svg'))).toMatch(/edition\.json, key logo\.file: the logo ".*" is an absolute path/);
    expect(message('art/../../logo.svg')).toMatch(/leaves the edition's folder/);
    expect(message('linked.svg')).toMatch(/linked\.svg, key logo\.file: links outside its folder/);
    expect(message('.hidden.svg')).toMatch(/is not a plain file name/);
    expect(message('logo.gif')).toMatch(/is neither \.svg nor \.png/);
    expect(message('art\\logo.svg')).toMatch(/has a backslash/);
  });
});

describe('an edition\'s logo in the pieces', () => {
  const dir = tmp();
  fs.copyFileSync(PNG_FIXTURE, path.join(dir, 'logo.png'));
  const editionFile = (logo: unknown) => {
    const file = path.join(dir, `edition-${Math.random().toString(36).slice(2)}.json`);
    fs.writeFileSync(file, JSON.stringify({ name: 'T', logo }));
    return file;
  };

  it('takes its alt text in the piece\'s language, else English; by language it needs English, and a language without one is a warning', () => {
    const edition = loadEdition(editionFile({ file: 'logo.png', alt: { en: 'Our emblem', fr: 'Notre emblème' } }));
    const sources = { ...content(), data: withEdition(content().data, edition) };
    const logoOf = (code: string) => prepareLanguage(sources, loadTranslation(sources.translationsDir, code)).document.panels[0].blocks.find((b) => b.type === 'logo');
    expect(logoOf('fr')).toMatchObject({ type: 'logo', alt: 'Notre emblème', image: { kind: 'png' } });
    expect(logoOf('th')).toMatchObject({ alt: 'Our emblem' });
    expect(missingLabels(edition, 'th', 'th.json').map((f) => [f.severity, f.key])).toEqual([['warning', 'logo.alt.th']]);
    expect(missingLabels(edition, 'fr', 'fr.json')).toEqual([]);
    expect(() => loadEdition(editionFile({ file: 'logo.png', alt: { th: 'ตรา' } }))).toThrow(/key logo\.alt: the logo has its alt text by language but none in English/);
    // A bare file name is the file.
    expect(loadEdition(editionFile('logo.png')).logo?.image.kind).toBe('png');
  });

  it('is a template error where a template prints <logo/> with no logo to print', () => {
    const template = path.join(tmp(), 'logo.hbs');
    fs.writeFileSync(template, '<pamphlet format="poster" theme="poster"><panel name="poster"><logo/><p>{{t "cover.title"}}</p></panel></pamphlet>');
    const sources = content({ templateFile: template });
    expect(() => prepareLanguage(sources, loadTranslation(sources.translationsDir, 'en'))).toThrow(/template markup line 1: <logo\/>, but there is no logo to print .*\{\{#if logo\}\}<logo\/>\{\{\/if\}\}/);
  });

  it('without a logo, each piece is byte for byte what the template without its logo lines prints', async () => {
    const withoutLogoLines = (name: string) => {
      const source = fs.readFileSync(path.join(ROOT, 'templates', name), 'utf8')
        .replace(/\s*\{\{#if logo\}\}<logo\/>\{\{\/if\}\}/g, '')
        .replace(/\s*\{\{#if logo\}\}\s*<logo>.*<\/logo>\s*\{\{else\}\}(\s*<small>.*<\/small>)\s*\{\{\/if\}\}/s, '$1');
      expect(source.replace(/\{\{!--[\s\S]*?--\}\}/, '')).not.toMatch(/logo/);
      const file = path.join(tmp(), name);
      fs.writeFileSync(file, source);
      return file;
    };
    for (const [format, code] of [['trifold', 'ar'], ['wallet-card', 'en']] as const) {
      const shipped = { pdf: await sharedPdf({ format, language: code, paper: 'a4' }) };
      const bare = await buildPamphlet(content({ templateFile: withoutLogoLines(`${format}.hbs`) }), code, 'a4');
      expect(shipped.pdf.equals(bare.pdf)).toBe(true);
    }
  }, 60_000);
});
