"""Command line. Heavy modules (lark, yaml, pluggy) are imported inside commands,
so `jxlint --version` and `--help` start fast.

Exit codes: 0 success; 1 findings that fail the run (parse diagnostics for
`parse`); 2 usage or configuration error; 3 internal error.
"""

from __future__ import annotations

import os
import sys

import click

from linter import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3

lang_option = click.option(
    "--lang", type=click.Choice(["zh", "en"]), default=lambda: os.environ.get("JXLINT_LANG", "zh"),
    show_default="zh", help="Message language / 提示语言 (or JXLINT_LANG).",
)
encoding_option = click.option("--encoding", default=None, help="Force the input encoding (utf-8, gb18030, utf-16…).")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="jxlint")
def main() -> None:
    """jxlint: lint 项目支出绩效自评表 (performance self-evaluation forms)."""


def tune_gc() -> None:
    """Fewer collections of generation 0: the AST has no reference cycles, so memory is
    freed by reference counting, and a short run allocates many small objects."""
    import gc

    gc.set_threshold(50_000, 20, 20)


def read_input(path: str) -> bytes | OSError:
    try:
        if path == "-":
            return sys.stdin.buffer.read()
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as error:
        return error


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--format", "output_format", type=click.Choice(["json", "text"]), default="text", show_default=True)
@encoding_option
@lang_option
def parse(files: tuple[str, ...], output_format: str, encoding: str | None, lang: str) -> None:
    """Parse FILES and print the AST (JSON) or an outline (text). `-` reads standard input."""
    from linter.ast import Document, Problem, Span
    from linter.messages import Catalog
    from linter.parse import parse_bytes

    tune_gc()
    catalog = Catalog(lang)
    documents = []
    for path in files:
        data = read_input(path)
        if isinstance(data, OSError):
            document = Document(path, None)
            document.problems.append(
                Problem("unreadable-file", "file.unreadable", Span(1, 1, 1, 1), {"error": data.strerror or str(data)})
            )
        else:
            document = parse_bytes(data, "<stdin>" if path == "-" else path, encoding)
        documents.append(document)
    if output_format == "json":
        import json

        from linter.report.ast_json import documents_json

        click.echo(json.dumps(documents_json(documents, catalog), ensure_ascii=False, indent=1))
    else:
        from linter.report.outline import outline

        for document in documents:
            click.echo(outline(document, catalog))
    failed = any(document.problems or any(form.problems for form in document.forms) for document in documents)
    sys.exit(EXIT_FINDINGS if failed else EXIT_OK)


if __name__ == "__main__":
    main()
