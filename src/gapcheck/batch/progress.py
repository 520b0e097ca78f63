"""A Rich progress bar on stderr (files done, rate, time left) when stderr is a terminal; nothing otherwise."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager


@contextmanager
def progress_bar(total: int, *, enabled: bool = True) -> Iterator[Callable[[], None]]:
    """Yields ``advance()``, to call once per file. Silent when disabled or when stderr is not a terminal. No
    refresh thread: the bar is redrawn as files finish (workers may be forked while it runs)."""
    if not enabled or not sys.stderr.isatty():
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    progress = Progress(
        TextColumn("analysing"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("[progress.data.speed]{task.fields[rate]}"),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        auto_refresh=False,
        transient=False,
    )
    task = progress.add_task("resumes", total=total, rate="")
    with progress:

        def advance() -> None:
            progress.advance(task)
            speed = progress.tasks[0].speed
            progress.update(task, rate="" if speed is None else f"{speed:.1f} files/s")
            progress.refresh()

        yield advance
