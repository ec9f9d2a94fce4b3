"""Which corpus to open: the paths given, else the configured default, else the sample."""

from __future__ import annotations

from collections.abc import Sequence

from tuireader.core.base import paths as app_paths
from tuireader.core.cache.corpus import Corpus
from tuireader.core.user.config import ConfigError, load_config


def choose_corpus(paths: Sequence[str]) -> tuple[Corpus, list[str]]:
    """The Corpus for ``paths``, else the config's default, else the bundled sample; and what
    to tell the user (a config that cannot be read). Raises CorpusError for bad paths."""
    notices: list[str] = []
    chosen = list(paths)
    if not chosen:
        try:
            chosen = load_config().default_corpus
        except ConfigError as exc:
            notices.append(f"{exc} (using the sample corpus)")
        chosen = chosen or [str(app_paths.bundled_corpus())]
    return Corpus(chosen), notices
