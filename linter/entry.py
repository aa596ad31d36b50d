"""The `jxlint` console script. `jxlint --version` (and `-V`) answers before the command
line library is imported: editors and pre-commit ask it often, and the answer is one
line. Everything else goes to `linter.cli`, with the collector tuned first."""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] in (["--version"], ["-V"]):
        from linter import __version__

        sys.stdout.write(f"jxlint, version {__version__}\n")
        sys.stdout.flush()
        return
    import gc

    tune_gc()  # before the imports: their objects all live until exit, collecting them frees nothing
    from linter.cli import main as cli

    try:
        cli()
    finally:
        # The process ends here. Python's finalization would walk every object left in
        # collections that free nothing the system does not take back (a tenth of a
        # cached one-file lint); frozen objects are left out of them.
        gc.freeze()


def tune_gc() -> None:
    """Fewer collections of generation 0: the AST has no reference cycles, so memory is
    freed by reference counting, and a short run allocates many small objects."""
    import gc

    gc.set_threshold(50_000, 20, 20)
