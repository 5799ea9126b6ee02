"""``python -m shushuo``: the same as the ``shushuo`` command."""

from .cli import main

if __name__ == "__main__":
    raise SystemExit(main())
