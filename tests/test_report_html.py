"""The review report, loaded in headless Chromium: it sorts, filters, draws its charts, and
keeps untrusted form text as text. A screenshot of the seeds' report goes to artifacts/."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from linter.cli import main
from tests.browser import browser
from tests.conftest import SEEDS

ROOT = Path(__file__).parent.parent
ARTIFACTS = ROOT / "artifacts"


def _report(tmp_path: Path, *paths: str, lang: str = "zh") -> Path:
    out = tmp_path / "review.html"
    result = CliRunner().invoke(main, ["report", *paths, "-o", str(out), "--lang", lang, "--quiet"])
    assert result.exit_code in (0, 1), result.output
    return out


@pytest.fixture(scope="module")
def driver():
    chrome = browser()
    yield chrome
    chrome.quit()


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory) -> Path:
    return _report(tmp_path_factory.mktemp("html"), *(str(p) for p in SEEDS.values()))


def _visible_rows(driver) -> list:
    return [row for row in driver.find_elements("css selector", "#forms > tbody > tr.form") if row.is_displayed()]


def test_self_contained(seeds_report):
    html = seeds_report.read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "@import" not in html and "url(" not in html


def test_charts_render(driver, seeds_report):
    driver.get(seeds_report.as_uri())
    charts = driver.find_elements("css selector", "svg.chart")
    assert sorted(chart.get_attribute("data-chart") for chart in charts) == ["rules", "scatter", "scores", "units"]
    for chart in charts:
        size = chart.size
        assert size["width"] > 100 and size["height"] > 40, chart.get_attribute("data-chart")
    for name, mark in (("rules", "rect.bar"), ("units", "rect.bar"), ("scores", "rect.bar"), ("scatter", "circle.dot")):
        marks = driver.find_elements("css selector", f'svg[data-chart="{name}"] {mark}')
        assert marks and all(m.size["width"] > 0 and m.size["height"] > 0 for m in marks), name
    # one dot per form with both a 执行率 and a 总分 得分
    from linter.engine import Linter

    forms = [form for file in Linter().lint_paths([str(p) for p in SEEDS.values()]) for form in file.forms]
    both = sum(1 for form in forms if form.execution_rate is not None and form.score is not None)
    assert 20 < both < 38
    assert len(driver.find_elements("css selector", 'svg[data-chart="scatter"] circle.dot')) == both


def _column(driver, index: int) -> list[str]:
    return [row.find_elements("tag name", "td")[index].get_attribute("data-value") for row in _visible_rows(driver)]


def test_table_sorts(driver, seeds_report):
    driver.get(seeds_report.as_uri())
    header = driver.find_element("css selector", '#forms th[data-key="score"]')
    index = [th.get_attribute("data-key") for th in driver.find_elements("css selector", "#forms thead th")].index("score")
    header.click()
    ascending = [float(v) for v in _column(driver, index) if v]
    assert ascending == sorted(ascending) and ascending[0] < ascending[-1]
    assert header.get_attribute("aria-sort") == "ascending"
    header.click()
    descending = [float(v) for v in _column(driver, index) if v]
    assert descending == sorted(descending, reverse=True)
    # each form keeps its findings row right after it
    rows = driver.find_elements("css selector", "#forms > tbody > tr")
    assert [r.get_attribute("class").split()[0] for r in rows] == ["form", "findings"] * 38


def test_table_filters_and_opens_findings(driver, seeds_report):
    driver.get(seeds_report.as_uri())
    assert len(_visible_rows(driver)) == 38
    driver.find_element("id", "only-errors").click()
    with_errors = _visible_rows(driver)
    assert 0 < len(with_errors) < 38
    assert all(row.get_attribute("data-errors") != "0" for row in with_errors)
    driver.find_element("id", "only-errors").click()
    search = driver.find_element("id", "filter")
    search.send_keys("JX105")  # a rule code matches the forms with that finding
    rows = _visible_rows(driver)
    assert len(rows) == 1 and "反电信诈骗费用" in rows[0].text
    assert "1 / 38" in driver.find_element("id", "shown").text
    rows[0].click()
    detail = driver.find_element("css selector", "#forms > tbody > tr.form:not([hidden]) + tr.findings")
    assert detail.is_displayed()
    text = detail.text
    assert "JX105" in text and "项目资金/年度资金总额/得分" in text
    assert "The budget-execution 得分 is not min(执行率, 100%) × 分值." in text  # the rule's explanation
    search.clear()
    search.send_keys("平安办")
    assert {row.find_elements("tag name", "td")[2].text for row in _visible_rows(driver)} <= {"平安办", "平安办政府"}


def test_screenshot_of_the_seeds_report(driver, seeds_report):
    ARTIFACTS.mkdir(exist_ok=True)
    driver.set_window_size(1400, 1000)
    driver.get(seeds_report.as_uri())
    height = driver.execute_script("return document.body.scrollHeight")
    driver.set_window_size(1400, min(height + 100, 6000))
    shot = ARTIFACTS / "review-seeds.png"
    assert driver.save_screenshot(str(shot))
    assert shot.stat().st_size > 50_000


def test_form_text_stays_text(driver, tmp_path):
    # The parser drops HTML tags from cells, so the hostile text is put straight into a result:
    # every field a form or a finding brings to the page.
    from linter.ast import Span
    from linter.engine import Diagnostic, FileResult, FormSummary, Linter, LintResult
    from linter.report.html import render_html

    hostile = '<script>window.pwned = 1</script><img src=x onerror="window.pwned=2">'
    form = FormSummary(1, hostile, 1, "tsv", True, implementer=hostile, template=hostile)
    finding = Diagnostic(hostile, 1, hostile, 1, "JX105", "execution-score-mismatch", "error", Span(2, 1, 2, 5), hostile,
                         table_path=hostile, expected=hostile, actual=hostile, cell=hostile)
    result = LintResult([FileResult(hostile, "utf-8", [form], [finding])], Linter().registry.rules)
    page = tmp_path / "hostile.html"
    page.write_text(render_html(result, "zh"), encoding="utf-8")
    driver.get(page.as_uri())
    driver.find_element("css selector", "#forms > tbody > tr.form").click()
    assert driver.execute_script("return window.pwned === undefined")
    assert driver.find_elements("css selector", "img") == []
    assert driver.find_element("id", "forms").text.count(hostile) >= 8  # file, unit, project, template, cell, message…


def test_english(driver, tmp_path):
    report = _report(tmp_path, str(SEEDS["004"]), lang="en")
    driver.get(report.as_uri())
    assert driver.find_element("tag name", "h1").text == "Performance self-evaluation forms: review report"
    assert "23 of 23 forms shown" in driver.find_element("id", "shown").text


def test_generated_time_is_source_date_epoch_when_set(monkeypatch):
    from linter.engine import LintResult
    from linter.report.html import render_html

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764460800")
    assert "2025-11-30 00:00 UTC" in render_html(LintResult([]), "en")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "not a number")  # ignored, as reproducible-builds tools do
    assert "2025-11-30 00:00 UTC" not in render_html(LintResult([]), "en")
