"""Take-away files: data (CSV, XLSX), chart and map images, offline map HTML, slide decks.

Pure builders that return bytes or text; pages only put them behind download buttons.
Every image is rendered with the bundled Korean font (exports.fonts), never a system font.
"""
