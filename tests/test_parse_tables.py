"""The clean parse's plain tables: taken from Lark once, saved in the private cache,
checked when read, and enough to parse a form without importing Lark."""

from __future__ import annotations

import marshal
import os
import subprocess
import sys
from pathlib import Path

import pytest

from linter.digest import hasher
from linter.parse_tables import _key, checked
from tests.conftest import SEEDS

ROOT = Path(__file__).parent.parent

_PARSE_SEED = f"""
import sys
from linter.parse import parse_path
document = parse_path({str(SEEDS["001"])!r})
assert len(document.forms) == 5 and all(form.parsed for form in document.forms)
print(sorted(name for name in sys.modules if name == "lark" or name.startswith("lark.")))
"""


def _run_python(code: str, cache: Path) -> subprocess.CompletedProcess:
    env = {name: value for name, value in os.environ.items() if not name.startswith("JXLINT_")}
    env["JXLINT_CACHE_DIR"] = str(cache)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)


def _tables_files(cache: Path) -> list[Path]:
    return sorted(cache.glob("tables-*.marshal"))


def test_a_clean_parse_with_the_tables_cached_imports_no_lark(tmp_path):
    cache = tmp_path / "cache"
    first = _run_python(_PARSE_SEED, cache)
    assert first.returncode == 0, first.stderr
    [saved] = _tables_files(cache)
    assert saved.stat().st_mode & 0o077 == 0
    second = _run_python(_PARSE_SEED, cache)
    assert second.returncode == 0, second.stderr
    assert second.stdout.strip() == "[]"


def test_without_a_cache_the_tables_are_built_from_lark(tmp_path):
    cache = tmp_path / "cache"
    env_code = "import os; os.environ['JXLINT_NO_PARSER_CACHE'] = '1'\n" + _PARSE_SEED
    result = _run_python(env_code, cache)
    assert result.returncode == 0, result.stderr
    assert "'lark'" in result.stdout
    assert not cache.exists()


def _saved_payload(tmp_path: Path) -> tuple[Path, bytes]:
    cache = tmp_path / "cache"
    result = _run_python(_PARSE_SEED, cache)
    assert result.returncode == 0, result.stderr
    [saved] = _tables_files(cache)
    data = saved.read_bytes()
    return saved, data[32:]


def _with_digest(payload: bytes) -> bytes:
    return hasher(payload).digest() + payload


@pytest.mark.parametrize("damage", ["not marshal", "other format", "other key", "state out of range",
                                    "rule out of range", "plan past the rule", "a code object",
                                    "builders not code", "builders of other factories"])
def test_a_saved_file_of_the_right_digest_but_wrong_content_is_rebuilt(tmp_path, damage):
    saved, payload = _saved_payload(tmp_path)
    key = _key()
    assert checked(payload, key) is not None
    form, saved_key, start, end, rules, states, code = marshal.loads(payload)

    def saved_as(**changed):
        parts = {"form": form, "key": saved_key, "rules": rules, "states": states, "code": code, **changed}
        return marshal.dumps((parts["form"], parts["key"], start, end, parts["rules"], parts["states"], parts["code"]))

    if damage == "not marshal":
        bad = b"\xff" * 64
    elif damage == "other format":
        bad = saved_as(form=form + 1)
    elif damage == "other key":
        bad = saved_as(key=hasher(b"another grammar").digest())
    elif damage == "state out of range":
        states[0][next(iter(states[0]))] = len(states)
        bad = saved_as()
    elif damage == "rule out of range":
        states[0][next(iter(states[0]))] = -len(rules) - 1
        bad = saved_as()
    elif damage == "plan past the rule":
        origin, size, _ = rules[1]
        rules[1] = (origin, size, ((size, False),))
        bad = saved_as()
    elif damage == "a code object":
        bad = saved_as(rules=compile("1", "x", "eval"))
    elif damage == "builders not code":
        bad = saved_as(code="def make_0(data): pass")
    else:
        bad = saved_as(code=compile("def make_0(data):\n    return print\n", "x", "exec"))
    assert checked(bad, key) is None
    saved.write_bytes(_with_digest(bad))
    again = _run_python(_PARSE_SEED, saved.parent)
    assert again.returncode == 0, again.stderr
    assert "'lark'" in again.stdout  # rebuilt from Lark's parser ...
    assert checked(saved.read_bytes()[32:], key) is not None  # ... and saved again


def test_the_lark_version_in_the_key_is_the_installed_one_read_without_importing_it():
    import lark

    from linter.parse_tables import lark_version

    assert lark_version() == lark.__version__
