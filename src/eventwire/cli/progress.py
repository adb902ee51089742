"""Progress for long runs: a bar with articles/s and time left on a terminal, plain log lines
otherwise, nothing with --quiet."""

from __future__ import annotations

import sys
import time
from typing import TextIO

from ..corpus import RunReport

WIDTH = 30


class ProgressPrinter:
    """Progress of a run (a corpus ingest; a subclass draws another bar)."""

    def __init__(self, *, quiet: bool = False, stream: TextIO | None = None, every: float = 5.0):
        self.stream = stream or sys.stderr
        self.quiet = quiet
        self.tty = self.stream.isatty()
        self.every = every
        self._last = 0.0

    def __call__(self, report: RunReport, total: int | None) -> None:
        if self.quiet:
            return
        now = time.perf_counter()
        if self.tty:
            self.stream.write("\r" + self.bar(report, total))
            self.stream.flush()
        elif now - self._last >= self.every:
            self.stream.write(f"eventwire: {report.line()} ({report.rate:.1f} articles/s)\n")
            self._last = now

    def note(self, line: str) -> None:
        """One line of information (not with --quiet)."""
        if not self.quiet:
            self.stream.write(line + "\n")
            self.stream.flush()

    def bar(self, report: RunReport, total: int | None) -> str:
        return bar(report, total)

    def done(self, report: RunReport) -> None:
        if self.quiet:
            return
        if self.tty:
            self.stream.write("\n")
        self.stream.write(
            f"eventwire: done in {report.seconds:.1f} s: {report.line()} "
            f"({report.rate:.1f} articles/s)\n"
        )


def bar(report: RunReport, total: int | None) -> str:
    rate = report.rate
    if total:
        share = min(report.read / total, 1.0)
        filled = int(share * WIDTH)
        left = (total - report.read) / rate if rate > 0 else 0.0
        return (
            f"[{'#' * filled}{'.' * (WIDTH - filled)}] {report.read}/{total} "
            f"{rate:.1f} articles/s, {_clock(left)} left "
        )
    return f"{report.read} articles, {rate:.1f} articles/s "


def _clock(seconds: float) -> str:
    seconds = max(int(seconds), 0)
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"
