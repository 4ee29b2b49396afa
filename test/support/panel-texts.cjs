// The logical text of each panel of a laid-out piece, page by page: what a
// reader must give back for that panel. A line belongs to the panel whose
// section (the root of its structure node) holds it; panels come in reading
// order (the order of the piece's sections).
'use strict';

/** @returns {string[][]} for each page, its panels' texts in reading order. */
function panelTexts(laidOut) {
  const panelOf = (node) => {
    while (node && node.parent) node = node.parent;
    return node ? laidOut.sections.indexOf(node) : -1;
  };
  return laidOut.pages.map((items) => {
    const panels = new Map();
    for (const item of items) {
      if (item.type !== 'line') continue;
      const panel = panelOf(item.node);
      if (panel < 0) continue;
      panels.set(panel, [...(panels.get(panel) ?? []), item.line.text]);
    }
    return [...panels.keys()].sort((a, b) => a - b).map((k) => panels.get(k).join('\n'));
  });
}

module.exports = { panelTexts };
