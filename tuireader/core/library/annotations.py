"""Where an article's entities and quotations come from: the store, where they are kept once
found (by the annotation pass, or the first time the article is opened), then a small memory
of the recent ones. They are found again only when stale: the article's text, the entity
backend or the annotators changed (all three are in the version they are kept under)."""

from __future__ import annotations

import threading
from collections import OrderedDict

from tuireader.core.annotate.pipeline import Annotations, EntityBackend, annotate, backend_spec
from tuireader.core.base.articles import Article
from tuireader.core.cache.kept_annotations import decode, encode, readable, version
from tuireader.core.cache.store import MetaStore

RECENT = 32  # annotations kept in memory (an article opened again, its quote sources)
WRITE_WAIT = 0.05  # seconds a write waits for a sync holding the store (else skipped)


class AnnotationSource:
    """Annotations of articles' full texts (title and body, the offsets the index uses)."""

    def __init__(self, backend: EntityBackend | None = None) -> None:
        self.backend = backend
        self.spec = backend_spec(backend)
        self._recent: OrderedDict[tuple[int, str], Annotations] = OrderedDict()
        self._lock = threading.Lock()

    def of(self, store: MetaStore, article_id: int, article: Article) -> Annotations:
        digest = store.digests([article_id]).get(article_id) or article.content_hash
        wanted = version(digest, self.spec)
        key = (article_id, wanted)
        with self._lock:
            found = self._recent.get(key)
            if found is not None:
                self._recent.move_to_end(key)
                return found
        kept = store.annotations([article_id]).get(article_id)
        found = None
        if kept is not None and readable(kept[0], digest, self.spec):
            found = decode(kept[1], article.full_text)
        if found is None:
            found = annotate(article.full_text, self.backend)
            kept_again = encode(found, article.full_text)
            store.put_annotations([(article_id, wanted, kept_again)], wait=WRITE_WAIT)
        with self._lock:
            self._recent[key] = found
            while len(self._recent) > RECENT:
                self._recent.popitem(last=False)
        return found
