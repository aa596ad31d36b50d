"""A one-line progress bar on standard error, for long runs in a terminal.

Shown only when standard error is a terminal, the run has at least
`MIN_FILES` files, and `--quiet` is not given; redrawn at most ten times a
second and erased at the end, so nothing of it stays in a log or mixes with
the report on standard output.
"""

from __future__ import annotations

import time
from typing import IO

MIN_FILES = 20
_INTERVAL = 0.1
_WIDTH = 24

_WORDS = {
    "zh": "{bar} {done}/{total} 个文件 · {forms} 张表 · {findings} 个问题 · {rate:.0f} 文件/秒",
    "en": "{bar} {done}/{total} files · {forms} forms · {findings} findings · {rate:.0f} files/s",
}


class Progress:
    def __init__(self, stream: IO[str], total: int, lang: str = "zh", enabled: bool = True, clock=time.monotonic) -> None:
        self.stream = stream
        self.total = total
        self.template = _WORDS.get(lang, _WORDS["zh"])
        self.enabled = enabled and total >= MIN_FILES and _is_terminal(stream)
        self.clock = clock
        self.started = clock()
        self.shown_at = float("-inf")
        self.done = self.forms = self.findings = 0

    def advance(self, forms: int, findings: int) -> None:
        self.done += 1
        self.forms += forms
        self.findings += findings
        if not self.enabled:
            return
        now = self.clock()
        if now - self.shown_at >= _INTERVAL or self.done == self.total:
            self.shown_at = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        filled = _WIDTH * self.done // max(self.total, 1)
        bar = "[" + "#" * filled + "-" * (_WIDTH - filled) + "]"
        elapsed = max(now - self.started, 1e-6)
        line = self.template.format(
            bar=bar, done=self.done, total=self.total, forms=self.forms, findings=self.findings, rate=self.done / elapsed,
        )
        self.stream.write("\r" + line + "\x1b[K")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled and self.done:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def _is_terminal(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
