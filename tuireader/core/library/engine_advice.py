"""The one-time suggestion of the tantivy engine for a big corpus indexed by whoosh."""

from __future__ import annotations

import contextlib

from tuireader.core.cache.corpus import Corpus

# Articles from which whoosh is slow enough that the tantivy engine is suggested (once).
SUGGEST_TANTIVY_FROM = 50_000
ADVISED = "ENGINE-ADVISED"  # in the corpus's cache folder: the suggestion was made


def engine_advice(corpus: Corpus, articles: int) -> str:
    """Once per corpus, when it passes ``SUGGEST_TANTIVY_FROM`` articles on whoosh: that the
    tantivy engine would index and search it many times faster, and how to switch."""
    if corpus.engine != "whoosh" or articles < SUGGEST_TANTIVY_FROM or corpus.read_only:
        return ""
    marker = corpus.cache_dir / ADVISED
    if marker.exists():
        return ""
    with contextlib.suppress(OSError):
        marker.write_text("tantivy\n", encoding="utf-8")
    return (
        f"{articles:,} articles: the tantivy engine would index and search this corpus many "
        "times faster. To switch: pip install 'tuireader[tantivy]', then tuireader --engine "
        'tantivy (or [search] engine = "tantivy" in the config); the index is built again, '
        "marks, tags and notes are kept."
    )
