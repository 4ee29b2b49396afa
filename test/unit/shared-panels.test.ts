import * as path from 'node:path';
import * as fitPanelModule from '../../src/layout/fit-panel';
import { buildPiece, layOutPamphlet, prepareLanguage } from '../../src/build/build-pamphlet';
import { loadTranslation } from '../../src/languages/load-translations';
import { content, ROOT } from '../support/build';

/**
 * A piece printed by the office and by a print shop on one paper has its
 * panels laid out once (src/build/shared-panels.ts): both targets place the
 * same panels, in slots of the same size.
 */
describe('panels shared by the print targets of one paper', () => {
  const sources = content();
  const prepared = prepareLanguage(sources, loadTranslation(path.join(ROOT, 'translations'), 'fr'));
  const fits = jest.spyOn(fitPanelModule, 'fitPanel');
  afterAll(() => fits.mockRestore());
  const laidOut = () => {
    const before = fits.mock.calls.length;
    return () => fits.mock.calls.length - before;
  };

  it('lays the panels out once for the office and the shop, and the PDFs are those of two separate layouts', async () => {
    const alone = { office: await buildPiece(sources, [prepared], 'letter', 'office'), shop: await buildPiece(sources, [prepared], 'letter', 'shop') };
    const count = laidOut();
    const office = await buildPiece(sources, [prepared], 'letter', 'office', true);
    expect(count()).toBe(6);
    const shop = await buildPiece(sources, [prepared], 'letter', 'shop', false);
    expect(count()).toBe(6);
    expect(office.pdf.equals(alone.office.pdf)).toBe(true);
    expect(shop.pdf.equals(alone.shop.pdf)).toBe(true);
    // Given once: a third build lays out again.
    await buildPiece(sources, [prepared], 'letter', 'shop');
    expect(count()).toBe(12);
  });

  it('keeps nothing without a next target, and never across papers', () => {
    const count = laidOut();
    layOutPamphlet(prepared, 'letter', sources.templateFile, 'office');
    layOutPamphlet(prepared, 'letter', sources.templateFile, 'shop');
    expect(count()).toBe(12);
    layOutPamphlet(prepared, 'letter', sources.templateFile, 'office', true);
    layOutPamphlet(prepared, 'a4', sources.templateFile, 'shop');
    expect(count()).toBe(24);
  });
});
