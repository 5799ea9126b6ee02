"""The optional tqdm progress bar of ``extract_batch(progress=True)`` and
``pipe(progress=True)`` (tqdm is imported only when a bar is asked for)."""

from __future__ import annotations

from typing import Any

INSTALL_HINT = 'progress=True needs tqdm: pip install "shushuo-nlp[progress]" (or pip install tqdm)'


def bar(total: int | None, desc: str) -> Any:
    """A tqdm bar over ``total`` documents (``None``: unknown).

    ``tqdm.auto`` draws a widget in Jupyter and text on a terminal. Raises
    ``ImportError`` saying how to install tqdm when it is missing.
    """
    try:
        from tqdm.auto import tqdm
    except ImportError:
        raise ImportError(INSTALL_HINT) from None
    return tqdm(total=total, desc=desc, unit="doc")
