"""The document formats besides plain text and dumps: one module per format, each reading a
file into articles through a library made for it, each article with a location (the file, and
a record offset, entry number or item id in ``Article.locator``) that reopens it.

A module gives ``read(path) -> Iterator[Article | Skipped]`` and ``reopen(path, locator, key)``.
Formats whose library is an optional extra are listed here with it, so that a folder can be
walked (and a missing extra told once per extension) without importing any of them.
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
from dataclasses import dataclass
from types import ModuleType


@dataclass(frozen=True, slots=True)
class Format:
    """A document format: the names that mark its files, its module, and the extra (and the
    module that extra installs) it needs; ``extra`` None: the standard library does."""

    name: str
    suffixes: tuple[str, ...]
    extra: str | None = None
    needs: tuple[str, ...] = ()  # the modules the extra installs
    names: tuple[str, ...] = ()  # whole file names (newsboat's cache.db)

    @property
    def module(self) -> ModuleType:
        return importlib.import_module(f"{__name__}.{self.name}")

    def missing(self) -> str | None:
        """Why its files cannot be read here (the extra to install), else None."""
        if not all(importable(module) for module in self.needs):
            return f"install tuireader[{self.extra}] to read {{suffix}} files"
        return None


FORMATS = (
    Format("html", (".html", ".htm", ".xhtml"), "html", ("trafilatura", "lxml_html_clean")),
    Format("feeds", (".rss", ".atom", ".xml"), "feeds", ("feedparser",)),
    Format("mail", (".eml", ".mbox")),
    Format("warc", (".warc", ".warc.gz"), "warc", ("warcio", "trafilatura", "lxml_html_clean")),
    Format("pdf", (".pdf",), "pdf", ("pypdfium2",)),
    Format("office", (".docx",), "office", ("docx",)),
    Format("newsboat", (), names=("cache.db",)),
)


def format_of(path: str) -> Format | None:
    """The format of a file by its name, or None (plain text, dumps, anything else)."""
    lower = path.lower()
    name = lower.rsplit("/", 1)[-1]
    for fmt in FORMATS:
        if name in fmt.names or (fmt.suffixes and lower.endswith(fmt.suffixes)):
            return fmt
    return None


def suffix_of(path: str) -> str:
    """A file's extension as people name it (".warc.gz", ".pdf"; "" for none)."""
    name = path.lower().rsplit("/", 1)[-1]
    for double in (".warc.gz", ".csv.gz", ".tsv.gz", ".json.gz", ".jsonl.gz", ".txt.gz"):
        if name.endswith(double):
            return double
    dot = name.rfind(".")
    return name[dot:] if dot > 0 else ""


@functools.cache
def importable(module: str) -> bool:
    return importlib.util.find_spec(module) is not None
