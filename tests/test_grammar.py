"""The grammar itself: LALR(1) without conflicts, and unambiguous on every seed form."""

from __future__ import annotations

from lark import Lark, Tree

from linter.lark_parser import FormLexer
from linter.layouts import build_rows, detect_layout, split_forms
from linter.lexer import tokenize
from linter.parse_tables import grammar_text
from linter.parse import detect_template
from linter.templates import builtin_templates
from tests.conftest import SEEDS


TEMPLATES = builtin_templates()


def _tokens(segment):
    vocabulary = detect_template(segment, TEMPLATES).template.vocabulary
    return tokenize(build_rows(segment, detect_layout(segment), vocabulary), vocabulary)


def test_grammar_is_lalr1_without_conflicts():
    Lark(grammar_text(), parser="lalr", lexer=FormLexer, strict=True)


def test_earley_finds_no_ambiguity_on_any_seed_form():
    earley = Lark(grammar_text(), parser="earley", lexer=FormLexer, ambiguity="explicit")
    forms = 0
    for path in SEEDS.values():
        for segment in split_forms(path.read_text(encoding="utf-8"), TEMPLATES):
            tokens = _tokens(segment)
            tree = earley.parse(tokens)
            assert not any(isinstance(node, Tree) and node.data == "_ambig" for node in tree.iter_subtrees())
            forms += 1
    assert forms == 38


def test_fast_loop_builds_the_same_trees_as_lark():
    from linter.grammar import _parse_clean
    from linter.lark_parser import parser
    from linter.lexer import end_of_row

    forms = 0
    for path in SEEDS.values():
        for segment in split_forms(path.read_text(encoding="utf-8"), TEMPLATES):
            tokens = _tokens(segment)
            fast = _parse_clean(tokens, end_of_row(tokens[-1], "$END"))
            interactive = parser().parse_interactive()
            for token in tokens:
                interactive.parser_state.feed_token(token)
            slow = interactive.parser_state.feed_token(end_of_row(tokens[-1], "$END"), True)
            assert fast == slow and fast is not None
            forms += 1
    assert forms == 38


def test_fast_loop_builds_the_trees_of_lark_with_its_own_tree_class():
    """Lark's parser as Lark ships it (lark.Tree, its own child filters) builds the same
    trees, node for node, as the table loop and its compiled filters."""
    from linter.grammar import _parse_clean
    from linter.lexer import end_of_row
    from linter.tree import Node

    def as_node(tree):
        return Node(str(tree.data), [as_node(child) if isinstance(child, Tree) else child for child in tree.children])

    plain_lark = Lark(grammar_text(), parser="lalr", lexer=FormLexer)
    forms = 0
    for path in SEEDS.values():
        for segment in split_forms(path.read_text(encoding="utf-8"), TEMPLATES):
            tokens = _tokens(segment)
            end = end_of_row(tokens[-1], "$END")
            interactive = plain_lark.parse_interactive()
            for token in tokens:
                interactive.parser_state.feed_token(token)
            slow = interactive.parser_state.feed_token(end, True)
            assert isinstance(slow, Tree)
            fast = _parse_clean(tokens, end)
            assert fast is not None and fast == as_node(slow)
            forms += 1
    assert forms == 38


def test_fast_loop_accepts_exactly_what_lark_accepts():
    """On damaged token streams (a token deleted, repeated or moved), the fast loop fails
    exactly where Lark's own parser raises, and builds the same tree where it does not."""
    import random

    from lark.exceptions import UnexpectedInput

    from linter.grammar import _parse_clean
    from linter.lark_parser import parser
    from linter.lexer import end_of_row

    def lark_parse(tokens, end):
        interactive = parser().parse_interactive()
        try:
            for token in tokens:
                interactive.parser_state.feed_token(token)
            return interactive.parser_state.feed_token(end, True)
        except UnexpectedInput:
            return None

    generator = random.Random(10)
    accepted = rejected = 0
    for path in SEEDS.values():
        for segment in split_forms(path.read_text(encoding="utf-8"), TEMPLATES):
            tokens = _tokens(segment)
            end = end_of_row(tokens[-1], "$END")
            for _ in range(12):
                damaged = list(tokens)
                where = generator.randrange(len(damaged))
                kind = generator.choice(("delete", "repeat", "move"))
                if kind == "delete" and len(damaged) > 1:
                    del damaged[where]
                elif kind == "repeat":
                    damaged.insert(where, damaged[where])
                else:
                    damaged.insert(generator.randrange(len(damaged)), damaged.pop(where))
                fast = _parse_clean(damaged, end)
                slow = lark_parse(damaged, end)
                assert fast == slow
                accepted += fast is not None
                rejected += fast is None
    assert accepted > 50 and rejected > 50


def test_repaired_forms_are_trees_of_the_same_node_class():
    """Where the loop fails and Lark's interactive parser repairs the form, the tree it
    returns is made of `Node`s too: the builder sees one kind of tree."""
    from linter.grammar import _parse_clean, parse_tokens
    from linter.lexer import end_of_row
    from linter.tree import Node

    def nodes(tree):
        yield tree
        for child in tree.children:
            if hasattr(child, "children"):
                yield from nodes(child)

    repaired = 0
    for path in SEEDS.values():
        for segment in split_forms(path.read_text(encoding="utf-8"), TEMPLATES):
            tokens = _tokens(segment)
            kinds = [token.type for token in tokens]
            if "FHDR" not in kinds:
                continue
            start = kinds.index("FHDR")  # the funds table's header row deleted
            damaged = tokens[:start] + tokens[kinds.index("_NL", start) + 1:]
            if _parse_clean(damaged, end_of_row(damaged[-1], "$END")) is not None:
                continue
            tree, repairs, failure = parse_tokens(damaged)
            if failure is None:
                assert repairs and all(type(node) is Node for node in nodes(tree))
                repaired += 1
    assert repaired > 5
