"""The one door to a corpus, for the CLI and the reader alike: open, sync, search, read,
mark, export. Every result is plain data (dataclasses); nothing here draws.

    from tuireader.core.library import Library

    lib = Library.open(paths)            # or Library(corpus); fallback=False: no temp cache
    lib.take_notices()                   # -> [str] to tell the user once (config, cache, data)
    lib.open_index(with_backend=True)    # slow: a worker. -> backend warning or None
    report = lib.sync(on_event, cancel)  # events: SyncNotice(text), SyncProgressed(progress)
    lib.refresh(); lib.rebuild()         # see new commits; forget index and list

    lib.count(); lib.rows(ids); lib.get(id); lib.by_key(key); lib.ordered_ids(narrow)
    lib.titles_matching(text); lib.sources(); lib.generation()  # changes on any commit
    lib.skips(limit); lib.skip_count()   # what the syncs could not read
    found = lib.search(query, narrow=MetaFilter(...), sort="newest", limit=20, offset=0,
                       count=False, cancelled=fn)  # -> Found(results, ids, total, ...)
        # QueryError(message for the user); sort other than relevance: over every match
    lib.sorted_ids(ids, "title"); lib.suggest(query)
    lib.snippets(ids, found.terms, stop=fn, query=found.results.query)  # -> {id: (snippet, spans)}

    view = lib.article(id, found.terms, found.title_terms)  # -> ArticleView
        # view.article (text), view.meta(format_date), view.location, view.hits,
        # view.title_hits, view.annotations / view.title_annotations (body / title offsets),
        # view.all_annotations, view.shared {quote index: n}, view.marks, view.indexed
        # ArticleUnavailable(message) when it cannot be shown
    lib.quote_sources(view)              # -> [QuoteSource(quote, article_id, title, speaker)]
    lib.read(id); lib.annotations_of(id)
    lib.similar(id, narrow) -> SearchResults; lib.shared_text(id, hits, stop) -> {id: share}

    lib.marks (CorpusMarks | None); lib.user_marks() (raises UserDataError); lib.marks_of(key)
    lib.userdata (settings: theme); lib.read_ids(); lib.starred_ids(); lib.starred_in_order()
    lib.tags()
    lib.set_read(ids, bool); lib.set_starred(id, bool); lib.set_tags(id, tags)
    lib.set_note(id, text); lib.mark_all_read(ids); lib.undo_mark_all_read()

    lib.export(ids, fmt, out=stream | path=Path, heading=..., annotations=bool) -> count
    lib.export_query(query, fmt, out | path, annotations) -> count   (tuireader export)
    lib.close()

Threads: any method may be called from a worker thread (it opens its own store connection
for the call); the thread that made the Library (the UI's main thread) reuses ``lib.store``.

Article text is read from the store (written once per sync; the corpus file only for a store
made before texts were kept), and annotations from the store too (kept by the annotation pass,
else the first time they are found; found again only when the text, the backend or the
annotators changed).
"""

from tuireader.core.library.events import SyncEvent, SyncNotice, SyncProgressed
from tuireader.core.library.library import Library
from tuireader.core.library.ordering import SORT_ORDERS, sort_ids
from tuireader.core.library.reading import ArticleUnavailable
from tuireader.core.library.views import ArticleView, Found, QuoteSource

__all__ = [
    "SORT_ORDERS",
    "ArticleUnavailable",
    "ArticleView",
    "Found",
    "Library",
    "QuoteSource",
    "SyncEvent",
    "SyncNotice",
    "SyncProgressed",
    "sort_ids",
]
