"""Inline SVG charts, drawn here so the report needs no script library and no network.

Every text is escaped: labels come from the forms, which are untrusted.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

from linter.record import record
from linter.shown import display_width

COLORS = {"error": "#d62728", "warning": "#f0a020", "info": "#4c78a8"}
OK_COLOR = "#4c9a5a"
_FONT = 12
_X_LIMIT, _Y_LIMIT = 150.0, 120.0


def _clip(text: str, width: int) -> str:
    """`text` cut to `width` display columns (a Chinese character is two), with an ellipsis."""
    if display_width(text) <= width:
        return text
    out = ""
    for char in text:
        if display_width(out + char) > width - 1:
            break
        out += char
    return out + "…"


def _svg(width: int, height: int, body: list[str], name: str, title: str) -> str:
    return (
        f'<svg class="chart" data-chart="{escape(name)}" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-size="{_FONT}">'
        f"<title>{escape(title)}</title>{''.join(body)}</svg>"
    )


def _nice_step(top: float, ticks: int = 5) -> float:
    raw = max(top, 1) / ticks
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if step >= raw:
            return step
    return raw


def stacked_bars(
    name: str, title: str, rows: Sequence[tuple[str, str, Mapping[str, int]]], order: Sequence[str],
    words: Mapping[str, str], empty: str, label_width: int = 30,
) -> str:
    """Horizontal bars, one per row (key shown, full text as tooltip), stacked by `order` (severities)."""
    bar_height, gap, left, right, top = 18, 6, label_width * 7 + 12, 60, 28
    width = 720
    if not rows:
        return _svg(width, 60, [f'<text x="10" y="35">{escape(empty)}</text>'], name, title)
    height = top + len(rows) * (bar_height + gap) + 24
    largest = max(sum(counts.values()) for _, _, counts in rows) or 1
    scale = (width - left - right) / largest
    body = [_legend(order, words, left, 14)]
    for number, (label, tooltip, counts) in enumerate(rows):
        y = top + number * (bar_height + gap)
        body.append(
            f'<text x="{left - 6}" y="{y + bar_height - 5}" text-anchor="end">'
            f"<title>{escape(tooltip)}</title>{escape(_clip(label, label_width))}</text>"
        )
        x = float(left)
        for severity in order:
            count = counts.get(severity, 0)
            if not count:
                continue
            w = count * scale
            body.append(
                f'<rect class="bar" x="{x:.1f}" y="{y}" width="{max(w, 1):.1f}" height="{bar_height}" fill="{COLORS.get(severity, "#888")}">'
                f"<title>{escape(tooltip)} · {escape(words.get(severity, severity))} {count}</title></rect>"
            )
            x += w
        body.append(f'<text x="{x + 4:.1f}" y="{y + bar_height - 5}">{sum(counts.values())}</text>')
    return _svg(width, height, body, name, title)


def _legend(order: Sequence[str], words: Mapping[str, str], x: int, y: int) -> str:
    parts = []
    for key in order:
        color = COLORS.get(key, OK_COLOR if key == "ok" else "#888")
        parts.append(f'<rect x="{x}" y="{y - 10}" width="10" height="10" fill="{color}"/>')
        parts.append(f'<text x="{x + 14}" y="{y}">{escape(words.get(key, key))}</text>')
        x += 24 + 7 * display_width(words.get(key, key))
    return "".join(parts)


@record(frozen=True)
class Point:
    x: float | None
    y: float | None
    flagged: bool  # the form has errors
    label: str


def histogram(name: str, title: str, points: Sequence[Point], words: Mapping[str, str], axis: str, empty: str) -> str:
    """Forms per band of 5 points of 总分 得分, the forms with errors stacked in red."""
    scores = [p for p in points if p.y is not None]
    width, height, left, bottom, top = 720, 300, 48, 40, 30
    if not scores:
        return _svg(width, 60, [f'<text x="10" y="35">{escape(empty)}</text>'], name, title)
    low = min(0.0, min(p.y for p in scores))  # type: ignore[type-var]
    high = max(100.0, max(p.y for p in scores))  # type: ignore[type-var]
    band = 5.0
    first = int(low // band)
    count = int(high // band) - first + 1
    flagged = [0] * count
    clean = [0] * count
    for p in scores:
        index = min(int(p.y // band) - first, count - 1)  # type: ignore[operator]
        (flagged if p.flagged else clean)[index] += 1
    tallest = max(f + c for f, c in zip(flagged, clean)) or 1
    step = _nice_step(tallest)
    ceiling = step * -(-tallest // step)
    plot_w, plot_h = width - left - 12, height - top - bottom
    column = plot_w / count
    body = [_legend(("ok", "error"), words, left, 16)]
    body += _y_axis(left, top, plot_w, plot_h, ceiling, step)
    for index in range(count):
        x = left + index * column
        start = (first + index) * band
        base = top + plot_h
        for amount, color, key in ((clean[index], OK_COLOR, "ok"), (flagged[index], COLORS["error"], "error")):
            if not amount:
                continue
            h = amount / ceiling * plot_h
            body.append(
                f'<rect class="bar" x="{x + 1:.1f}" y="{base - h:.1f}" width="{column - 2:.1f}" height="{h:.1f}" fill="{color}">'
                f"<title>{start:g}–{start + band:g}: {amount} · {escape(words[key])}</title></rect>"
            )
            base -= h
        if index % 2 == 0:
            body.append(f'<text x="{x:.1f}" y="{top + plot_h + 14}" text-anchor="middle">{start:g}</text>')
    body.append(f'<text x="{left + plot_w / 2:.1f}" y="{height - 6}" text-anchor="middle">{escape(axis)}</text>')
    return _svg(width, height, body, name, title)


def _y_axis(left: int, top: int, plot_w: float, plot_h: float, ceiling: float, step: float, suffix: str = "") -> list[str]:
    out = [f'<line x1="{left}" y1="{top}" x2="{left}" y2="{top + plot_h}" stroke="#999"/>']
    value = 0.0
    while value <= ceiling + 1e-9:
        y = top + plot_h - value / ceiling * plot_h
        out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w:.1f}" y2="{y:.1f}" stroke="#eee"/>')
        out.append(f'<text x="{left - 4}" y="{y + 4:.1f}" text-anchor="end">{value:g}{suffix}</text>')
        value += step
    return out


def _ticks(low: float, high: float) -> list[float]:
    step = _nice_step(high - low, 6)
    value = step * -(-low // step)
    out = []
    while value <= high + 1e-9:
        out.append(value)
        value += step
    return out


def scatter(name: str, title: str, points: Sequence[Point], words: Mapping[str, str], x_axis: str, y_axis: str, empty: str) -> str:
    """执行率 (x) against 总分 得分 (y): a form that spent little yet scored high sits top left."""
    shown = [p for p in points if p.x is not None and p.y is not None]
    width, height, left, bottom, top = 720, 360, 48, 40, 30
    if not shown:
        return _svg(width, 60, [f'<text x="10" y="35">{escape(empty)}</text>'], name, title)
    # One 1000% typo would squeeze every other form into a corner: the axes stop at
    # _X_LIMIT and _Y_LIMIT, and a form beyond them is drawn hollow on the edge.
    x_high = min(_X_LIMIT, max(100.0, max(p.x for p in shown)))  # type: ignore[type-var]
    y_high = min(_Y_LIMIT, max(100.0, max(p.y for p in shown)))  # type: ignore[type-var]
    x_low = min(0.0, min(p.x for p in shown))  # type: ignore[type-var]
    y_low = min(0.0, min(p.y for p in shown))  # type: ignore[type-var]
    plot_w, plot_h = width - left - 16, height - top - bottom
    body = [_legend(("ok", "error"), words, left, 16)]
    body.append(f'<rect x="{left}" y="{top}" width="{plot_w}" height="{plot_h}" fill="none" stroke="#ccc"/>')
    for xv in _ticks(x_low, x_high):
        x = left + (xv - x_low) / (x_high - x_low) * plot_w
        body.append(f'<text x="{x:.1f}" y="{top + plot_h + 14}" text-anchor="middle">{xv:g}%</text>')
    for yv in _ticks(y_low, y_high):
        y = top + plot_h - (yv - y_low) / (y_high - y_low) * plot_h
        body.append(f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" stroke="#eee"/>')
        body.append(f'<text x="{left - 4}" y="{y + 4:.1f}" text-anchor="end">{yv:g}</text>')
    for p in sorted(shown, key=lambda p: p.flagged):  # forms with errors drawn on top
        px, py = min(p.x, x_high), min(p.y, y_high)  # type: ignore[type-var]
        x = left + (px - x_low) / (x_high - x_low) * plot_w
        y = top + plot_h - (py - y_low) / (y_high - y_low) * plot_h
        color = COLORS["error"] if p.flagged else OK_COLOR
        fill = f'fill="{color}" fill-opacity="0.75"' if (px, py) == (p.x, p.y) else f'fill="white" stroke="{color}" stroke-width="2"'
        body.append(
            f'<circle class="dot" cx="{x:.1f}" cy="{y:.1f}" r="5" {fill}>'
            f"<title>{escape(p.label)} · {p.x:g}% · {p.y:g}</title></circle>"
        )
    body.append(f'<text x="{left + plot_w / 2:.1f}" y="{height - 6}" text-anchor="middle">{escape(x_axis)}</text>')
    body.append(f'<text x="12" y="{top + plot_h / 2:.1f}" transform="rotate(-90 12 {top + plot_h / 2:.1f})" text-anchor="middle">{escape(y_axis)}</text>')
    return _svg(width, height, body, name, title)
