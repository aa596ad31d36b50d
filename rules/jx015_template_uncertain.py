"""No known template fits the form well; it was read with the national template.

## What it checks
A form whose title is no template's and whose header has fewer than three
words of any one template. It is read with the national base template, and
this finding says so: column roles may then be wrong where the form differs,
and cells whose role cannot be told are left unchecked.

## Why it matters
A province's form that jxlint does not know yet should be named as such, so
that a reviewer does not take silence for a pass, and so that the template can
be added (docs/templates.md, "Adding a template").

## Failing example
    某某项目评价表
    项目 | 预算 | 执行
    …

## Passing example
    财政项目支出绩效自评表
    项目名称	…
    项目资金 (万元)	年初预算数	全年预算数	全年执行数	分值	执行率	得分

## Source
docs/templates.md (template detection).
"""

from __future__ import annotations

from linter.ast import Span
from linter.rule import Finding

CODE = "JX015"
NAME = "template-uncertain"
SEVERITY = "info"
GROUPS = ("structure",)
SCOPE = "all-forms"
MESSAGES = {
    "zh": {"uncertain": "没有与此表相符的模板，已按全国通用模板（{template}）读取；列的含义可能不准，可在配置中用 template: 指定模板"},
    "en": {"uncertain": "no known template fits this form; it was read as the national template ({template}); columns may be misread — name its template with `template:` in the configuration"},
}


def check(form, options):
    if form.linted and not form.template_certain:
        span = form.span
        yield Finding(Span(span.line, span.column, span.line, span.column), "uncertain", {"template": form.template})
