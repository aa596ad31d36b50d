"""Linting many files: in this process, over worker processes (`--jobs N`), or over a
Dask cluster (`--executor dask`). Results come back in the order of the files, whatever
finished first, so a report is the same byte for byte however it was computed.

Every worker builds its linter once, from a `LintSpec` (plain, picklable settings);
with the `fork` start method workers inherit the one already built here. A worker
sends back `FileResult`s, which hold no AST: a file's forms are dropped as soon as its
rules have run. At most a few chunks per worker are in flight, so results waiting to be
written stay bounded whatever the number of files.
"""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path

from linter.engine import FileResult, Linter
from linter.reading import DEFAULT_MAX_BYTES
from linter.record import record

HANDFUL = 8  # more files than this: --jobs defaults to the usable cores
_WINDOW = 4  # chunks in flight per worker
_HITS = 64  # cached results read ahead at most per run of them


@record(frozen=True)
class LintSpec:
    """What a worker needs to lint exactly as this process would."""

    lang: str = "zh"
    config: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    max_bytes: int = DEFAULT_MAX_BYTES
    follow_symlinks: bool = False
    template: str | None = None
    plugins: bool | None = None  # None: unless JXLINT_DISABLE_PLUGINS
    untrusted: tuple[str, ...] = ()
    encoding: str | None = None
    cache_dir: str | None = None  # None: no result cache
    paths: tuple[str, ...] = ()  # the paths given: where YAML-defined rules named by --select may be
    fragments: str | None = None  # a streamed format (text, json) whose report text is rendered with each result

    def build(self) -> Linter:
        from linter.plugins import load_registry

        registry = load_registry(plugins=self.plugins, untrusted=tuple(Path(folder) for folder in self.untrusted))
        return Linter(
            self.lang, Path(self.config) if self.config else None, self.select, self.ignore, registry=registry,
            max_bytes=self.max_bytes, follow_symlinks=self.follow_symlinks, template=self.template, paths=self.paths,
        )


def usable_cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def default_jobs(files: int) -> int:
    return usable_cores() if files > HANDFUL else 1


class FileLinter:
    """One process's linter, and its result cache when there is one."""

    def __init__(self, spec: LintSpec, linter: Linter | None = None) -> None:
        self.spec = spec
        self.linter = linter or spec.build()
        self.cache = None
        if spec.cache_dir is not None:
            from linter.cache import ResultCache

            self.cache = ResultCache(Path(spec.cache_dir))
        self._stamp: str | None = None
        self._configs: dict[int, tuple[object, str]] = {}
        self._definitions: dict[str, str] = {}
        self.hits = 0

    def _render(self, result: FileResult) -> dict[str, tuple[str, ...]]:
        """The report text of RESULT in the run's streamed format (`spec.fragments`)."""
        name = self.spec.fragments
        if name is None:
            return {}
        from linter.report.stream import WRITERS

        render = getattr(WRITERS.get(name), "render", None)
        return {name: render(result, self.spec.lang)} if render is not None else {}

    def _key(self, path: Path) -> tuple[str, bytes] | None:
        """The cache key of PATH and its bytes; None when it cannot be read (or no cache)."""
        if self.cache is None:
            return None
        from linter.reading import Unreadable, read_file
        from linter.shown import escaped

        try:
            data = read_file(str(path), self.spec.max_bytes)
        except Unreadable:
            return None  # the usual finding; nothing to keep
        return self.cache.key(self._run_stamp(), self._config_digest(path), escaped(str(path)), data), data

    def cached(self, path: Path) -> FileResult | None:
        """PATH's result from the cache, or None."""
        keyed = self._key(path)
        if keyed is None:
            return None
        hit = self.cache.get(keyed[0])  # type: ignore[union-attr]
        if hit is not None:
            self.hits += 1
        return hit

    def _lint(self, path: Path) -> tuple[FileResult, bytes | None]:
        """PATH's result, and its packed bytes when they were made (to keep or to send)."""
        keyed = self._key(path)
        if keyed is None:
            result = self.linter.lint_path(path, self.spec.encoding)
            return result, None
        key, data = keyed
        cached = self.cache.get(key)  # type: ignore[union-attr]
        if cached is not None:
            self.hits += 1
            return cached, None
        from linter.packed import pack
        from linter.reading import document_from_bytes
        from linter.shown import escaped

        templates, template = self.linter.templates_for(path)
        document = document_from_bytes(data, escaped(str(path)), self.spec.encoding, templates, template, self.linter.registry.readers)
        result = self.linter.lint_document(document, path)
        fragments = self._render(result)
        packed = pack(result, fragments)
        self.cache.put(key, packed)  # type: ignore[union-attr]
        return self._with(result, fragments), packed

    def _with(self, result: FileResult, fragments: dict[str, tuple[str, ...]]) -> FileResult:
        if not fragments:
            return result
        from linter.packed import PackedResult

        return PackedResult.of(result, fragments)

    def lint(self, path: Path) -> FileResult:
        """PATH's result, through the cache when there is one."""
        result, _ = self._lint(path)
        if self.cache is None:
            result = self._with(result, self._render(result))
        return result

    def lint_packed(self, path: Path) -> bytes:
        """PATH's result packed (`linter.packed`), with its report text: what a worker sends."""
        from linter.packed import pack

        result, packed = self._lint(path)
        if packed is None:
            from linter.packed import PackedResult

            fragments = result.fragments if isinstance(result, PackedResult) and self.spec.fragments in result.fragments else self._render(result)
            packed = pack(result, fragments)
        return packed

    def _run_stamp(self) -> str:
        """What every file's result depends on besides itself and its configuration."""
        if self._stamp is None:
            from linter import __version__
            from linter.cache import code_stamp

            registry = self.linter.registry
            self._stamp = repr((
                __version__, code_stamp(), self.spec.lang, self.spec.encoding, self.spec.max_bytes, self.spec.template,
                [(plugin.name, plugin.value, plugin.distribution) for plugin in registry.plugins],
                sorted((code, rule.origin) for code, rule in registry.rules.items()),
                registry.template_data,
            ))
        return self._stamp

    def _definition(self, config_file: str) -> str:
        """A rule written in YAML (`define:`) is its configuration file: its bytes, read once."""
        if not config_file:
            return ""
        if config_file not in self._definitions:
            self._definitions[config_file] = _file_digest(config_file)
        return self._definitions[config_file]

    def _config_digest(self, path: Path) -> str:
        effective = self.linter.resolver.effective(path)
        known = self._configs.get(id(effective))
        if known is None or known[0] is not effective:
            template = effective.settings.template.value if effective.settings.template is not None else None
            template_bytes = b""
            if isinstance(template, Path):
                try:
                    template_bytes = template.read_bytes()
                except OSError:
                    template_bytes = b"unreadable"
            rules = [
                (item.rule.code, item.rule.origin, item.severity, repr(sorted(item.options.items(), key=lambda kv: kv[0])),
                 self._definition(getattr(item.rule, "config_file", "")))
                for item in effective.rules
            ]
            digest = repr((effective.source, str(template), template_bytes, rules))
            known = (effective, digest)
            self._configs[id(effective)] = known
        return known[1]


def _file_digest(path: str) -> str:
    from linter.digest import hasher

    try:
        with open(path, "rb") as file:
            return hasher(file.read()).hexdigest()
    except OSError:
        return "unreadable"


def _chunks(items: list[Path], size: int) -> Iterator[list[Path]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _ordered(submit: Callable[[list[Path]], object], chunks: Iterable[list[Path]], window: int) -> Iterator[FileResult]:
    """Submit chunks, at most `window` in flight, and yield their results in order."""
    pending: deque = deque()
    source = iter(chunks)
    for chunk in islice(source, window):
        pending.append(submit(chunk))
    while pending:
        results = pending.popleft().result()
        following = next(source, None)
        if following is not None:
            pending.append(submit(following))
        yield from results


# -- worker processes ---------------------------------------------------------------

_WORKER: FileLinter | None = None


def _init_worker(spec: LintSpec) -> None:
    """Once per worker process. Ctrl-C is the parent's to handle (exit 130, workers shut
    down with it): a worker ignores it rather than print a traceback of its own."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    global _WORKER
    if _WORKER is None or _WORKER.spec != spec:  # spawned, or a different run: build it here
        _WORKER = FileLinter(spec)
    from linter.entry import tune_gc

    tune_gc()


def _lint_chunk(paths: list[Path]) -> tuple[list[bytes], int]:
    """The packed results of a chunk (`linter.packed`: compact bytes, not an object graph
    to pickle, with the report text already rendered), and how many cache entries the
    worker wrote for it."""
    assert _WORKER is not None
    before = _WORKER.cache.written if _WORKER.cache is not None else 0
    results = [_WORKER.lint_packed(path) for path in paths]
    return results, (_WORKER.cache.written - before if _WORKER.cache is not None else 0)


class _Counted:
    """A worker's chunk: its results, its cache writes counted here (to trim the cache)."""

    def __init__(self, future, local: FileLinter) -> None:
        self.future, self.local = future, local

    def result(self) -> list[FileResult]:
        from linter.packed import unpack

        results, written = self.future.result()
        if self.local.cache is not None:
            self.local.cache.written += written
        return [unpack(item) for item in results]


class _Ready:
    """Results at hand (read from the cache here), in the place of a chunk."""

    def __init__(self, results: list[FileResult]) -> None:
        self.results = results

    def result(self) -> list[FileResult]:
        return self.results


def chunk_size(remaining: int, jobs: int) -> int:
    """Files per chunk, shrinking as the run nears its end (guided scheduling): large
    chunks while there is much to do, single files last, so no worker is left with a
    long chunk while the others wait."""
    return max(1, min(32, remaining // (jobs * 8)))


def _segments(local: FileLinter, paths: list[Path], jobs: int, submit: Callable[[list[Path]], object]) -> Iterator[object]:
    """Runs of cached results (read here: a hit never goes through a worker) and chunks
    of the other files submitted to the workers, in the order of the files."""
    hits: list[FileResult] = []
    misses: list[Path] = []
    size = chunk_size(len(paths), jobs)
    for number, path in enumerate(paths):
        hit = local.cached(path) if local.cache is not None else None
        if hit is None:
            if hits:
                yield _Ready(hits)
                hits = []
            misses.append(path)
            if len(misses) >= size:
                yield submit(misses)
                misses = []
                size = chunk_size(len(paths) - number - 1, jobs)
        else:
            if misses:
                yield submit(misses)
                misses = []
            hits.append(hit)
            if len(hits) >= _HITS:
                yield _Ready(hits)
                hits = []
    if hits:
        yield _Ready(hits)
    if misses:
        yield submit(misses)


def _start_method() -> str:
    """`fork` where it is safe and cheap (Linux: workers inherit the registry already
    loaded, no thread runs here yet); `spawn` elsewhere."""
    import multiprocessing

    return "fork" if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods() else "spawn"


def lint_in_processes(local: FileLinter, paths: list[Path], jobs: int) -> Iterator[FileResult]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _WORKER
    _WORKER = local  # inherited by forked workers
    frozen = False
    executor = ProcessPoolExecutor(
        jobs, mp_context=multiprocessing.get_context(_start_method()), initializer=_init_worker, initargs=(local.spec,),
    )
    try:
        def submit(chunk: list[Path]) -> _Counted:
            nonlocal frozen
            if not frozen and _start_method() == "fork":
                # Before the first worker is forked (none is when every file is cached): what
                # is loaded stays shared with the workers, not copied on a collection.
                import gc

                gc.collect()
                gc.freeze()
                frozen = True
            return _Counted(executor.submit(_lint_chunk, chunk), local)

        segments = _segments(local, paths, jobs, submit)
        yield from _ordered(lambda segment: segment, segments, jobs * _WINDOW)
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
        if frozen:
            import gc

            gc.unfreeze()


def lint_serially(local: FileLinter, paths: list[Path]) -> Iterator[FileResult]:
    for path in paths:
        yield local.lint(path)


def lint_many(local: FileLinter, paths: list[Path], jobs: int | None = None) -> Iterator[FileResult]:
    """Every path's result, in order; `jobs` worker processes (None: `default_jobs`)."""
    jobs = default_jobs(len(paths)) if jobs is None else jobs
    jobs = min(jobs, max(1, len(paths)))
    if jobs <= 1:
        return lint_serially(local, paths)
    return lint_in_processes(local, paths, jobs)


# -- Dask -----------------------------------------------------------------------------

_DASK_LINTERS: dict[LintSpec, FileLinter] = {}


def lint_chunk_on_worker(spec: LintSpec, folder: str, paths: list[str]) -> list[dict]:
    """A task on a Dask worker: lint PATHS (relative to FOLDER, the client's current
    folder, which must be the same path on every worker: shared storage) and return
    plain results (`linter.results_codec`)."""
    from linter.results_codec import encode

    if os.getcwd() != folder and os.path.isdir(folder):
        os.chdir(folder)
    worker = _DASK_LINTERS.get(spec)
    if worker is None:
        worker = _DASK_LINTERS[spec] = FileLinter(spec)
    return [encode(worker.lint(Path(path))) for path in paths]


class _Decoded:
    def __init__(self, future) -> None:
        self.future = future

    def result(self) -> list[FileResult]:
        from linter.results_codec import decode

        return [decode(item) for item in self.future.result()]


def lint_on_dask(spec: LintSpec, paths: list[Path], scheduler: str | None, workers: int | None = None) -> Iterator[FileResult]:
    """Map the files over a Dask cluster (`scheduler`: its address; None: a local cluster
    of `workers` processes) and yield the results in order."""
    from distributed import Client, LocalCluster

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=workers or usable_cores(), threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        folder = os.getcwd()
        size = max(1, min(64, len(paths) // 64 or 1))
        width = max(1, sum(client.nthreads().values())) * _WINDOW

        def submit(chunk: list[Path]) -> _Decoded:
            return _Decoded(client.submit(lint_chunk_on_worker, spec, folder, [str(path) for path in chunk], pure=False))

        yield from _ordered(submit, _chunks(paths, size), width)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
