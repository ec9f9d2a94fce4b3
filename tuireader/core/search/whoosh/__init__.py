"""The whoosh engine: the only package that imports whoosh (an import-linter contract).

Split by job: ``schema`` and ``analysis`` (fields and words), ``writing`` (writers, merge
policy), ``processes``/``preload`` (indexing processes; see core/base/lifeline),
``searching`` (parsing, guards, collecting, ranking), ``join`` (annotation fields answered
from their own index), ``storage``/``index_files`` (commit publishing, damage), ``engine``
(the ``SearchEngine``).
"""

from tuireader.core.search.whoosh.engine import WhooshEngine

__all__ = ["WhooshEngine"]
