"""A minimal, fully consistent form, and a way to break it one cell at a time."""

from __future__ import annotations

from pathlib import Path

from linter.engine import Diagnostic, Linter
from linter.plugins import load_registry

BASE = (
    "财政项目支出绩效自评表\n"
    "(2023 年度)\n"
    "项目名称\t测试项目\n"
    "主管部门\t测试主管部门\t\t\t实施单位\t测试实施单位\n"
    "项目资金 (万元)\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
    "\t年度资金总额\t100.00\t100.00\t90.00\t10\t90.00%\t9.00\n"
    "\t其中：当年财政拨款\t100.00\t100.00\t90.00\t—\t90.00%\t—\n"
    "\t上年结转资金\t0\t0\t0\t—\t\t—\n"
    "\t其他资金\t0\t0\t0\t—\t\t—\n"
    "年度总体目标\t预期目标\t\t\t实际完成情况\n"
    "\t完成系统建设并投入使用\t\t\t系统已于年内建成并稳定运行\n"
    "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n"
    "\t产出指标\t数量指标\t系统维护次数\t≥12次\t12次\t30\t30\t\n"
    "\t\t质量指标\t系统正常运行率\t≥95%\t99%\t20\t20\t\n"
    "\t效益指标\t社会效益指标\t服务保障效果\t有效\t有效\t30\t30\t\n"
    "\t满意度指标\t服务对象满意度指标\t使用人员满意度\t≥85%\t90%\t10\t10\t\n"
    "总分\t\t\t\t\t\t100\t99.00\n"
)
REGISTRY = load_registry()


def form(*replacements: tuple[str, str], append: str = "") -> str:
    """BASE with each (old, new) replaced exactly once."""
    text = BASE
    for old, new in replacements:
        assert text.count(old) >= 1, old
        text = text.replace(old, new, 1)
    return text + append


def lint(text: str, select: str | None = None, config: str | None = None, tmp: Path | None = None) -> list[Diagnostic]:
    config_path = None
    if config is not None:
        assert tmp is not None
        config_path = tmp / "jxlint.yaml"
        config_path.write_text(config, encoding="utf-8")
    linter = Linter(config=config_path, select=(select,) if select else (), registry=REGISTRY)
    base = tmp if tmp is not None else Path(__file__).parent
    return linter.lint_bytes(text.encode("utf-8"), "form.txt", base / "form.txt").diagnostics


def codes(diagnostics: list[Diagnostic]) -> list[str]:
    return [diagnostic.code for diagnostic in diagnostics]


def where(diagnostics: list[Diagnostic]) -> list[tuple[str, int, int]]:
    return [(d.code, d.span.line, d.span.column) for d in diagnostics]
