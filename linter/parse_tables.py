"""The LALR tables of the clean parse as plain data, kept in the private cache.

The tables are taken from the `Lark` object (linter/lark_parser.py) only when the cache
has none for this grammar, Lark, jxlint and Python, and saved with `marshal`; a run that finds
them loads them in about 1.5 ms without importing Lark. A saved file is
checked twice: its BLAKE2b digest (linter/parser_cache.py), then its shape and every number in
it, so a damaged or foreign file is rebuilt, never followed into a wrong state.

The node builders (`_node_builders`) are generated source; their compiled code is saved
beside the tables (compiling it is about 9 M instructions, a sixth of a one-file lint's
first form), and trusted as the cache's Lark pickles are: a file only the user can write,
whose digest matches, of this Python's bytecode (the key holds its magic number).
"""

from __future__ import annotations

import marshal
import re
from types import CodeType

from linter.tree import Node

# Bumped when the saved shape changes.
_FORMAT = 2
_VERSION_LINE = re.compile(r"""^__version__\b[^=\n]*=\s*["']([^"'\n]+)["']""", re.MULTILINE)


class Tables:
    """The compiled tables for the loop in linter/grammar.py: per state, each symbol's
    action is the next state (an int: a shift, or a goto after a reduction) or, for a
    reduction, the tuple (rule size, rule origin, node builder)."""

    __slots__ = ("actions", "start", "end")

    def __init__(self, start: int, end: int, rules: list, states: list, code: CodeType) -> None:
        builders = _node_builders(rules, code)
        reductions = [(size, origin, builder) for (origin, size, _), builder in zip(rules, builders)]
        self.actions = [
            {symbol: action if action >= 0 else reductions[~action] for symbol, action in state.items()}
            for state in states
        ]
        self.start = start
        self.end = end


def _node_builders(rules: list, code: CodeType) -> list:
    """Each rule's child filter as straight-line code (`builders_code`): the children its
    plan keeps (tokens filtered out, `_rule` children inlined, the same lists reused as
    Lark's builder does), given to a `Node`, without a loop over the plan on every
    reduction."""
    namespace: dict = {"Node": Node}
    exec(code, namespace)
    names = _factory_names(rules)
    return [namespace[names[_plan_key(rule)]](rule[0]) for rule in rules]


def builders_code(rules: list) -> CodeType:
    """The compiled factories of `_node_builders`: one a distinct plan.

    A `_rule` is inlined wherever it stands (Lark inlines every rule whose name starts
    with `_`, and only those), so its builder returns the bare list of its children, which
    its parent takes over: no `Node` is made to be unpacked at once (about 100 a form)."""
    source: list[str] = []
    for (inlined, plan), name in _factory_names(rules).items():
        source.append(f"def {name}(data):\n    def build(children):\n")
        if plan is None:
            source.append(f"        return {'children' if inlined else 'Node(data, children)'}\n    return build\n")
            continue
        lines = []
        for position, (index, inline) in enumerate(plan):
            if position == 0:
                lines.append(f"out = children[{index}]" if inline else f"out = [children[{index}]]")
            else:
                lines.append(f"out += children[{index}]" if inline else f"out.append(children[{index}])")
        source.extend(f"        {line}\n" for line in lines or ["out = []"])
        source.append(f"        return {'out' if inlined else 'Node(data, out)'}\n    return build\n")
    return compile("".join(source), "<parse tree builders>", "exec")


def _plan_key(rule: tuple) -> tuple[bool, tuple | None]:
    origin, _, plan = rule
    return origin.startswith("_"), plan


def _factory_names(rules: list) -> dict[tuple[bool, tuple | None], str]:
    """A factory's name for each distinct (inlined, plan), in the order first met."""
    names: dict[tuple[bool, tuple | None], str] = {}
    for rule in rules:
        names.setdefault(_plan_key(rule), f"make_{len(names)}")
    return names


def load_tables() -> Tables:
    """The tables from the private cache, or taken from Lark's parser and saved."""
    from linter.parser_cache import forget_old, read_cached, write_cached

    key = _key()
    name = f"tables-{key.hex()[:24]}.marshal"
    payload = read_cached(name)
    if payload is not None:
        plain = checked(payload, key)
        if plain is not None:
            return Tables(*plain)
    from linter.lark_parser import parser, plain_tables

    plain = plain_tables(parser())
    code = builders_code(plain[2])
    write_cached(name, marshal.dumps((_FORMAT, key, *plain, code)))
    forget_old("tables-*.marshal", 8, name)
    return Tables(*plain, code)


def checked(payload: bytes, key: bytes) -> tuple[int, int, list, list, CodeType] | None:
    """(start, end, rules, states, builders' code) from a saved file when it is of this
    format and key, every state and rule it names exists and the code defines the builders'
    factories; None for anything else."""
    try:
        saved = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None
    if type(saved) is not tuple or len(saved) != 7 or saved[0] != _FORMAT or saved[1] != key:
        return None
    _, _, start, end, rules, states, code = saved
    if type(rules) is not list or type(states) is not list or type(code) is not CodeType:
        return None
    if not all(_is_rule(rule) for rule in rules):
        return None
    state_count, rule_count = len(states), len(rules)
    for state in states:
        if type(state) is not dict:
            return None
        for symbol, action in state.items():
            if type(symbol) is not str or type(action) is not int or not -rule_count <= action < state_count:
                return None
    if not all(type(state) is int and 0 <= state < state_count for state in (start, end)):
        return None
    if set(code.co_names) != set(_factory_names(rules).values()):
        return None
    return start, end, rules, states, code


def _is_rule(rule: object) -> bool:
    if type(rule) is not tuple or len(rule) != 3:
        return False
    origin, size, plan = rule
    if type(origin) is not str or not origin.isidentifier() or type(size) is not int or size < 0:
        return False
    if plan is None:
        return True
    return type(plan) is tuple and all(
        type(step) is tuple and len(step) == 2 and type(step[0]) is int and 0 <= step[0] < size
        and type(step[1]) is bool
        for step in plan
    )


def _key() -> bytes:
    from importlib.util import MAGIC_NUMBER

    from linter import __version__
    from linter.digest import hasher

    parts = (str(_FORMAT), grammar_text(), lark_version(), __version__, MAGIC_NUMBER.hex())
    return hasher("\0".join(parts).encode()).digest()


def grammar_text() -> str:
    from linter.package_files import package_folder

    return package_folder("grammar").joinpath("form.lark").read_text(encoding="utf-8")


def lark_version() -> str:
    """The installed Lark's version, read from the `__version__ = "…"` line of its
    `__init__.py` without running it (importing Lark is what a cached parse avoids, and
    importlib.metadata lists every installed distribution's folder); where that line is
    not found, Lark is imported to ask it."""
    from importlib.util import find_spec

    spec = find_spec("lark")
    if spec is not None and spec.origin:
        try:
            with open(spec.origin, encoding="utf-8") as source:
                found = _VERSION_LINE.search(source.read())
        except (OSError, ValueError):
            found = None
        if found:
            return found.group(1)
    import lark

    return lark.__version__
