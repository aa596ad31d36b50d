"""Bad input never crashes and never loses the other forms."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linter.ast import Document
from linter.parse import parse_bytes, parse_text
from tests.conftest import SEEDS, seed

SEED_BYTES = {name: path.read_bytes() for name, path in SEEDS.items()}
OPERATIONS = ("delete_line", "duplicate_line", "swap_lines", "delete_char", "duplicate_char", "flip_byte")


def mutate(data: bytes, operations: list[tuple[str, int, int]]) -> bytes:
    for operation, first, second in operations:
        if operation == "flip_byte":
            if data:
                position = first % len(data)
                data = data[:position] + bytes([data[position] ^ (1 + second % 255)]) + data[position + 1 :]
            continue
        text = data.decode("utf-8", errors="surrogateescape")
        if operation.endswith("char"):
            if text:
                position = first % len(text)
                text = text[:position] + (text[position] * 2 if operation == "duplicate_char" else "") + text[position + 1 :]
        else:
            lines = text.split("\n")
            a, b = first % len(lines), second % len(lines)
            if operation == "delete_line":
                del lines[a]
            elif operation == "duplicate_line":
                lines.insert(a, lines[a])
            else:
                lines[a], lines[b] = lines[b], lines[a]
            text = "\n".join(lines)
        data = text.encode("utf-8", errors="surrogateescape")
    return data


def assert_well_formed(document: Document, data: bytes) -> None:
    line_count = data.count(b"\n") + 1
    problems = list(document.problems)
    for form in document.forms:
        assert form.parsed or len(form.problems) == 1
        problems.extend(form.problems)
        for indicator in form.indicators:
            assert 1 <= indicator.span.line <= line_count
    for problem in problems:
        assert 1 <= problem.span.line <= line_count


MUTATIONS = st.lists(
    st.tuples(st.sampled_from(OPERATIONS), st.integers(0, 10**6), st.integers(0, 10**6)), min_size=1, max_size=25
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(sorted(SEED_BYTES)), operations=MUTATIONS)
def test_mutated_seeds_never_crash(name, operations):
    data = mutate(SEED_BYTES[name], operations)
    document = parse_bytes(data, "mutated.txt")
    assert_well_formed(document, data)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_never_crash(data):
    assert_well_formed(parse_bytes(data, "random.bin"), data)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="财政项目支出绩效自评表名称主管部门实施单位资金总额指标分值得分总\t\n |<>-—.…0123456789%≥", max_size=400))
def test_template_word_soup_never_crashes(text):
    data = ("财政项目支出绩效自评表\n" + text).encode()
    assert_well_formed(parse_bytes(data, "soup.txt"), data)


def _004_without(line_numbers: set[int]) -> str:
    lines = SEEDS["004"].read_text(encoding="utf-8").split("\n")
    return "\n".join(line for number, line in enumerate(lines, 1) if number not in line_numbers)


def test_missing_funds_header_is_repaired_and_reported_once():
    text = _004_without({49})  # form 2: the 项目资金 header row
    document = parse_text(text, "damaged.txt")
    assert len(document.forms) == 23
    broken = document.forms[1]
    assert broken.parsed and len(broken.problems) == 1
    problem = broken.problems[0]
    assert problem.message_id == "parse.repaired"
    assert (problem.span.line, problem.span.column) == (49, 3)  # 年度资金总额, now on line 49
    assert broken.funds is not None and broken.funds.total.initial_budget.raw == "1.34"
    assert broken.total.score.raw == "90"
    assert all(not form.problems for form in document.forms if form is not broken)


def test_missing_project_name_row_leaves_the_form_readable():
    document = parse_text(_004_without({212}), "damaged.txt")  # form 7 (title at 208): 项目名称 row
    form = document.forms[6]
    # Header fields are optional parts: the form reads on, and JX004 reports the missing name.
    assert form.parsed and form.problems == [] and form.project is None
    assert form.funds.total.budget.raw == "17.86"


def test_unrepairable_form_gives_one_diagnostic_and_keeps_the_others():
    lines = SEEDS["004"].read_text(encoding="utf-8").split("\n")
    lines[120 - 1] = "主管部门\t错位\n项目资金 (万元)\t年初预算数\n" + lines[120 - 1]
    document = parse_text("\n".join(lines), "damaged.txt")
    assert len(document.forms) == 23
    assert sum(1 for form in document.forms if form.problems) == 1
    broken = next(form for form in document.forms if form.problems)
    assert broken.index == 4 and len(broken.problems) == 1
    # The pasted 项目资金 header (line 121) repeats the funds table: reported, the first kept.
    assert broken.problems[0].message_id == "parse.repeated" and broken.problems[0].span.line == 121
    assert broken.funds.total is not None
    assert broken.project_name == "一网通办居住证自助服务终端"


def test_truncated_form_reports_end_of_form():
    text = SEEDS["003"].read_text(encoding="utf-8").split("\n")
    document = parse_text("\n".join(text[:10]), "truncated.txt")
    form = document.forms[0]
    assert len(form.problems) == 1
    assert form.problems[0].message_id == "parse.truncated"
    assert form.truncated == ["goal", "indicators", "total"] and form.cut_in == "funds"


def test_text_without_any_form_has_no_forms():
    document = parse_text("会议纪要\n第一条 …\n", "notes.txt")
    assert document.forms == [] and document.problems == []


def test_seeds_parse_identically_from_bytes_and_text():
    for name in SEEDS:
        assert len(seed(name).forms) == len(parse_text(SEEDS[name].read_text(encoding="utf-8"), "x").forms)


def test_repair_trials_leave_no_duplicated_cells():
    lines = SEEDS["004"].read_text(encoding="utf-8").split("\n")[:12]
    form = parse_text("\n".join(lines), "cut.txt").forms[0]
    assert [p.message_id for p in form.problems] == ["parse.truncated"]
    assert [row.kind for row in form.funds.rows] == ["total", "current", "carryover"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(sorted(SEED_BYTES)), operations=MUTATIONS)
def test_every_rule_survives_mutated_seeds(name, operations):
    from pathlib import Path

    from linter.engine import INTERNAL_ERROR, Linter
    from tests.forms import REGISTRY

    data = mutate(SEED_BYTES[name], operations)
    result = Linter(registry=REGISTRY).lint_bytes(data, "mutated.txt", Path(__file__))
    crashes = [d.message for d in result.diagnostics if d.name == INTERNAL_ERROR]
    assert crashes == []


_TEMPLATES = __import__("linter.templates", fromlist=["builtin_templates"]).builtin_templates()
_WORDS = sorted({word for template in _TEMPLATES for word in template.vocabulary.phrases})
_TITLES = sorted({title for template in _TEMPLATES for title in template.data.get("titles", [])})
_PIECES = st.one_of(
    st.sampled_from(_WORDS),
    st.sampled_from(["10", "9.5", "100%", "≥90%", "=1个", "—", "/", "无", "指标 2：", "(20分)", "(万元)", "99.", "1,5,00"]),
    st.sampled_from(["\t", " | ", "|", "\n", "\n\n", " ", "  ", ""]),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=st.sampled_from(_TITLES), pieces=st.lists(_PIECES, max_size=120))
def test_every_templates_words_in_any_layout_never_crash(title, pieces):
    from pathlib import Path

    from linter.engine import INTERNAL_ERROR, Linter
    from tests.forms import REGISTRY

    data = (title + "\n" + "".join(pieces)).encode()
    document = parse_bytes(data, "soup.txt")
    assert_well_formed(document, data)
    result = Linter(registry=REGISTRY).lint_bytes(data, "soup.txt", Path(__file__))
    assert [d.message for d in result.diagnostics if d.name == INTERNAL_ERROR] == []
