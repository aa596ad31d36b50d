"""The grammar itself: LALR(1) without conflicts, and unambiguous on every seed form."""

from __future__ import annotations

from lark import Lark, Tree

from linter.grammar import grammar_text
from linter.layouts import build_rows, detect_layout, split_forms
from linter.lexer import FormLexer, tokenize
from tests.conftest import SEEDS


def test_grammar_is_lalr1_without_conflicts():
    Lark(grammar_text(), parser="lalr", lexer=FormLexer, strict=True)


def test_earley_finds_no_ambiguity_on_any_seed_form():
    earley = Lark(grammar_text(), parser="earley", lexer=FormLexer, ambiguity="explicit")
    forms = 0
    for path in SEEDS.values():
        for segment in split_forms(path.read_text(encoding="utf-8")):
            tokens = tokenize(build_rows(segment, detect_layout(segment)))
            tree = earley.parse(tokens)
            assert not any(isinstance(node, Tree) and node.data == "_ambig" for node in tree.iter_subtrees())
            forms += 1
    assert forms == 38
