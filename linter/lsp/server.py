"""The language server: jxlint's findings as LSP diagnostics, hovers and quick fixes.

Each open document is linted on open and save at once, and after an edit once
the typing pauses (`debounce`); only the newest version's result is published,
so an edit never waits behind, nor is overwritten by, a lint of an older text.
Lints run one at a time on a worker thread (the parser is not known to be
thread-safe), and the event loop keeps reading the client's messages meanwhile.
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import field
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from linter import __version__
from linter.config import CONFIG_NAMES, ConfigError
from linter.engine import INTERNAL_ERROR, Diagnostic, Linter
from linter.lsp.fixes import replacement
from linter.lsp.positions import lines_of, span_range, span_text
from linter.parse import parse_text
from linter.plugins import Registry, load_registry
from linter.record import record
from linter.report.rule_text import docs_url

SOURCE = "jxlint"
_SEVERITIES = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}
log = logging.getLogger(__name__)


@record
class Linted:
    """The last published lint of one document: what hover and code actions answer from."""

    version: int | None
    lines: list[str]
    findings: list[tuple[types.Diagnostic, Diagnostic]] = field(default_factory=list)


class JxlintServer(LanguageServer):
    def __init__(self, lang: str = "zh", config: Path | None = None, debounce: float = 0.05) -> None:
        super().__init__("jxlint", __version__)
        self.lang = lang
        self.config = config
        self.debounce = debounce
        self.registry: Registry = load_registry()
        self.linter = self._new_linter()
        self.linted: dict[str, Linted] = {}
        self.pending: dict[str, asyncio.Task] = {}
        self.config_diagnostics: set[str] = set()  # config files that have an error published
        self.config_errors_shown: set[tuple] = set()  # each broken configuration is told once per reload
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="jxlint-lint")

    def _new_linter(self) -> Linter:
        return Linter(self.lang, self.config, registry=self.registry)

    def say(self, message_id: str, **args: object) -> str:
        return self.linter.catalog.render(message_id, args)

    @property
    def encoding(self) -> str:
        try:
            return str(self.workspace.position_encoding or "utf-16")
        except Exception:  # before initialisation
            return "utf-16"

    # Scheduling -------------------------------------------------------------------------

    def schedule(self, uri: str, delay: float) -> None:
        """Lint `uri` after `delay`; a newer request for the same document replaces this one."""
        previous = self.pending.pop(uri, None)
        if previous is not None:
            previous.cancel()
        self.pending[uri] = asyncio.get_running_loop().create_task(self._lint_later(uri, delay))

    async def _lint_later(self, uri: str, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        document = self.workspace.text_documents.get(uri)
        if document is None:
            return
        version, text = document.version, document.source
        linter = self.linter
        published = await asyncio.get_running_loop().run_in_executor(self.worker, self._lint, linter, uri, version, text)
        if published is None:
            return
        current = self.workspace.text_documents.get(uri)
        if current is None or current.version != version or linter is not self.linter:
            return  # a newer text or configuration has its own lint scheduled
        self._publish(uri, version, published)

    def _lint(self, linter: Linter, uri: str, version: int | None, text: str):
        """On the worker thread: the findings of one text, or what prevented them; None when
        the text was edited again while this lint waited for the worker (its own lint follows)."""
        current = self.workspace.text_documents.get(uri) if self._initialised else None
        if current is not None and current.version != version:
            return None
        path = self._path(uri)
        lines = lines_of(text)
        try:
            document = parse_text("\n".join(lines), str(path))
            return Linted(version, lines, self._convert(uri, lines, linter.lint_document(document, path).diagnostics))
        except ConfigError as error:
            return error
        except Exception as error:  # a parser bug must not take the server down
            log.exception("lint of %s failed", uri)
            return error

    @property
    def _initialised(self) -> bool:
        try:
            return self.workspace is not None
        except Exception:
            return False

    def _path(self, uri: str) -> Path:
        """The file's path, for its configuration; a buffer not saved yet (`untitled:`) takes
        the configuration of the first workspace folder."""
        path = to_fs_path(uri) if uri.startswith("file:") else None
        if path:
            return Path(path)
        folders = list(self.workspace.folders.values()) if self._initialised else []
        root = to_fs_path(folders[0].uri) if folders else (self.workspace.root_path if self._initialised else None)
        return Path(root or ".") / "untitled.txt"

    def _publish(self, uri: str, version: int | None, outcome: Linted | Exception) -> None:
        if isinstance(outcome, ConfigError):
            self._config_error(outcome)
            outcome = Linted(version, [])  # no findings stay up from before: this text was not checked
        elif isinstance(outcome, Exception):
            message = self.say("lsp.crash", error=f"{type(outcome).__name__}: {outcome}")
            self.window_show_message(types.ShowMessageParams(type=types.MessageType.Error, message=message))
            crash = types.Diagnostic(
                range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)),
                message=message, severity=types.DiagnosticSeverity.Error,
                code=INTERNAL_ERROR, source=SOURCE,
            )
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[crash], version=version))
            self.linted[uri] = Linted(version, [])
            return
        self.linted[uri] = outcome
        diagnostics = [lsp for lsp, _ in outcome.findings]
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version))

    def _config_error(self, error: ConfigError) -> None:
        """One diagnostic on the configuration file and one message, however many open
        documents it stops; the server goes on."""
        message = self.linter.catalog.render(error.message_id, error.args_)
        key = (str(error.origin), message)
        if key in self.config_errors_shown:
            return
        self.config_errors_shown.add(key)
        self.window_show_message(types.ShowMessageParams(type=types.MessageType.Error, message=self.say("lsp.config", where=error.origin, message=message)))
        if error.origin.file is None or not Path(error.origin.file).is_file():
            return  # an error of the command line (`jxlint lsp --config`) or of a file gone since
        uri = Path(error.origin.file).resolve().as_uri()
        line = max(0, error.origin.line - 1)
        diagnostic = types.Diagnostic(
            range=types.Range(start=types.Position(line=line, character=0), end=types.Position(line=line + 1, character=0)),
            message=message, severity=types.DiagnosticSeverity.Error,
            code=error.message_id, source=SOURCE,
        )
        self.config_diagnostics.add(uri)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[diagnostic]))

    def reload(self) -> None:
        """A configuration file changed: new settings, every open document linted again."""
        self.linter = self._new_linter()
        for uri in self.config_diagnostics:
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
        self.config_diagnostics.clear()
        self.config_errors_shown.clear()
        for uri in list(self.workspace.text_documents):
            if not _is_config(uri):
                self.schedule(uri, 0)

    # Conversion -------------------------------------------------------------------------

    def _convert(self, uri: str, lines: list[str], diagnostics: list[Diagnostic]) -> list[tuple[types.Diagnostic, Diagnostic]]:
        encoding = self.encoding
        out = []
        hrefs: dict[str, str | None] = {}
        for diagnostic in diagnostics:
            if diagnostic.code not in hrefs:
                rule = self.registry.rules.get(diagnostic.code)
                hrefs[diagnostic.code] = docs_url(rule) if rule is not None else None
            href = hrefs[diagnostic.code]
            related = []
            for span in diagnostic.related:
                text = span_text(lines, span) or ""
                related.append(types.DiagnosticRelatedInformation(
                    location=types.Location(uri=uri, range=_range(lines, span, encoding)),
                    message=self.say("lsp.part", text=text.strip()),
                ))
            lsp = types.Diagnostic(
                range=_range(lines, diagnostic.span, encoding),
                message=diagnostic.message,
                severity=_SEVERITIES[diagnostic.severity],
                code=diagnostic.code,
                code_description=types.CodeDescription(href=href) if href else None,
                source=SOURCE,
                related_information=related or None,
                data={"name": diagnostic.name, "expected": diagnostic.expected, "actual": diagnostic.actual},
            )
            out.append((lsp, diagnostic))
        return out

    # Requests ---------------------------------------------------------------------------

    def findings_at(self, uri: str, at: types.Range | types.Position) -> list[tuple[types.Diagnostic, Diagnostic]]:
        linted = self.linted.get(uri)
        document = self.workspace.text_documents.get(uri)
        if linted is None or document is None or document.version != linted.version:
            return []  # the findings are of an older text; a fresh lint is on its way
        start, end = (at.start, at.end) if isinstance(at, types.Range) else (at, at)
        return [item for item in linted.findings if _touches(item[0].range, start, end)]

    def hover(self, uri: str, position: types.Position) -> types.Hover | None:
        found = self.findings_at(uri, position)
        if not found:
            return None
        parts = []
        for lsp, diagnostic in found:
            block = [f"**{diagnostic.code} {diagnostic.name}**: {diagnostic.message}"]
            if diagnostic.expected is not None and diagnostic.actual is not None:
                block.append(self.say("lsp.expected_printed", value=diagnostic.expected, printed=diagnostic.actual))
            elif diagnostic.expected is not None:
                block.append(self.say("lsp.expected", value=diagnostic.expected))
            rule = self.registry.rules.get(diagnostic.code)
            if rule is not None:
                block.append(rule.docs_in(self.lang).strip())
                href = docs_url(rule)
                if href:
                    block.append(href)
            parts.append("\n\n".join(block))
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)), range=found[0][0].range)

    def code_actions(self, uri: str, at: types.Range) -> list[types.CodeAction]:
        linted = self.linted.get(uri)
        actions = []
        for lsp, diagnostic in self.findings_at(uri, at):
            printed = span_text(linted.lines, diagnostic.span) if linted else None
            new = replacement(diagnostic, printed)
            if new is None:
                continue
            actions.append(types.CodeAction(
                title=self.say("lsp.fix", old=printed.strip(), new=new.strip(), code=diagnostic.code),
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[lsp],
                is_preferred=False,
                edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(range=lsp.range, new_text=new)]}),
            ))
        return actions


def _range(lines: list[str], span, encoding: str) -> types.Range:
    (line, character), (end_line, end_character) = span_range(lines, span, encoding)
    return types.Range(start=types.Position(line=line, character=character), end=types.Position(line=end_line, character=end_character))


def _touches(range_: types.Range, start: types.Position, end: types.Position) -> bool:
    return (range_.start.line, range_.start.character) <= (end.line, end.character) and (start.line, start.character) <= (range_.end.line, range_.end.character)


def _is_config(uri: str) -> bool:
    return uri.rsplit("/", 1)[-1] in CONFIG_NAMES


def create_server(lang: str = "zh", config: Path | None = None, debounce: float = 0.05) -> JxlintServer:
    server = JxlintServer(lang, config, debounce)

    @server.feature(types.INITIALIZE)
    def initialize(ls: JxlintServer, params: types.InitializeParams) -> None:
        options = params.initialization_options if isinstance(params.initialization_options, dict) else {}
        if options.get("lang") in ("zh", "en") and options["lang"] != ls.lang:
            ls.lang = options["lang"]
            ls.linter = ls._new_linter()
        if isinstance(options.get("debounce_ms"), (int, float)):
            ls.debounce = max(0.0, options["debounce_ms"] / 1000)

    @server.feature(types.INITIALIZED)
    async def initialized(ls: JxlintServer, params: types.InitializedParams) -> None:
        watched = ls.client_capabilities.workspace and ls.client_capabilities.workspace.did_change_watched_files
        if not (watched and watched.dynamic_registration):
            return
        watchers = [types.FileSystemWatcher(glob_pattern=f"**/{name}") for name in CONFIG_NAMES]
        watchers.append(types.FileSystemWatcher(glob_pattern="**/*.{yaml,yml}"))  # files named in `extends`
        registration = types.Registration(
            id="jxlint-config", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
            register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers),
        )
        try:
            await ls.client_register_capability_async(types.RegistrationParams(registrations=[registration]))
        except Exception as error:  # the client may refuse; configuration then reloads on save
            log.warning("file watching not registered: %s", error)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: JxlintServer, params: types.DidOpenTextDocumentParams) -> None:
        if not _is_config(params.text_document.uri):
            ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: JxlintServer, params: types.DidChangeTextDocumentParams) -> None:
        if not _is_config(params.text_document.uri):
            ls.schedule(params.text_document.uri, ls.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: JxlintServer, params: types.DidSaveTextDocumentParams) -> None:
        if _is_config(params.text_document.uri):
            ls.reload()
        else:
            ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: JxlintServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        task = ls.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        ls.linted.pop(uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(ls: JxlintServer, params: types.DidChangeWatchedFilesParams) -> None:
        if any(change.uri.endswith((".yaml", ".yml")) for change in params.changes):
            ls.reload()

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: JxlintServer, params: types.HoverParams) -> types.Hover | None:
        return ls.hover(params.text_document.uri, params.position)

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    def code_action(ls: JxlintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        return ls.code_actions(params.text_document.uri, params.range)

    return server


def serve(lang: str = "zh", config: Path | None = None) -> None:
    create_server(lang, config).start_io()
