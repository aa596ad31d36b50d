"""The `jxlint` console script. `jxlint --version` (and `-V`) answers before the command
line library is imported: editors and pre-commit ask it often, and the answer is one
line. Everything else goes to `linter.cli`."""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] in (["--version"], ["-V"]):
        from linter import __version__

        sys.stdout.write(f"jxlint, version {__version__}\n")
        sys.stdout.flush()
        return
    from linter.cli import main as cli

    cli()
