"""The tantivy engine (``pip install 'tuireader[tantivy]'``): the only package that imports
tantivy (an import-linter contract).

``schema`` (fields and analyzers), ``translate`` (the query tree as tantivy queries),
``writing`` (the two writers), ``engine`` (the ``SearchEngine``).
"""

from tuireader.core.search.tantivy.engine import TantivyEngine

__all__ = ["TantivyEngine"]
