"""The article record shared by loaders, the metadata store and the index."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime

WHOLE_FILE = -1  # locator of an article that is a whole file rather than a dump record


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
        payload = json.dumps(
            [self.title, self.body, self.source, self.date_text, self.url, self.record_id],
            ensure_ascii=False,
        )
        return hashlib.blake2b(payload.encode("utf-8", "surrogatepass"), digest_size=10).hexdigest()

    @property
    def full_text(self) -> str:
        """Title and body as one text, the way annotation offsets count them."""
        if self.has_headline and self.title:
            return f"{self.title}\n\n{self.body}"
        return self.body
