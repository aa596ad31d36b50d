"""The run behind `jxlint lint` and `jxlint report`: files found, linted (in this
process, worker processes or a Dask cluster; through the result cache), waived, and
written as they come.

Results arrive in the order of the files (sorted, standard input last) and go straight
to the report's writer (linter/report/stream.py), so memory stays flat whatever the
number of files. The review page (`html`), the workbook (`xlsx`), plugins' formats and
`--write-baseline` need every finding at once: they get a whole `LintResult`, which
still holds no AST.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:  # imported when a run starts: `jxlint --version` loads none of it
    from linter.engine import FileResult
    from linter.runner import FileLinter

EXECUTORS = ("local", "dask")


def run_options(function):
    """`--jobs`, the cache and the executor: options of `lint` and `report`."""
    options = [
        click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
                     help="Worker processes (default: the usable cores when there are more than 8 files; 1: no worker)."),
        click.option("--no-cache", is_flag=True, help="Neither read nor write the result cache (or JXLINT_NO_CACHE=1)."),
        click.option("--cache-dir", type=click.Path(file_okay=False),
                     help="The result cache folder (or JXLINT_RESULT_CACHE_DIR; default .jxlint_cache in the project root)."),
        click.option("--executor", type=click.Choice(EXECUTORS), default="local", show_default=True,
                     help="local: this machine; dask: a Dask cluster (pip install 'jxlint[dask]')."),
        click.option("--scheduler", help="With --executor dask: the scheduler's address (default: a local cluster)."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def cache_folder(options: dict) -> str | None:
    from linter.cache import cache_disabled, default_cache_dir

    if options.get("no_cache") or cache_disabled():
        return None
    if options.get("cache_dir"):
        return str(options["cache_dir"])
    config = options.get("config_path")
    return str(default_cache_dir(Path(config) if config else None))


def results(local: FileLinter, files: list[Path], stdin: bool, options: dict) -> Iterator[FileResult]:
    """Every file's result in order, standard input last."""
    from linter.runner import lint_many, lint_on_dask

    if options.get("executor") == "dask":
        yield from lint_on_dask(local.spec, files, options.get("scheduler"), options.get("jobs"))
    else:
        yield from lint_many(local, files, options.get("jobs"))
    if stdin:
        from linter.reading import STDIN, read_document

        shown = options["stdin_filename"] or "<stdin>"
        document = read_document(STDIN, options["encoding"], options["max_file_size"], shown=shown)
        yield local.linter.lint_document(document, Path(options["stdin_filename"] or "."))


def _load_configurations(linter, files: list[Path], stdin_path: Path | None) -> None:
    """Every configuration in force, read before the first result: a bad one is reported
    before any output, and the rules they define in YAML (`define:`) are known to the
    report from its start (SARIF lists every rule and indexes them) and to the workers
    forked after this, as a serial run would know them."""
    known = set(linter.registry.rules)
    for path in files:
        linter.resolver.effective(path)
    if stdin_path is not None:
        linter.resolver.effective(stdin_path)
    if set(linter.registry.rules) != known:
        linter.catalog.add(linter.registry.messages)


def streaming_writer(registry, output_format: str, whole: bool):
    """The streamed writer of a built-in format, or None when the format needs the whole result."""
    from linter.report.formats import LINT_FORMATS
    from linter.report.stream import WRITERS

    if whole or registry.formatters.get(output_format) is not LINT_FORMATS.get(output_format):
        return None  # a plugin's format (or one replacing a built-in name) gets a LintResult
    return WRITERS.get(output_format)


def run(paths: tuple[str, ...], output_format: str, output: str | None, strict: bool, options: dict, plugins: bool | None) -> int:
    """Lint, write the report, and return the exit code."""
    from linter.cli import EXIT_FINDINGS, EXIT_INTERNAL, EXIT_OK, _fail_config, _selectors, _warn_plugin_errors
    from linter.config import ConfigError
    import dataclasses

    from linter.engine import LintResult
    from linter.packed import findings_of, forms_of
    from linter.progress import Progress
    from linter.runner import FileLinter, LintSpec
    from linter.shown import quoted
    from linter.reading import STDIN
    from linter.report.output import report_stream
    from linter.report.stream import Totals
    from linter.waivers import WaiverSet, apply_waivers, load_baseline, write_baseline

    lang, config_path = options["lang"], options["config_path"]
    if options.get("executor") == "dask":
        try:
            import distributed  # noqa: F401
        except ImportError:
            raise click.UsageError("--executor dask needs Dask: pip install 'jxlint[dask]'") from None
    elif options.get("scheduler"):
        raise click.UsageError("--scheduler goes with --executor dask")
    try:
        spec = LintSpec(
            lang=lang, config=config_path, select=_selectors(options["select"]), ignore=_selectors(options["ignore"]),
            max_bytes=options["max_file_size"], follow_symlinks=options["follow_symlinks"], template=options["template"],
            plugins=plugins, untrusted=(str(Path(config_path).parent),) if config_path else (), encoding=options["encoding"],
            cache_dir=cache_folder(options), paths=tuple(paths),
        )
        linter = spec.build()
        registry = linter.registry
        if output_format not in registry.formatters:
            known = ", ".join(sorted(registry.formatters))
            raise click.UsageError(f"unknown format '{quoted(output_format)}' (known: {known})")
        formatter = registry.formatters[output_format]
        if getattr(formatter, "binary", False) and output in (None, "-") and sys.stdout.isatty():
            raise click.UsageError(f"format '{output_format}' is a binary file: write it with -o FILE")
        _warn_plugin_errors(registry, lang)
        for path in paths:
            if path != STDIN and not os.path.lexists(path):
                raise click.UsageError(f"path '{quoted(path, 400)}' does not exist")
        files = list(linter.discover([path for path in paths if path != STDIN]))
        _load_configurations(linter, files, Path(options["stdin_filename"] or ".") if STDIN in paths else None)
        writer_class = streaming_writer(registry, output_format, whole=bool(options["write_baseline_path"]))
        if writer_class is not None and writer_class.render is not None:
            # Workers render each file's report text, and the cache keeps it (linter/packed.py).
            spec = dataclasses.replace(spec, fragments=output_format)
        local = FileLinter(spec, linter)
        progress = Progress(sys.stderr, len(files) + (STDIN in paths), lang, enabled=not options["quiet"])
        stream_results = results(local, files, STDIN in paths, options)
        if writer_class is not None:
            baseline = options["baseline_path"]
            waivers = WaiverSet(load_baseline(Path(baseline)) if baseline else [])
            totals = Totals()
            with report_stream(output, output_format) as stream:
                writer = writer_class(registry.rules, linter.catalog, stream)
                for file in stream_results:
                    progress.advance(forms_of(file), findings_of(file))
                    totals.add(file, len(waivers.apply(file)))
                    writer.add(file)
                progress.close()
                writer.close(totals)
            unused = waivers.unused()
            failed, internal = totals.failed(strict), totals.internal_errors
        else:
            result = LintResult(rules=registry.rules)
            for file in stream_results:
                progress.advance(len(file.forms), len(file.diagnostics))
                result.files.append(file)
            progress.close()
            if options["write_baseline_path"]:
                # The new baseline replaces any old one: every finding no config waiver covers.
                unused = apply_waivers(result, [])
                target = Path(options["write_baseline_path"])
                count = write_baseline(target, result.diagnostics)
                click.echo(linter.catalog.render("baseline.written", {"count": count, "path": target}), err=True)
                unused += apply_waivers(result, load_baseline(target), config=False)
            else:
                baseline = options["baseline_path"]
                unused = apply_waivers(result, load_baseline(Path(baseline)) if baseline else [])
            for waiver in unused:
                click.echo(f"{waiver.origin}: " + linter.catalog.render("waiver.unused", {"waiver": waiver.describe()}), err=True)
            unused = []
            with report_stream(output, output_format) as stream:
                formatter(result, linter.catalog, stream)
            failed, internal = result.failed(strict), result.internal_errors
        if local.cache is not None and local.cache.written:
            local.cache.trim()
    except ConfigError as error:
        _fail_config(error, lang)
        raise
    for waiver in unused:
        click.echo(f"{waiver.origin}: " + linter.catalog.render("waiver.unused", {"waiver": waiver.describe()}), err=True)
    if internal:
        return EXIT_INTERNAL
    return EXIT_FINDINGS if failed else EXIT_OK
