"""Execute a notebook in its own folder and write the executed copy.

    python run_notebook.py [--fail-on-missing-glyphs] SRC.ipynb DST.ipynb

Fails (exit 1) on the first cell error and when no chart was drawn; with
--fail-on-missing-glyphs also on any output line in which matplotlib warns
that a glyph is missing from its fonts ("Glyph 26032 (...) missing from
font(s) DejaVu Sans."): a chart whose Chinese labels render as boxes is a
failure, not a warning.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import nbclient
import nbformat

MISSING_GLYPH = re.compile(r"Glyph .* missing from")


def main() -> int:
    args = sys.argv[1:]
    strict = "--fail-on-missing-glyphs" in args
    src, dst = (Path(a) for a in args if a != "--fail-on-missing-glyphs")
    nb = nbformat.read(src, as_version=4)
    client = nbclient.NotebookClient(
        nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(src.parent)}}
    )
    client.execute()
    nbformat.write(nb, dst)
    images = 0
    missing: list[str] = []
    for n, cell in enumerate(nb.cells, 1):
        for out in cell.get("outputs", []):
            images += "image/png" in out.get("data", {})
            text = out.get("text", "") if out.get("output_type") == "stream" else ""
            missing += [f"cell {n}: {line.strip()}" for line in text.splitlines() if MISSING_GLYPH.search(line)]
    print(f"{src.name}: {len(nb.cells)} cells executed, {images} image(s); output in {dst}")
    if missing and strict:
        print(f"{src.name}: matplotlib has no glyphs for some labels (no CJK font?):", file=sys.stderr)
        print("\n".join(missing[:10]), file=sys.stderr)
        return 1
    if missing:
        print(f"{src.name}: {len(missing)} missing-glyph warning(s), not checked", file=sys.stderr)
    if images == 0:
        print(f"{src.name}: no chart was drawn", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
