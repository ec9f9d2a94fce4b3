"""Turning untrusted bytes into clean display text, and deriving titles."""

from __future__ import annotations

import codecs
import re
import unicodedata

from tuireader.core.base.encoding import decode_bytes, utf16_without_bom  # noqa: F401 (re-exported)

# C0 controls except tab and newline, DEL, C1 controls, the bidirectional marks and
# embedding/override/isolate characters that can reorder what a reader sees, stray byte order
# marks (zero-width no-break spaces) and lone surrogates (from JSON "\ud800" escapes).
# Invisible format characters too: soft hyphens, zero-width spaces, word joiners, invisible
# operators, deprecated format controls, interlinear annotation marks and tag characters draw
# nothing (or, in some terminals, a cell or a box), so the terminal and the layout disagree on
# a line's width; they are text only to a typesetter. (Zero-width joiners and non-joiners stay
# in article text, where scripts and emoji join by them; one-line fields lose them.)
_FORMAT = "\u00ad\u180e\u200b\u2060-\u2064\u206a-\u206f\ufff9-\ufffb\U000e0000-\U000e007f"
_CONTROL_RE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff" + _FORMAT + "]"
)
_JOINERS_RE = re.compile("[\u200c\u200d]")
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
# Whole escape sequences first, so that their printable tails ("[31m") go too; both the 7-bit
# (ESC-prefixed) and the 8-bit (C1) forms. Payloads are bounded so that a stray introducer does
# not swallow the rest of an article (what is left is harmless once the controls are gone).
_ESCAPE_RE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]{0,64}[ -/]{0,8}[@-~]"  # CSI
    r"|(?:\x1b\]|\x9d)[^\x07\x1b\x9c]{0,4096}(?:\x07|\x1b\\|\x9c)?"  # OSC, ended by BEL or ST
    r"|(?:\x1b[PX^_]|[\x90\x98\x9e\x9f])[^\x1b\x9c]{0,4096}(?:\x1b\\|\x9c)?"  # DCS SOS PM APC
    r"|\x1b[@-Z\\-_]"  # two-byte (Fe) escapes
    r"|\x1b[ -/]{1,4}[0-~]"  # escapes with intermediates (character set selection)
)
_LINE_SEPARATORS_RE = re.compile("\r\n?|[\x85\u2028\u2029]")
# Characters made visible as escapes when a path or other raw value is printed.
_INVISIBLE_RE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff"
    "\u2028\u2029\ud800-\udfff]"
)
_INVISIBLE_LINES_RE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff"
    "\u2028\u2029\ud800-\udfff]"
)
# What json.dumps(ensure_ascii=False) leaves raw but a terminal may act on.
_JSON_UNSAFE_RE = re.compile(
    "[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]"
)
# Any character one of the substitutions of clean_text acts on (CR, NEL and the separators,
# ESC and the C1 introducers, controls, bidi marks, BOM, surrogates, invisible formats).
_NEEDS_CLEANING_RE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff"
    "\u2028\u2029\ud800-\udfff" + _FORMAT + "]"
)
# The ASCII characters of _NEEDS_CLEANING_RE.
_ASCII_CONTROLS = bytes([*range(0x09), *range(0x0B, 0x20), 0x7F])
_SPACE_RUN_RE = re.compile(r"[ \t]+")
_SENTENCE_END_RE = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)]*\s")

TITLE_MAX = 90
_HEADLINE_MAX = 160


def clean_text(text: str) -> str:
    """Normalise newlines and remove escape sequences and control characters.

    CRLF, lone CR, NEL and the Unicode line/paragraph separators become ``\\n``; escape
    sequences (CSI, OSC including OSC 52 clipboard writes and title changes, DCS, ...) are
    removed whole; remaining C0/C1 controls (but tab and newline), bidirectional overrides,
    stray BOMs and invisible format characters (zero-width spaces, soft hyphens, word joiners,
    tag characters) are removed; lone surrogates become U+FFFD.
    """
    if _clean_already(text):
        return text  # most text: one scan instead of four substitutions
    text = _LINE_SEPARATORS_RE.sub("\n", text)
    text = _ESCAPE_RE.sub("", text)
    text = _SURROGATE_RE.sub("\ufffd", text)
    return _CONTROL_RE.sub("", text)


def clean_typed(text: str) -> str:
    """What the user typed or pasted into a one-line field, without controls or escape
    sequences (they would act on the terminal where it is shown); newlines and tabs become
    spaces, and the spaces typed stay (a query being typed keeps its trailing space)."""
    return clean_text(text).replace("\n", " ").replace("\t", " ")


def _clean_already(text: str) -> bool:
    """Whether ``clean_text`` leaves ``text`` as it is. ASCII text (Python knows whether a
    str is ASCII without reading it) is checked by deleting its controls from its bytes,
    several times quicker than the regex's scan."""
    if text.isascii():
        raw = text.encode("ascii")
        return len(raw.translate(None, _ASCII_CONTROLS)) == len(raw)
    return _NEEDS_CLEANING_RE.search(text) is None


def clean_line(text: str) -> str:
    """Clean a one-line field (title, source): no newlines, single spaces, no zero-width
    joiners (drawn as nothing, they leave the terminal and the layout disagreeing on width)."""
    line = clean_text(text).replace("\n", " ")
    if not line.isascii():
        line = _JOINERS_RE.sub("", line)
    return _SPACE_RUN_RE.sub(" ", line).strip()


def visible(text: str) -> str:
    """A raw value (a path, a record id) with its invisible characters shown as escapes.

    For printing values that must not be altered silently (a file name may really contain an
    escape character) yet must not act on the terminal: ``\\x1b``, ``\\u202e``, ``\\udcff``.
    """
    return _INVISIBLE_RE.sub(_escape_char, text)


def visible_controls(text: str) -> str:
    """Like ``visible``, but keeping tabs and newlines: for multi-line text written to a file
    that may be printed (an export), where an escape character must not act on a terminal."""
    return _INVISIBLE_LINES_RE.sub(_escape_char, text)


def json_safe(line: str) -> str:
    """A ``json.dumps(..., ensure_ascii=False)`` line with terminal-active characters escaped.

    json.dumps escapes C0 controls but leaves DEL, C1 controls (``\\x9b`` is an 8-bit CSI),
    bidirectional overrides, line separators and lone surrogates raw; they become ``\\uXXXX``
    escapes, which decode to the same value.
    """
    return _JSON_UNSAFE_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", line)


def _escape_char(match: re.Match) -> str:
    code = ord(match.group())
    if code == 0x0A:
        return "\\n"
    if code == 0x09:
        return "\\t"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


# Leading bytes of common binary formats (images, archives, executables, PDF, SQLite).
_MAGIC = (
    b"\x89PNG",
    b"GIF87a",
    b"GIF89a",
    b"\xff\xd8\xff",
    b"%PDF-",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"\x7fELF",
    b"\xfd7zXZ\x00",
    b"7z\xbc\xaf\x27\x1c",
    b"Rar!\x1a\x07",
    b"SQLite format 3\x00",
)


def looks_binary(data: bytes) -> bool:
    """Guess whether a file's leading bytes are binary rather than text.

    A few NUL bytes in a text file do not make it binary (they are removed when it is cleaned);
    a known binary signature, more than 1% NULs or more than 5% other controls do.
    """
    head = data[:4096]
    if not head or head.startswith(
        (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE)
    ):
        return False
    if head.startswith(_MAGIC):
        return True
    if utf16_without_bom(head):
        return False
    nuls = head.count(0)
    controls = sum(1 for b in head if b < 32 and b not in (0, 9, 10, 12, 13, 27))
    return nuls / len(head) > 0.01 or controls / len(head) > 0.05


def split_headline(text: str) -> tuple[str | None, str]:
    """Split off a headline: a short first line followed by a blank line.

    Returns (headline or None, body). Markdown heading marks are removed from the headline.
    """
    stripped = text.lstrip("\n")
    first, sep, rest = stripped.partition("\n")
    if not sep:
        return None, text
    headline = first.strip().lstrip("#").strip()
    if not headline or len(headline) > _HEADLINE_MAX:
        return None, text
    if not rest.startswith("\n") and not rest.lstrip(" \t").startswith("\n"):
        return None, text
    is_sentence = headline.endswith((".", ",", ";", ":")) and not headline.endswith("...")
    if is_sentence and len(headline.split()) > 12:
        return None, text
    return headline, rest.strip("\n")


def title_from_text(text: str, limit: int = TITLE_MAX) -> str:
    """Derive a title from the opening sentence, cut at a word boundary."""
    flat = " ".join(text.split())
    if not flat:
        return "(untitled)"
    match = _SENTENCE_END_RE.search(flat)
    sentence = flat[: match.start()].rstrip() if match else flat
    return shorten(sentence, limit)


def shorten(text: str, limit: int) -> str:
    """Cut text at a word boundary so that it fits in ``limit`` characters, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-\u2013\u2014") + "\u2026"


def fold(text: str) -> str:
    """Case- and accent-insensitive form, for sorting titles."""
    if text.isascii():  # nothing to decompose (a quick test: Python knows it of every str)
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def levenshtein_within(a: str, b: str, limit: int) -> bool:
    """Whether ``a`` becomes ``b`` in at most ``limit`` insertions, deletions or substitutions
    (stops as soon as every way is over the limit)."""
    if abs(len(a) - len(b)) > limit:
        return False
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        best = i
        for j, cb in enumerate(b, 1):
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            current.append(value)
            best = min(best, value)
        if best > limit:
            return False
        previous = current
    return previous[-1] <= limit
