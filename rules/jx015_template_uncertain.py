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
DOCS_ZH = """没有哪个已知模板与本表相符，已按全国模板读取。

## 检查什么
表名不是任何模板的表名，表头中属于任何一个模板的词都少于三个。这样的表按全国基础模板读取，并以此条提示说明：表格与全国模板不同之处，列的含义可能判断错误，无法判断含义的单元格不作检查。

## 为什么重要
jxlint 尚不认识的省份表格应当明确指出，免得审核人员把没有报告当作通过，也便于补充该模板（docs/templates.md「Adding a template」）。

## 依据
docs/templates.md（模板识别）。
"""
MESSAGES = {
    "zh": {"uncertain": "没有与此表相符的模板，已按全国通用模板（{template}）读取；列的含义可能不准，可在配置中用 template: 指定模板"},
    "en": {"uncertain": "no known template fits this form; it was read as the national template ({template}); columns may be misread — name its template with `template:` in the configuration"},
}


def check(form, options):
    if form.linted and not form.template_certain:
        span = form.span
        yield Finding(Span(span.line, span.column, span.line, span.column), "uncertain", {"template": form.template})
