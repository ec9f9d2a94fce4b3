"""The article record shared by loaders, the metadata store and the index."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime

WHOLE_FILE = -1  # locator of an article that is a whole file rather than a dump record
# Control characters json.dumps writes as numbered escapes (tab and newline get short ones).
_RARE_CONTROLS = bytes(c for c in range(32) if c not in (9, 10))


@dataclass(slots=True)
class Article:
    """One article as loaded from the corpus, body included."""

    key: str  # unique within the corpus: the file path, or path#record-id for dump records
    file: str  # absolute path of the file holding the article
    locator: int  # byte offset of the record inside a dump; WHOLE_FILE for .txt/.md
    title: str
    body: str
    source: str = ""
    date: datetime | None = None
    date_text: str = ""  # the date as given, for display when it cannot be parsed
    url: str = ""
    record_id: str = ""
    has_headline: bool = True  # False when the title was derived from the opening sentence

    @property
    def content_hash(self) -> str:
        """A short hash of everything indexed, to notice changed dump records."""
        fields = [self.title, self.body, self.source, self.date_text, self.url, self.record_id]
        return hashlib.blake2b(_json_payload(fields), digest_size=10).hexdigest()

    @property
    def full_text(self) -> str:
        """Title and body as one text, the way annotation offsets count them."""
        if self.has_headline and self.title:
            return f"{self.title}\n\n{self.body}"
        return self.body


def _json_payload(fields: list[str]) -> bytes:
    """``json.dumps(fields, ensure_ascii=False)`` in UTF-8 (surrogates passed), which the
    content hash is made of: text without rare controls is escaped by a few byte replaces,
    several times quicker than the json encoder's scan of a long body."""
    parts = []
    for text in fields:
        if type(text) is not str:
            break
        raw = text.encode("utf-8", "surrogatepass")
        if len(raw.translate(None, _RARE_CONTROLS)) != len(raw):
            break
        raw = raw.replace(b"\\", b"\\\\").replace(b'"', b'\\"')
        parts.append(raw.replace(b"\n", b"\\n").replace(b"\t", b"\\t"))
    else:
        return b'["' + b'", "'.join(parts) + b'"]'
    return json.dumps(fields, ensure_ascii=False).encode("utf-8", "surrogatepass")
