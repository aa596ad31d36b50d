"""jxlint's stable Python API (version `API_VERSION`; docs/api.md).

    from linter import api

    result = api.lint_path("reports/2024/001.txt")          # a dict, JSON-serialisable
    result = api.lint_bytes(data, "001.txt", lang="en")
    for result in api.lint_paths(["reports/"]):             # files and folders, sorted
        ...

Every function is pure as far as the caller can see: the same bytes, path and settings
give the same result, and nothing is written (no result cache, no report). Linters are
built once per set of settings and kept for the process, so a worker that calls
`lint_path` a thousand times loads rules and templates once.

A result is the JSON report's view of one file:

    {"api_version": 1, "path": …, "encoding": …, "config": …,
     "forms": [{"index", "project", "line", "layout", "parsed", "template"}, …],
     "diagnostics": [<a `diagnostics` entry of the JSON report>, …],
     "summary": {"forms": …, "error": …, "warning": …, "info": …, "internal_errors": …}}

For a report identical to `jxlint lint`'s from results computed elsewhere (Ray, Spark,
a job queue), use `lint_path_data` / `lint_bytes_data` (the exchange form of
`linter.results_codec`) and `write_report`, which applies waivers and writes any
built-in format in the order given.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

API_VERSION = 1


@functools.lru_cache(maxsize=16)
def _linter(lang: str, config: str | None, select: tuple[str, ...], ignore: tuple[str, ...], encoding: str | None,
            template: str | None, plugins: bool):
    from linter.runner import FileLinter, LintSpec

    spec = LintSpec(lang=lang, config=config, select=select, ignore=ignore, template=template, plugins=plugins, encoding=encoding)
    return FileLinter(spec)


def _settings(config, lang, select, ignore, encoding, template, plugins):
    return (lang, str(config) if config is not None else None, tuple(select), tuple(ignore), encoding, template, bool(plugins))


def _plain(file) -> dict[str, object]:
    from linter.report.lint_json import diagnostic_json, file_json
    from linter.report.stream import Totals

    totals = Totals()
    totals.add(file)
    return {
        "api_version": API_VERSION,
        **file_json(file),
        "diagnostics": [diagnostic_json(diagnostic) for diagnostic in file.diagnostics],
        "summary": {"forms": totals.forms, **totals.counts, "internal_errors": totals.internal_errors},
    }


def lint_path_data(path: str | Path, *, config: str | Path | None = None, lang: str = "zh", select: Iterable[str] = (),
                   ignore: Iterable[str] = (), encoding: str | None = None, template: str | None = None,
                   plugins: bool = True) -> dict[str, object]:
    """One file's result in the exchange form (JSON-serialisable; `write_report` reads it)."""
    from linter.results_codec import encode

    worker = _linter(*_settings(config, lang, select, ignore, encoding, template, plugins))
    return encode(worker.lint(Path(path)))


def lint_bytes_data(data: bytes, path: str = "<bytes>", *, config: str | Path | None = None, lang: str = "zh",
                    select: Iterable[str] = (), ignore: Iterable[str] = (), encoding: str | None = None,
                    template: str | None = None, plugins: bool = True) -> dict[str, object]:
    """`lint_path_data` of bytes; `path` names them in findings and chooses the
    configuration (as `--stdin-filename` does)."""
    from linter.results_codec import encode

    worker = _linter(*_settings(config, lang, select, ignore, encoding, template, plugins))
    return encode(worker.linter.lint_bytes(data, path, Path(path), encoding))


def lint_path(path: str | Path, **settings) -> dict[str, object]:
    """Lint one file. Settings: config (a .jxlint.yaml path; default: searched from the
    file's folder), lang ("zh" or "en"), select, ignore (rule selectors), encoding,
    template (a template id), plugins (False: jxlint's own rules only)."""
    from linter.results_codec import decode

    return _plain(decode(lint_path_data(path, **settings)))


def lint_bytes(data: bytes, path: str = "<bytes>", **settings) -> dict[str, object]:
    """Lint the bytes of one file, named `path`; settings as for `lint_path`."""
    from linter.results_codec import decode

    return _plain(decode(lint_bytes_data(data, path, **settings)))


def discover(paths: Iterable[str | Path], *, config: str | Path | None = None, plugins: bool = True) -> list[str]:
    """The files `jxlint lint PATHS` would lint, in its order."""
    worker = _linter(*_settings(config, "zh", (), (), None, None, plugins))
    return [str(path) for path in worker.linter.discover([str(path) for path in paths])]


def lint_paths(paths: Iterable[str | Path], **settings) -> Iterator[dict[str, object]]:
    """Every file of PATHS (files and folders), in `jxlint lint`'s order."""
    found = discover(paths, config=settings.get("config"), plugins=settings.get("plugins", True))
    for path in found:
        yield lint_path(path, **settings)


def write_report(results: Iterable[dict[str, object]], stream: IO[str], output_format: str = "json", *,
                 lang: str = "zh", baseline: str | Path | None = None, plugins: bool = True) -> dict[str, object]:
    """Write RESULTS (`lint_path_data` dicts, in the order wanted) as `jxlint lint
    --format OUTPUT_FORMAT` would (text, json, jsonl, sarif, github, gitlab, junit),
    waivers and baseline applied; returns the summary totals."""
    from linter.report.stream import WRITERS, Totals
    from linter.results_codec import decode
    from linter.waivers import WaiverSet, load_baseline

    if output_format not in WRITERS:
        raise ValueError(f"not a streamed format: {output_format!r} (known: {', '.join(sorted(WRITERS))})")
    worker = _linter(*_settings(None, lang, (), (), None, None, plugins))
    waivers = WaiverSet(load_baseline(Path(baseline)) if baseline else [])
    writer = WRITERS[output_format](worker.linter.registry.rules, worker.linter.catalog, stream)
    totals = Totals()
    for data in results:
        file = decode(data)
        totals.add(file, len(waivers.apply(file)))
        writer.add(file)
    writer.close(totals)
    return {"files": totals.files, "forms": totals.forms, **totals.counts, "internal_errors": totals.internal_errors,
            "waived": totals.waived, "failed": totals.failed(False)}
