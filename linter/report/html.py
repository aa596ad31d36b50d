"""`jxlint report` / `--format html`: one self-contained review page.

Everything is inline (styles, SVG charts, a small script that sorts and filters
the table of forms), so the file opens offline and can be mailed. All text from
the forms is escaped with `html.escape` before it reaches the page; the script
only moves rows and toggles `hidden`, it never builds markup from text.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from decimal import Decimal
from html import escape
from typing import IO

from linter import __version__
from linter.engine import Diagnostic, LintResult
from linter.messages import Catalog
from linter.report import charts
from linter.report.labels import labels
from linter.report.review import FormRow, Review, review
from linter.rule import Rule

_STYLE = """
body{font-family:"WenQuanYi Zen Hei","Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:24px;color:#222;max-width:1400px}
h1{font-size:22px}h2{font-size:18px;margin-top:28px;border-bottom:1px solid #ddd;padding-bottom:4px}
.meta{color:#666;font-size:13px}
.cards{display:flex;flex-wrap:wrap;gap:12px;padding:0;margin:0}
.cards div{border:1px solid #ddd;border-radius:6px;padding:8px 14px;min-width:90px}
.cards dt{font-size:12px;color:#666}.cards dd{margin:0;font-size:22px;font-weight:bold}
.error{color:#d62728}.warning{color:#b07000}.info{color:#4c78a8}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(560px,1fr));gap:16px}
figure{margin:0;border:1px solid #eee;padding:8px}figcaption{font-weight:bold;margin-bottom:6px}
svg.chart{max-width:100%;height:auto;font-family:inherit}
table{border-collapse:collapse;font-size:13px}
th,td{border:1px solid #ddd;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f4f4f4}
#forms th[data-type]{cursor:pointer;user-select:none}
#forms th[aria-sort=ascending]::after{content:" ▲"}#forms th[aria-sort=descending]::after{content:" ▼"}
#forms td.num{text-align:right;font-variant-numeric:tabular-nums}
#forms tr.form{cursor:pointer}#forms tr.form:hover{background:#f8f8ff}
#forms tr.form.has-errors td:first-child{border-left:4px solid #d62728}
tr.findings>td{background:#fafafa}
table.detail{width:100%}table.detail td.cell{font-family:monospace;white-space:pre-wrap}
table.detail td.location,table.detail td.severity,table.detail td.expected,table.detail td.actual{white-space:nowrap}
.controls{margin:8px 0;display:flex;gap:16px;align-items:center}
.controls input[type=search]{width:320px;padding:4px}
details{margin:4px 0}details p{margin:4px 0 4px 16px;white-space:pre-wrap}
"""

# Sorting keeps each form row with its findings row; filtering hides both.
_SCRIPT = """
(function () {
  var table = document.getElementById('forms');
  var body = table.tBodies[0];
  var search = document.getElementById('filter');
  var onlyErrors = document.getElementById('only-errors');
  var shown = document.getElementById('shown');
  function pairs() {
    var out = [], rows = body.querySelectorAll('tr.form');
    for (var i = 0; i < rows.length; i++) out.push([rows[i], rows[i].nextElementSibling]);
    return out;
  }
  function cellValue(row, index, type) {
    var cell = row.cells[index];
    var raw = cell.getAttribute('data-value');
    if (raw === null) raw = cell.textContent;
    if (type === 'number') return raw === '' ? null : parseFloat(raw);
    return raw;
  }
  var headers = table.tHead.rows[0].cells;
  for (var h = 0; h < headers.length; h++) (function (index, th) {
    var type = th.getAttribute('data-type');
    if (!type) return;
    th.addEventListener('click', function () {
      var ascending = th.getAttribute('aria-sort') !== 'ascending';
      for (var k = 0; k < headers.length; k++) headers[k].removeAttribute('aria-sort');
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      var list = pairs();
      list.sort(function (a, b) {
        var x = cellValue(a[0], index, type), y = cellValue(b[0], index, type);
        if (x === null && y === null) return 0;
        if (x === null) return 1;
        if (y === null) return -1;
        var order = type === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
        return ascending ? order : -order;
      });
      list.forEach(function (pair) { body.appendChild(pair[0]); body.appendChild(pair[1]); });
    });
  })(h, headers[h]);
  function filter() {
    var words = search.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var list = pairs(), count = 0;
    list.forEach(function (pair) {
      var text = (pair[0].textContent + ' ' + pair[0].getAttribute('data-search')).toLowerCase();
      var visible = words.every(function (w) { return text.indexOf(w) >= 0; })
        && (!onlyErrors.checked || pair[0].getAttribute('data-errors') !== '0');
      pair[0].hidden = !visible;
      if (!visible) pair[1].hidden = true;
      if (visible) count++;
    });
    shown.textContent = shown.getAttribute('data-template').replace('{shown}', count).replace('{total}', list.length);
  }
  search.addEventListener('input', filter);
  onlyErrors.addEventListener('change', filter);
  body.addEventListener('click', function (event) {
    var row = event.target.closest('tr.form');
    if (!row) return;
    var detail = row.nextElementSibling;
    detail.hidden = !detail.hidden;
    row.setAttribute('aria-expanded', String(!detail.hidden));
  });
  filter();
})();
"""


def format_html(result: LintResult, catalog: Catalog, stream: IO[str]) -> None:
    stream.write(render_html(result, catalog.lang))


def _generated_at() -> datetime:
    """Now, or SOURCE_DATE_EPOCH (reproducible builds: the same report bytes on every run)."""
    import os

    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), timezone.utc)
    return datetime.now(timezone.utc)


def render_html(result: LintResult, lang: str, now: datetime | None = None) -> str:
    words = labels(lang)
    data = review(result)
    now = now or _generated_at()
    parts = [
        f'<!DOCTYPE html>\n<html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">',
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{escape(words["title"])}</title>',
        f"<style>{_STYLE}</style></head><body>",
        f'<h1>{escape(words["title"])}</h1>',
        f'<p class="meta">{escape(words["generated"].format(version=__version__, time=now.strftime("%Y-%m-%d %H:%M UTC")))}</p>',
        _summary(data, words),
        _charts(data, words),
        _forms(data, words, result.rules),
        _file_findings(data, words, result.rules),
        _rules_docs(data, words, result.rules),
        f"<script>{_SCRIPT}</script></body></html>\n",
    ]
    return "".join(parts)


def _summary(data: Review, words: dict[str, str]) -> str:
    waived = len(getattr(data.result, "waived", ()) or ())
    cards = [
        ("files", len(data.result.files), ""), ("forms", len(data.forms), ""),
        ("templates", len(data.templates) if data.templates else words["unknown_template"], ""),
        ("error", data.severities["error"], "error"), ("warning", data.severities["warning"], "warning"),
        ("info", data.severities["info"], "info"), ("forms_ok", data.forms_without_error, ""),
    ]
    if waived:
        cards.append(("waived", waived, ""))
    out = [f'<section id="summary"><h2>{escape(words["summary"])}</h2><dl class="cards">']
    for key, value, css in cards:
        out.append(f'<div data-key="{key}"><dt>{escape(words[key])}</dt><dd class="{css}">{escape(str(value))}</dd></div>')
    out.append("</dl>")
    if data.templates:
        out.append('<p class="meta">' + escape(words["templates"]) + "：" + escape("，".join(f"{name} ({n})" for name, n in data.templates.most_common())) + "</p>")
    out.append(f'<h3>{escape(words["by_rule"])}</h3><table id="by-rule"><thead><tr>')
    for key in ("code", "name", "error", "warning", "info"):
        out.append(f"<th>{escape(words[key])}</th>")
    out.append("</tr></thead><tbody>")
    for code, counts in sorted(data.by_rule.items()):
        rule = data.result.rules.get(code)
        out.append(
            f'<tr><td>{escape(code)}</td><td>{escape(rule.name if rule else "")}</td>'
            + "".join(f'<td class="num">{counts.get(s, 0) or ""}</td>' for s in ("error", "warning", "info"))
            + "</tr>"
        )
    out.append("</tbody></table></section>")
    return "".join(out)


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _charts(data: Review, words: dict[str, str]) -> str:
    severities = ("error", "warning", "info")
    rule_rows = []
    for code, counts in sorted(data.by_rule.items(), key=lambda item: (-sum(item[1].values()), item[0])):
        rule = data.result.rules.get(code)
        name = rule.name if rule else ""
        rule_rows.append((f"{code} {name}", f"{code} {name}", counts))
    unit_rows = []
    for unit, counts in sorted(data.by_unit.items(), key=lambda item: (-sum(item[1].values()), item[0]))[:25]:
        shown = unit or words["unknown_unit"]
        unit_rows.append((shown, shown, counts))
    points = [
        charts.Point(_number(row.rate), _number(row.score), row.errors > 0, f"{row.unit or ''} {row.summary.project or ''}".strip())
        for row in data.forms
    ]
    figures = [
        ("rules", words["chart_rules"], charts.stacked_bars("rules", words["chart_rules"], rule_rows, severities, words, words["no_data"])),
        ("scores", words["chart_scores"], charts.histogram("scores", words["chart_scores"], points, words, words["axis_score"], words["no_data"])),
        ("scatter", words["chart_scatter"], charts.scatter("scatter", words["chart_scatter"], points, words, words["axis_rate"], words["axis_score"], words["no_data"])),
        ("units", words["chart_units"], charts.stacked_bars("units", words["chart_units"], unit_rows, severities, words, words["no_data"])),
    ]
    out = [f'<section id="charts"><h2>{escape(words["charts"])}</h2><div class="charts">']
    for name, caption, svg in figures:
        out.append(f'<figure id="chart-{name}"><figcaption>{escape(caption)}</figcaption>{svg}</figure>')
    out.append("</div></section>")
    return "".join(out)


def _percent(value: Decimal | None) -> str:
    return "" if value is None else f"{value}%"


def _forms(data: Review, words: dict[str, str], rules: dict[str, Rule]) -> str:
    columns = [
        ("file", "text"), ("index", "number"), ("unit", "text"), ("project", "text"), ("template", "text"),
        ("rate", "number"), ("score", "number"), ("errors", "number"), ("warnings", "number"),
    ]
    out = [
        f'<section id="forms-section"><h2>{escape(words["forms_table"])}</h2><div class="controls">',
        f'<input id="filter" type="search" placeholder="{escape(words["filter"])}" aria-label="{escape(words["filter"])}">',
        f'<label><input id="only-errors" type="checkbox"> {escape(words["only_errors"])}</label>',
        f'<span id="shown" data-template="{escape(words["shown"])}">{escape(words["shown"].format(shown=len(data.forms), total=len(data.forms)))}</span>',
        '</div><table id="forms"><thead><tr>',
    ]
    for key, kind in columns:
        out.append(f'<th data-key="{key}" data-type="{kind}">{escape(words[key])}</th>')
    out.append("</tr></thead><tbody>")
    for row in data.forms:
        out.append(_form_row(row, words, rules, len(columns)))
    out.append("</tbody></table></section>")
    return "".join(out)


def _form_row(row: FormRow, words: dict[str, str], rules: dict[str, Rule], width: int) -> str:
    summary = row.summary
    codes = " ".join(sorted({d.code for d in row.diagnostics} | {d.name for d in row.diagnostics}))
    css = "form has-errors" if row.errors else "form"
    cells = [
        ("", row.path), (str(summary.index), str(summary.index)), ("", row.unit or ""), ("", summary.project or ""),
        ("", summary.template or ""),
        ("" if row.rate is None else str(row.rate), _percent(row.rate)),
        ("" if row.score is None else str(row.score), "" if row.score is None else str(row.score)),
        (str(row.errors), str(row.errors)), (str(row.warnings), str(row.warnings)),
    ]
    numeric = {1, 5, 6, 7, 8}
    out = [f'<tr class="{css}" data-errors="{row.errors}" data-search="{escape(codes)}" aria-expanded="false" title="{escape(words["open"])}">']
    for position, (value, text) in enumerate(cells):
        value_attr = f' data-value="{escape(value)}"' if position in numeric else ""
        css_attr = ' class="num"' if position in numeric else ""
        out.append(f"<td{value_attr}{css_attr}>{escape(text)}</td>")
    out.append(f'</tr><tr class="findings" hidden><td colspan="{width}">{_detail(row.diagnostics, words, rules)}</td></tr>')
    return "".join(out)


def _detail(diagnostics: list[Diagnostic], words: dict[str, str], rules: dict[str, Rule]) -> str:
    if not diagnostics:
        return f'<p>{escape(words["no_findings"])}</p>'
    keys = ("location", "code", "severity", "table_path", "cell", "message", "expected", "actual", "explanation")
    out = ['<table class="detail"><thead><tr>' + "".join(f"<th>{escape(words[k])}</th>" for k in keys) + "</tr></thead><tbody>"]
    for d in diagnostics:
        rule = rules.get(d.code)
        values = {
            "location": d.where, "code": f"{d.code} {d.name}", "severity": words.get(d.severity, d.severity),
            "table_path": d.table_path or "", "cell": d.cell or "", "message": d.message, "expected": d.expected or "",
            "actual": d.actual or "", "explanation": rule.summary if rule else "",
        }
        out.append(
            f'<tr class="finding {escape(d.severity)}">'
            + "".join(f'<td class="{k}">{escape(values[k])}</td>' for k in keys)
            + "</tr>"
        )
    out.append("</tbody></table>")
    return "".join(out)


def _file_findings(data: Review, words: dict[str, str], rules: dict[str, Rule]) -> str:
    if not data.file_findings:
        return ""
    out = [f'<section id="file-findings"><h2>{escape(words["file_findings"])}</h2><ul>']
    for d in data.file_findings:
        out.append(f'<li class="{escape(d.severity)}">{escape(d.path)}:{escape(d.where)} {escape(d.code)} [{escape(d.name)}] {escape(d.message)}</li>')
    out.append("</ul></section>")
    return "".join(out)


_SECTION = re.compile(r"^## (.+)$", re.M)


def _sections(docs: str) -> dict[str, str]:
    parts = _SECTION.split(docs)
    return {parts[i].strip(): parts[i + 1].strip() for i in range(1, len(parts) - 1, 2)}


def _rules_docs(data: Review, words: dict[str, str], rules: dict[str, Rule]) -> str:
    out = [f'<section id="rules"><h2>{escape(words["rules_docs"])}</h2>']
    for code in sorted(data.by_rule):
        rule = rules.get(code)
        if rule is None:
            continue
        sections = _sections(rule.docs)
        body = "".join(
            f"<p><b>{escape(title)}</b>\n{escape(sections[title])}</p>" for title in ("What it checks", "Why it matters") if title in sections
        )
        out.append(f'<details id="rule-{escape(code)}"><summary>{escape(code)} {escape(rule.name)}: {escape(rule.summary)}</summary>{body}</details>')
    out.append("</section>")
    return "".join(out)
