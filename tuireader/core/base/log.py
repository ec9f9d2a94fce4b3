"""The log file: why items were skipped, index repairs, write failures.

One size-capped, rotating file under the platformdirs user log dir (``tuireader.log``, 1 MB,
three old copies). Logging never fails the program: when the log dir cannot be written, records
are dropped and ``log_problem()`` says why. Values from the corpus (paths, reasons) are logged
with their control characters escaped, so that reading the log in a terminal is safe.
"""

from __future__ import annotations

import functools
import logging
import threading
from pathlib import Path

from tuireader.core.base import paths
from tuireader.core.base.text import visible

LOG_NAME = "tuireader.log"
MAX_BYTES = 1024 * 1024
BACKUPS = 3

_lock = threading.Lock()
_configured_for: Path | None = None
_problem: str | None = None


class _SafeFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return visible(super().format(record)).replace("\\n", "\n")


@functools.cache
def _quiet_handler() -> type[logging.Handler]:
    """A rotating file handler that never prints tracebacks (a full disk must not spill
    errors over the terminal UI); it remembers the problem instead. Made at the first log
    (logging.handlers is not needed before)."""
    import logging.handlers

    class QuietHandler(logging.handlers.RotatingFileHandler):
        def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 (logging's name)
            global _problem
            _problem = f"cannot write the log {self.baseFilename}"

    return QuietHandler


def log_file() -> Path:
    """Where the log is written (for messages that point the user at it)."""
    return paths.log_dir() / LOG_NAME


def get_logger() -> logging.Logger:
    """The ``tuireader`` logger, writing to ``log_file()`` (set up on first use).

    Set up again when the log dir changes (tests point platformdirs elsewhere per test).
    """
    global _configured_for, _problem
    logger = logging.getLogger("tuireader")
    target = log_file()
    with _lock:
        if _configured_for == target:
            return logger
        for handler in list(logger.handlers):
            logger.removeHandler(handler)
            handler.close()
        logger.setLevel(logging.INFO)
        logger.propagate = False
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            handler: logging.Handler = _quiet_handler()(
                target, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
            )
            handler.setFormatter(
                _SafeFormatter("%(asctime)s %(process)d %(levelname)s %(message)s")
            )
            _problem = None
        except OSError as exc:
            handler = logging.NullHandler()
            _problem = f"cannot write the log in {target.parent}: {exc.strerror or exc}"
        logger.addHandler(handler)
        _configured_for = target
    return logger


def log_problem() -> str | None:
    """Why the log cannot be written, or None."""
    return _problem


def log_skips(context: str, skips: list[tuple[str, str]]) -> None:
    """Log skipped items (item, reason) found while syncing ``context`` (a corpus name)."""
    if not skips:
        return
    logger = get_logger()
    for item, reason in skips:
        logger.warning("%s: skipped %s: %s", context, item, reason)
