"""Turning untrusted bytes into clean display text, and deriving titles."""

from __future__ import annotations

import codecs
import re
import unicodedata

# C0 controls except tab and newline, DEL, C1 controls, and the bidirectional
# embedding/override/isolate characters that can reorder what a reader sees.
_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Whole escape sequences first, so that their printable tails ("[31m") go too.
_ESCAPE_RE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC, ended by BEL or ST
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC
    r"|\x1b[@-Z\\-_]"  # two-byte escapes
)
_SPACE_RUN_RE = re.compile(r"[ \t]+")
_SENTENCE_END_RE = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)]*\s")

TITLE_MAX = 90
_HEADLINE_MAX = 160


def clean_text(text: str) -> str:
    """Normalise newlines and remove escape sequences and control characters."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x1b" in text:
        text = _ESCAPE_RE.sub("", text)
    return _CONTROL_RE.sub("", text)


def clean_line(text: str) -> str:
    """Clean a one-line field (title, source): no newlines, single spaces."""
    return _SPACE_RUN_RE.sub(" ", clean_text(text).replace("\n", " ")).strip()


def decode_bytes(data: bytes) -> str:
    """Decode file contents: BOMs first, then UTF-8, then cp1252, then Latin-1."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def looks_binary(data: bytes) -> bool:
    """Guess whether a file's leading bytes are binary rather than text."""
    head = data[:4096]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return bool(head) and controls / len(head) > 0.1


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
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
