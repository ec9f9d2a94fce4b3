"""How the store keeps article texts: zlib with a dictionary made from the corpus's own words.

Each text is compressed alone (a snippet reads one text), and zlib starts every text knowing
nothing, so the words a corpus repeats in every article are spelt out again in each. A preset
dictionary (zlib's ``zdict``: up to 32 KB the compressor may refer back to) of the corpus's
most frequent words, made once from its first texts and kept in the store, saves a fifth to a
third of the texts' bytes (synthetic 0.52 → 0.42 of the text, Reuters 0.61 → 0.43;
benchmarks/README.md) and lets short texts be compressed too.

A zlib stream made with a dictionary says so in its header, with the dictionary's checksum:
texts kept before the dictionary was made (or by an older version) read as before.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from collections.abc import Iterable

# zlib level of the texts. With a 32 KB dictionary every position has long match chains to
# search, which is what a level pays for: 5 costs far less CPU than 6 for a few tenths of a
# percent more bytes (measured in benchmarks/README.md, "Tantivy indexing regression").
LEVEL = 5
# Texts up to this many bytes are kept as they are: too short to gain.
PLAIN_MOST = 64
# The dictionary is made once this many texts of at least SAMPLE_BYTES were seen.
SAMPLE_TEXTS = 200
SAMPLE_BYTES = 64 * 1024
DICT_BYTES = 32 * 1024  # zlib's window: a longer dictionary is not used
_WORDS = re.compile(rb"\w+\W?")
_FDICT = 0x20  # the header flag of a stream made with a dictionary


def make_dict(texts: Iterable[bytes]) -> bytes:
    """The corpus's most frequent words (with what follows them), the most frequent last:
    zlib refers to the end of its window most cheaply."""
    counts = Counter(word for text in texts for word in _WORDS.findall(text))
    chosen: list[bytes] = []
    size = 0
    for word, count in counts.most_common():
        if count < 2 or size + len(word) > DICT_BYTES:
            break
        chosen.append(word)
        size += len(word)
    return b"".join(reversed(chosen))


class TextPacker:
    """Packs texts for the store and unpacks them, with the store's dictionary if it has one."""

    def __init__(self, zdict: bytes | None) -> None:
        self.zdict = zdict or None
        self._dict_id = zlib.adler32(zdict) if zdict else None
        # A compressor that has read the dictionary, copied for each text: reading the
        # dictionary into a new compressor's tables cost as much as compressing a short text
        # (a copy gives the same bytes).
        self._primed = zlib.compressobj(LEVEL, zdict=self.zdict) if self.zdict else None
        # Likewise a decompressor that has read a header of LEVEL asking for the dictionary
        # (and so the dictionary), copied for each text with that header: setting the
        # dictionary cost more than inflating a short text.
        self._header = b""
        self._unpacker = None
        if self._primed is not None:
            self._header = self._primed.copy().flush()[:6]
            self._unpacker = zlib.decompressobj(zdict=self.zdict)
            self._unpacker.decompress(self._header)

    def pack(self, text: str) -> str | bytes:
        """A text as kept: itself when short, else (or with lone surrogates) a zlib blob."""
        try:
            encoded = text.encode("utf-8")
        except UnicodeEncodeError:  # lone surrogates (undecodable bytes): SQLite text cannot
            encoded = text.encode("utf-8", "surrogatepass")
        else:
            if len(encoded) <= (PLAIN_MOST if self.zdict else LEGACY_PLAIN_MOST):
                return text
        if self._primed is None:
            return zlib.compress(encoded, LEGACY_LEVEL)
        packer = self._primed.copy()
        return packer.compress(encoded) + packer.flush()

    def needs_dict(self, kept: bytes) -> int | None:
        """The checksum of the dictionary a blob was made with, if not this packer's."""
        if len(kept) < 6 or not kept[1] & _FDICT:
            return None
        wanted = int.from_bytes(kept[2:6], "big")
        return None if wanted == self._dict_id else wanted

    def unpack(self, kept: str | bytes | None) -> str | None:
        """A kept text back as text (None: none, or unreadable)."""
        if type(kept) is str or kept is None:
            return kept
        try:
            if self._unpacker is not None and kept[:6] == self._header:
                unpacker = self._unpacker.copy()
                raw = unpacker.decompress(kept[6:])
                if not unpacker.eof:
                    return None
            elif self.zdict is not None and len(kept) > 1 and kept[1] & _FDICT:
                raw = zlib.decompressobj(zdict=self.zdict).decompress(kept)
            else:
                raw = zlib.decompress(kept)
            return raw.decode("utf-8", "surrogatepass")
        except (zlib.error, UnicodeDecodeError, TypeError):
            return None


# Without a dictionary (the first texts of a corpus): the store's way before it had one.
LEGACY_LEVEL = 1
LEGACY_PLAIN_MOST = 512
