"""`jxlint lsp` driven by a real LSP client (pytest-lsp) over stdio, started as docs/editors.md says."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import pytest_lsp
from click.testing import CliRunner
from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

from linter.cli import main
from tests.conftest import SEEDS
from tests.forms import form

ROOT = Path(__file__).resolve().parent.parent
# The command every editor snippet in docs/editors.md starts (test_docs_start_this_command checks that).
SERVER_COMMAND = [str(Path(sys.executable).parent / "jxlint"), "lsp"]
SCORED_31 = form(("系统维护次数\t≥12次\t12次\t30\t30", "系统维护次数\t≥12次\t12次\t30\t31"))  # JX203 on line 13, JX202 on 17


def capabilities(*encodings: str) -> types.ClientCapabilities:
    return types.ClientCapabilities(
        general=types.GeneralClientCapabilities(position_encodings=list(encodings)) if encodings else None,
        workspace=types.WorkspaceClientCapabilities(
            did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(dynamic_registration=True),
        ),
        text_document=types.TextDocumentClientCapabilities(
            publish_diagnostics=types.PublishDiagnosticsClientCapabilities(related_information=True, version_support=True),
        ),
    )


def recording_client() -> LanguageClient:
    """pytest-lsp's client, also keeping every publishDiagnostics in order and accepting registrations."""
    client = LanguageClient(converter_factory=default_converter)
    client.published = []
    client.registrations = []

    def publish(client: LanguageClient, params: types.PublishDiagnosticsParams) -> None:
        client.published.append(params)
        client.diagnostics[params.uri] = params.diagnostics

    def register(client: LanguageClient, params: types.RegistrationParams) -> None:
        client.registrations.extend(params.registrations)

    features = {**DEFAULT_CLIENT_FEATURES, types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: publish, types.CLIENT_REGISTER_CAPABILITY: register}
    register_lsp_features(client, features)
    return client


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER_COMMAND, client_factory=recording_client))
async def client(lsp_client: LanguageClient):
    await lsp_client.initialize_session(types.InitializeParams(capabilities=capabilities(), initialization_options={"debounce_ms": 20}))
    yield
    await lsp_client.shutdown_session()


async def until(condition, timeout: float = 10.0):
    """Wait for what the server sends asynchronously; fail after `timeout` seconds."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not (value := condition()):
        assert asyncio.get_running_loop().time() < deadline, "timed out waiting for the server"
        await asyncio.sleep(0.01)
    return value


def open_text(client: LanguageClient, path: Path, text: str, version: int = 1) -> str:
    uri = path.resolve().as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(uri=uri, language_id="plaintext", version=version, text=text)))
    return uri


async def opened(client: LanguageClient, path: Path, text: str) -> tuple[str, list[types.Diagnostic]]:
    """Open a document and wait for its first diagnostics."""
    uri = open_text(client, path, text)
    return uri, await until(lambda: published(client, uri, 1))


def published(client: LanguageClient, uri: str, version: int | None = None):
    """The newest diagnostics published for `uri` (at `version`, if given), or None."""
    for params in reversed(client.published):
        if params.uri == uri:
            return params.diagnostics if version is None or params.version == version else None
    return None


def cli_findings(path: Path, text: str | None = None) -> list[dict]:
    args = ["lint", "-", "--stdin-filename", str(path)] if text is not None else ["lint", str(path)]
    result = CliRunner().invoke(main, [*args, "--format", "json"], input=None if text is None else text.encode())
    return json.loads(result.output)["diagnostics"]


def key(diagnostic: types.Diagnostic) -> tuple:
    r = diagnostic.range
    return (diagnostic.code, r.start.line, r.start.character, r.end.line, r.end.character, diagnostic.message)


@pytest.mark.asyncio
async def test_a_seed_form_gets_the_cli_findings_at_the_same_places(client: LanguageClient):
    path = SEEDS["004"]
    uri = open_text(client, path, path.read_text(encoding="utf-8"))
    diagnostics = await until(lambda: published(client, uri, 1))
    # The seed is all BMP text: UTF-16 columns are the CLI's code-point columns, 0-based.
    expected = sorted((d["code"], d["line"] - 1, d["column"] - 1, d["end_line"] - 1, d["end_column"] - 1, d["message"]) for d in cli_findings(path))
    assert sorted(key(d) for d in diagnostics) == expected and len(expected) > 100
    jx105 = next(d for d in diagnostics if d.code == "JX105")
    assert (jx105.range.start.line, jx105.range.start.character) == (247, 34)
    assert jx105.severity == types.DiagnosticSeverity.Error and jx105.source == "jxlint"
    assert jx105.code_description.href.endswith("#jx105")
    total = next(d for d in diagnostics if d.code == "JX202")
    assert total.related_information and all(info.location.uri == uri for info in total.related_information)
    assert {d.severity for d in diagnostics} == {types.DiagnosticSeverity.Error, types.DiagnosticSeverity.Warning, types.DiagnosticSeverity.Information}


@pytest.mark.asyncio
async def test_an_edit_with_a_character_outside_the_bmp_moves_the_finding_by_two_units(client: LanguageClient, tmp_path):
    path = tmp_path / "form.txt"
    uri, before = await opened(client, path, SCORED_31)
    jx203 = next(d for d in before if d.code == "JX203")
    assert (jx203.range.start.line, jx203.range.start.character, jx203.range.end.character) == (12, 30, 32)
    # Type 𠀀 inside the indicator name, before the score on the same line.
    column = SCORED_31.splitlines()[12].index("维护")
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangePartial(range=types.Range(types.Position(12, column), types.Position(12, column)), text="𠀀")],
    ))
    after = await until(lambda: published(client, uri, 2))
    jx203 = next(d for d in after if d.code == "JX203")
    assert (jx203.range.start.line, jx203.range.start.character, jx203.range.end.character) == (12, 32, 34)
    edited = SCORED_31.replace("系统维护次数", "系统𠀀维护次数", 1)
    [cli] = [d for d in cli_findings(path, edited) if d["code"] == "JX203"]
    assert cli["column"] == 32  # the CLI counts code points: one more, where UTF-16 counts two


@pytest.mark.asyncio
async def test_the_last_edit_wins_and_close_clears(client: LanguageClient, tmp_path):
    path = tmp_path / "form.txt"
    uri, _ = await opened(client, path, SCORED_31)
    lines = SCORED_31.splitlines()
    score = lines[12].rindex("31")
    for version, value in enumerate(("32", "33", "34", "35", "30"), start=2):  # faster than the debounce
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangePartial(range=types.Range(types.Position(12, score), types.Position(12, score + 2)), text=value)],
        ))
    [final] = await until(lambda: (published(client, uri, 6),) if published(client, uri, 6) is not None else None)
    assert list(final) == []  # 30 again: the form adds up, and no finding of an intermediate text is left
    versions = [p.version for p in client.published if p.uri == uri]
    assert versions[-1] == 6 and versions == sorted(versions)  # never an older text's findings after a newer one's
    client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    await until(lambda: client.published[-1].uri == uri and len(client.published[-1].diagnostics) == 0)


@pytest.mark.asyncio
async def test_hover_shows_the_rule_docs_and_the_expected_value(client: LanguageClient):
    path = SEEDS["004"]
    uri = open_text(client, path, path.read_text(encoding="utf-8"))
    await until(lambda: published(client, uri, 1))
    hover = await client.text_document_hover_async(types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=247, character=34)))
    text = hover.contents.value
    assert "**JX105 execution-score-mismatch**" in text and "应为 **4.57**（表中为 0）" in text
    assert "## 检查什么" in text and "min(执行率, 100%) × 分值" in text  # the docs in the server's language
    nothing = await client.text_document_hover_async(types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=0, character=0)))
    assert nothing is None


@pytest.mark.asyncio
async def test_code_action_offers_the_computed_value_and_applies_nothing_itself(client: LanguageClient, tmp_path):
    path = tmp_path / "form.txt"
    uri, diagnostics = await opened(client, path, SCORED_31)
    total = next(d for d in diagnostics if d.code == "JX202")
    parts = [(info.location.range.start.line, info.message) for info in total.related_information]
    assert parts == [(5, "组成此合计的单元格「9.00」")] + [(line, f"组成此合计的单元格「{score}」") for line, score in ((12, 31), (13, 20), (14, 30), (15, 10))]
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=total.range, context=types.CodeActionContext(diagnostics=[total]),
    ))
    [action] = actions
    assert action.title == "把「99.00」改为「100.00」（JX202）" and action.kind == types.CodeActionKind.QuickFix
    assert not action.is_preferred  # never applied without the user choosing it
    [edit] = action.edit.changes[uri]
    assert edit.range == total.range and edit.new_text == "100.00"
    jx203 = next(d for d in diagnostics if d.code == "JX203")  # its expected value is a bound, not the fix
    assert not await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=jx203.range, context=types.CodeActionContext(diagnostics=[jx203]),
    ))


@pytest.mark.asyncio
async def test_config_change_reloads_and_a_broken_config_is_one_diagnostic(client: LanguageClient, tmp_path):
    config = tmp_path / ".jxlint.yaml"
    config.write_text("rules:\n  JX203: warning\n", encoding="utf-8")
    uri = open_text(client, tmp_path / "form.txt", SCORED_31)
    first = await until(lambda: published(client, uri, 1))
    assert {(d.code, d.severity) for d in first} == {("JX203", types.DiagnosticSeverity.Warning), ("JX202", types.DiagnosticSeverity.Error)}
    assert any(r.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES for r in client.registrations)

    def changed() -> None:
        client.published.clear()
        client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Changed)],
        ))

    config.write_text("ignore: [JX202]\n", encoding="utf-8")
    changed()
    assert {d.code for d in await until(lambda: published(client, uri))} == {"JX203"}

    other, _ = await opened(client, tmp_path / "other.txt", SCORED_31)
    config.write_text("rules:\n  JX203: warning\n  no-such-rule: off\n", encoding="utf-8")
    changed()
    on_config = await until(lambda: published(client, config.as_uri()))
    [problem] = on_config
    assert problem.range.start.line == 2 and "no-such-rule" in problem.message and problem.source == "jxlint"
    for form_uri in (uri, other):  # neither form was checked: no findings left up from before
        await until(lambda: published(client, form_uri) is not None and len(published(client, form_uri)) == 0)
    assert len([m for m in client.messages if "配置错误" in m.message]) == 1  # one message for both documents
    assert [p.uri for p in client.published].count(config.as_uri()) == 1

    config.write_text("rules:\n  JX203: warning\n", encoding="utf-8")
    changed()
    await until(lambda: published(client, config.as_uri()) is not None and len(published(client, config.as_uri())) == 0)  # withdrawn
    assert {d.code for d in await until(lambda: published(client, uri))} == {"JX202", "JX203"}  # still serving


@pytest.mark.asyncio
@pytest.mark.parametrize("encoding", ["utf-32", "utf-8"])
async def test_a_client_position_encoding_is_honoured(encoding, tmp_path):
    client = recording_client()
    await client.start_io(*SERVER_COMMAND)
    try:
        result = await client.initialize_session(types.InitializeParams(capabilities=capabilities(encoding, "utf-16")))
        assert result.capabilities.position_encoding == encoding
        text = SCORED_31.replace("系统维护次数", "系统𠀀维护次数", 1)
        uri = open_text(client, tmp_path / "form.txt", text)
        jx203 = next(d for d in await until(lambda: published(client, uri, 1)) if d.code == "JX203")
        before = text.splitlines()[12][:31]  # before the CLI's column 32, in code points
        assert before.endswith("\t") and "𠀀" in before
        expected = len(before) if encoding == "utf-32" else len(before.encode("utf-8"))
        assert jx203.range.start.character == expected
    finally:
        await client.shutdown_session()
        await client.stop()


def test_without_the_extra_the_command_says_what_to_install():
    blocked = "import sys; sys.modules['pygls'] = None; from linter.cli import main; main(['lsp'])"
    result = subprocess.run([sys.executable, "-c", blocked], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "pip install 'jxlint[lsp]'" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.asyncio
async def test_an_unsaved_buffer_takes_the_configuration_of_the_workspace_folder(tmp_path):
    (tmp_path / ".jxlint.yaml").write_text("rules:\n  JX203: warning\n", encoding="utf-8")
    client = recording_client()
    await client.start_io(*SERVER_COMMAND)
    try:
        folder = types.WorkspaceFolder(uri=tmp_path.as_uri(), name="reports")
        await client.initialize_session(types.InitializeParams(capabilities=capabilities(), workspace_folders=[folder]))
        uri = "untitled:Untitled-1"
        client.text_document_did_open(types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text=SCORED_31),
        ))
        diagnostics = await until(lambda: published(client, uri, 1))
        assert {(d.code, d.severity) for d in diagnostics} == {("JX203", types.DiagnosticSeverity.Warning), ("JX202", types.DiagnosticSeverity.Error)}
    finally:
        await client.shutdown_session()
        await client.stop()


@pytest.mark.asyncio
async def test_saving_a_configuration_open_in_the_editor_reloads_it(client: LanguageClient, tmp_path):
    config = tmp_path / ".jxlint.yaml"
    config.write_text("rules: {}\n", encoding="utf-8")
    uri, first = await opened(client, tmp_path / "form.txt", SCORED_31)
    assert {d.code for d in first} == {"JX202", "JX203"}
    config_uri = open_text(client, config, "rules: {}\n")
    config.write_text("ignore: [JX203]\n", encoding="utf-8")
    client.published.clear()
    client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=config_uri)))
    assert {d.code for d in await until(lambda: published(client, uri))} == {"JX202"}
    assert published(client, config_uri) is None  # the configuration itself is not linted as a form


CRASHING_PLUGIN = '''"""A rule that always raises.

## What it checks
Nothing: it raises, as a rule with a bug would.

## Why it matters
The server must report it and keep serving.

## Failing example
    any form

## Passing example
    none

## Source
tests/test_lsp.py
"""
from linter.plugins import hookimpl

CODE = "ZZ001"
NAME = "always-crashes"
SEVERITY = "warning"
MESSAGES = {"zh": {"never": "不会出现"}, "en": {"never": "never shown"}}


def check(form, options):
    raise RuntimeError("a bug in the rule")
    yield


@hookimpl
def jxlint_rules():
    import sys

    return [sys.modules[__name__]]
'''


@pytest.mark.asyncio
async def test_a_crashing_plugin_rule_is_one_diagnostic_and_the_server_keeps_serving(tmp_path):
    """The plugin is installed as pip would leave it: a module and a .dist-info with the entry point."""
    site = tmp_path / "site"
    (site / "zz_crash_plugin-1.0.dist-info").mkdir(parents=True)
    (site / "zz_crash_plugin.py").write_text(CRASHING_PLUGIN, encoding="utf-8")
    (site / "zz_crash_plugin-1.0.dist-info" / "METADATA").write_text("Metadata-Version: 2.1\nName: zz-crash-plugin\nVersion: 1.0\n", encoding="utf-8")
    (site / "zz_crash_plugin-1.0.dist-info" / "entry_points.txt").write_text("[jxlint]\nZZ = zz_crash_plugin\n", encoding="utf-8")
    client = recording_client()
    await client.start_io(*SERVER_COMMAND, env=dict(os.environ, PYTHONPATH=str(site)))
    try:
        await client.initialize_session(types.InitializeParams(capabilities=capabilities()))
        uri, diagnostics = await opened(client, tmp_path / "form.txt", SCORED_31)
        [crash] = [d for d in diagnostics if d.code == "ZZ001"]
        assert "ZZ001 always-crashes" in crash.message and "RuntimeError" in crash.message
        assert crash.severity == types.DiagnosticSeverity.Error
        assert {d.code for d in diagnostics} == {"ZZ001", "JX202", "JX203"}  # the other rules still ran
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=form())],
        ))
        assert {d.code for d in await until(lambda: published(client, uri, 2))} == {"ZZ001"}  # still serving
    finally:
        await client.shutdown_session()
        await client.stop()
