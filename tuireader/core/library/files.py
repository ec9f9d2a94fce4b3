"""Annotating article files as they are stored, without a corpus or an index (``tuireader
annotate``), and what the corpora the reader has opened hold (``tuireader corpora``)."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence

from tuireader.core.annotate.pipeline import Annotations, annotate, load_backend
from tuireader.core.annotate.raw_texts import RawText, find_sources, iter_raw_texts
from tuireader.core.cache.corpus import Corpus
from tuireader.core.cache.store import CacheError, MetaStore
from tuireader.core.ingest.loaders import CorpusError, Skipped
from tuireader.core.user.config import Config, ConfigError, load_config


class FileAnnotations:
    """The entities and quotations of each article under ``paths`` (files, folders, dumps),
    offsets into the text as stored. ``backend``: "embedded" or "spacy" (else the config's);
    ``model`` implies spaCy. CorpusError for paths that cannot be read at all.

    Iterate for (RawText, Annotations), one article at a time; ``skipped`` then lists what
    could not be read; ``notices`` what to tell the user first (a config or a backend that
    cannot be used)."""

    def __init__(
        self,
        paths: Sequence[str | os.PathLike],
        backend: str | None = None,
        model: str | None = None,
    ) -> None:
        self.sources, self.skipped = find_sources(list(paths))
        self.notices: list[str] = []
        try:
            config = load_config()
        except ConfigError as exc:
            self.notices.append(f"{exc} (using the defaults)")
            config = Config()
        if model is not None:
            config.entities_backend, config.entities_model = "spacy", model
        if backend is not None:
            config.entities_backend = backend
        self.backend, warning = load_backend(config)
        if warning:
            self.notices.append(warning)

    def __iter__(self) -> Iterator[tuple[RawText, Annotations]]:
        for item in iter_raw_texts(self.sources):
            if isinstance(item, Skipped):
                self.skipped.append(item)
                continue
            yield item, annotate(item.text, self.backend)


def indexed_count(corpus_paths: Sequence[str]) -> int | str:
    """How many articles the corpus at these paths has indexed, read from its cache without
    indexing; else why there is no count ("not indexed", "index unreadable", or why the
    paths cannot be a corpus)."""
    try:
        corpus = Corpus(list(corpus_paths))
    except CorpusError as exc:
        return str(exc)
    if not corpus.store_path.exists():
        return "not indexed"
    try:
        store = MetaStore(corpus.store_path, read_only=True)
    except CacheError:
        return "index unreadable"
    try:
        return store.count()
    except Exception:  # noqa: BLE001 (a damaged or half-made cache: the listing goes on)
        return "index unreadable"
    finally:
        store.close()
