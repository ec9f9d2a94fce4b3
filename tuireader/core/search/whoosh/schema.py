"""The fields of the two indexes, and what the query language can name."""

from __future__ import annotations

from pathlib import Path

from whoosh.columns import NumericColumn
from whoosh.fields import COLUMN, ID, KEYWORD, Schema

from tuireader.core.search.annotation_fields import ANNOTATION_FIELDS
from tuireader.core.search.whoosh.analysis import FingerprintTokenizer
from tuireader.core.search.whoosh.day_spans import DateColumn
from tuireader.core.search.whoosh.fast_fields import NAMES, NEWS, AnnotationText, FastText

# Bump when the schema or the way fields are filled changes: the index is rebuilt.
# 6: plain whoosh postings and codec, analyzers in tuireader.core.search.whoosh.analysis.
# 7: ``exact`` in the text index (it was in the annotation index).
# 8: ``date`` in its column only (``day_spans.DateColumn``: no index terms).
# 9: positions as varints (``positions.VarintPositions``).
# 10: positions pickled as small ints (``positions.PackedValue``).
FORMAT_VERSION = 10
# The same for the annotation index (which also follows the annotators and the backend).
# 4: without ``exact``.
# 5: quotation fingerprints cut to ``analysis.FINGERPRINT_CHARS`` (``quote_prints``).
# 6: positions as varints (as the text index's 9).
# 7: as the text index's 10.
ANNOTATION_FORMAT_VERSION = 7

SEARCH_FIELDS = ("title", "body")
# ``exact:``: words as written (no stems), in the text index (searchable after the first pass;
# written in the same pass as the stems, it costs no second reading of the text).
EXACT_FIELD = "exact"
QUERY_FIELDS = ("title", "body", "source", "date", EXACT_FIELD, *ANNOTATION_FIELDS)


def _article_id_column() -> COLUMN:
    return COLUMN(NumericColumn("Q"))


def make_schema() -> Schema:
    """The text index's fields."""
    return Schema(
        aid=_article_id_column(),
        key=ID(unique=True),
        file=ID,
        title=FastText(NEWS, field_boost=2.0),
        body=FastText(NEWS),
        source=FastText(NAMES),
        # Title and body as written: lower case, accents folded, no stems, no stop words gone.
        exact=FastText(NAMES),
        date=DateColumn(sortable=True),
    )


def make_annotation_schema(spec: str = "embedded") -> Schema:
    """The annotation index's fields; ``spec`` names the entity backend they use."""
    annotation_fields = {name: AnnotationText(name, spec) for name in ANNOTATION_FIELDS}
    return Schema(
        **annotation_fields,
        quotefp=KEYWORD(analyzer=FingerprintTokenizer(spec)),
        aid=_article_id_column(),
        ident=ID(unique=True),
    )


def annotation_dir(directory: Path) -> Path:
    """Where the annotation index of the text index in ``directory`` is kept."""
    return directory.with_name(f"{directory.name}-annotations")


# What queries are parsed against: both indexes' fields (the annotation parts are run on the
# annotation index, see ``join``).
QUERY_SCHEMA = Schema(
    **{name: field for name, field in make_schema().items()},
    **{name: field for name, field in make_annotation_schema().items() if name != "aid"},
)
ANNOTATION_NAMES = frozenset((*ANNOTATION_FIELDS, "quotefp"))


def article_ids(reader):
    """The ``aid`` column of a reader (article id by document number); [] for an empty index."""
    return reader.column_reader("aid") if reader.has_column("aid") else []
