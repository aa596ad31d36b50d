"""docs/editors.md: every editor snippet parses and starts the server command the LSP tests drive."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest
from lsprotocol import types

from tests.test_lsp import SCORED_31, SERVER_COMMAND, capabilities, open_text, published, recording_client, until

DOC = (Path(__file__).resolve().parent.parent / "docs" / "editors.md").read_text(encoding="utf-8")


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", DOC, re.S)


def vscode_settings() -> dict:
    [settings] = [json.loads(block) for block in blocks("json")]
    return settings


def commands() -> dict[str, list[str]]:
    settings = vscode_settings()
    [lua] = blocks("lua")
    [elisp] = blocks("elisp")
    [toml] = [tomllib.loads(block) for block in blocks("toml")]
    helix = toml["language-server"]["jxlint"]
    [lua_cmd] = re.findall(r"cmd = \{(.*?)\}", lua)
    [elisp_cmd] = re.findall(r"\. \((\"[^)]*)\)\)\)\)", elisp)
    return {
        "vscode": [settings["glspc.server.command"], *settings["glspc.server.commandArguments"]],
        "neovim": re.findall(r'"([^"]*)"', lua_cmd),
        "emacs": re.findall(r'"([^"]*)"', elisp_cmd),
        "helix": [helix["command"], *helix["args"]],
    }


def test_every_editor_starts_jxlint_lsp():
    assert commands() == {editor: ["jxlint", "lsp"] for editor in ("vscode", "neovim", "emacs", "helix")}
    assert Path(SERVER_COMMAND[0]).name == "jxlint" and SERVER_COMMAND[1:] == ["lsp"]  # what tests/test_lsp.py starts
    [toml] = [tomllib.loads(block) for block in blocks("toml")]
    assert toml["language"][0]["language-servers"] == ["jxlint"]


@pytest.mark.asyncio
@pytest.mark.parametrize("options, words", [(None, "得分 31 高于分值 30"), ({"lang": "en"}, "score 31 is above its points 30")])
async def test_the_documented_initialisation_options(options, words, tmp_path):
    client = recording_client()
    await client.start_io(*SERVER_COMMAND)
    try:
        sent = vscode_settings()["glspc.server.initializationOptions"] if options is None else options
        await client.initialize_session(types.InitializeParams(capabilities=capabilities(), initialization_options=sent))
        uri = open_text(client, tmp_path / "form.txt", SCORED_31)
        diagnostics = await until(lambda: published(client, uri, 1))
        assert any(d.code == "JX203" and d.message == words for d in diagnostics), [d.message for d in diagnostics]
    finally:
        await client.shutdown_session()
        await client.stop()
