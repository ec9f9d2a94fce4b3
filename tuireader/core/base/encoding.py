"""Decoding file bytes whatever their encoding: UTF-8 first (nearly every file, so nearly free),
then a byte order mark, UTF-16 without one, the charset a page or feed declares, and only then
a detector made for the job (charset-normalizer) for the legacy encodings: Cyrillic (cp1251,
KOI8-R), Greek, Central European, CJK (Shift-JIS, GB2312, Big5)."""

from __future__ import annotations

import codecs
import re

# <meta charset="...">, <meta http-equiv content="text/html; charset=...">, <?xml encoding="..."?>
_DECLARED_RE = re.compile(
    rb"""(?:charset\s*=\s*["']?|<\?xml[^>]{0,200}?encoding\s*=\s*["'])([A-Za-z0-9._:-]{1,40})""",
    re.IGNORECASE,
)
# What the detector reads of a large file: enough to tell, without reading megabytes.
_DETECT_BYTES = 64 * 1024


def declared_charset(data: bytes) -> str | None:
    """The charset a page or XML document declares in its first kilobytes, when Python knows it."""
    match = _DECLARED_RE.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii").lower()
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    # A page saved from a browser often still says iso-8859-1 while being UTF-8 (tried first),
    # and browsers read iso-8859-1 as windows-1252: so do we.
    return "cp1252" if codec in ("latin-1", "iso8859-1", "ascii") else codec


def utf16_without_bom(data: bytes) -> str | None:
    """ "utf-16-le"/"utf-16-be" when the bytes look like UTF-16 text without a BOM, else None.

    Text in one script puts its characters' high bytes in a few values (0 for ASCII spaces and
    punctuation, 0x04 for Cyrillic, 0x03 for Greek), while their low bytes vary.
    """
    head = data[:4096]
    if len(head) < 8:
        return None
    head = head[: len(head) & ~1]
    half = len(head) // 2
    even, odd = head[0::2], head[1::2]
    for high, low, name in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if low.count(0) > 0.05 * half:
            continue
        if high.count(0) >= 0.9 * half:
            # mostly ASCII letters, digits, punctuation and spaces in the other half
            text_like = sum(1 for b in low if 32 <= b < 127 or b in (9, 10, 13))
            return name if text_like >= 0.7 * len(low) else None
        if high.count(0) < 0.05 * half:  # (spaces and punctuation are ASCII)
            continue
        counts = sorted((high.count(b) for b in set(high)), reverse=True)
        if sum(counts[:2]) >= 0.95 * half:
            try:
                head.decode(name)
            except UnicodeDecodeError:
                continue
            return name
    return None


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode file contents.

    UTF-8 when the bytes are UTF-8; a BOM decides (UTF-32, UTF-8, UTF-16); UTF-16 without a BOM;
    the charset the document declares (``declared``, or found in an HTML/XML head when given
    as "auto"); UTF-8 with its few bad bytes replaced when most non-ASCII text is valid UTF-8
    (a damaged UTF-8 file); then the detector; cp1252 as the last resort.
    """
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return data.decode("utf-32", errors="replace")
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data[: len(data) & ~1].decode("utf-16", errors="replace")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if "\x00" not in text or not utf16_without_bom(data):
            return text
    utf16 = utf16_without_bom(data)
    if utf16:
        return data[: len(data) & ~1].decode(utf16, errors="replace")
    if declared == "auto":
        declared = declared_charset(data)
    if declared and declared not in ("utf-8", "utf_8"):
        try:
            return data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
    replaced = data.decode("utf-8", errors="replace")
    bad = replaced.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    beyond_ascii = len(replaced) - len(replaced.encode("ascii", "ignore"))
    good = beyond_ascii - bad - data.count(b"\xef\xbf\xbd")
    if good >= max(1, bad):
        return replaced
    guess = None if _few_letters_beyond_ascii(data) else detect(data)
    if guess:
        return data.decode(guess, errors="replace")
    return data.decode("cp1252", errors="replace")


_HIGH = bytes(range(128, 256))
_LETTERS = bytes(range(65, 91)) + bytes(range(97, 123))


def _few_letters_beyond_ascii(data: bytes) -> bool:
    """Mostly-ASCII text with a handful of other bytes (an accent, curly quotes): too little for
    a detector to judge, and most often Western European (cp1252)."""
    sample = data[:_DETECT_BYTES]
    high = len(sample) - len(sample.translate(None, _HIGH))
    letters = len(sample) - len(sample.translate(None, _LETTERS))
    return high < 32 and high * 2 < letters


def detect(data: bytes) -> str | None:
    """The encoding charset-normalizer finds for bytes that are not UTF-8 (None: no idea)."""
    from charset_normalizer import from_bytes

    sample = data[:_DETECT_BYTES]
    if len(data) > _DETECT_BYTES:  # do not judge a multi-byte character cut in half
        sample = sample[: sample.rfind(b"\n") + 1] or sample
    best = from_bytes(sample, cp_isolation=list(LEGACY)).best()
    if best is not None and best.encoding in _CJK and _looks_halfwidth(str(best)):
        # Short single-byte text (KOI8-R, Greek) passes for Shift-JIS as half-width katakana,
        # which real Japanese text hardly uses: ask again among the other encodings.
        others = [name for name in LEGACY if name not in _CJK]
        best = from_bytes(sample, cp_isolation=others).best() or best
    if best is None or best.encoding in ("utf_8", "ascii"):
        return None
    return best.encoding


# The encodings files in the wild still come in (the detector tries only these: faster, and
# it does not take a Russian file for a rare code page).
LEGACY = (
    "cp1251", "koi8_r", "koi8_u", "cp866", "mac_cyrillic", "iso8859_5",  # Cyrillic
    "cp1253", "iso8859_7",  # Greek
    "cp1250", "iso8859_2",  # Central European
    "cp1252", "iso8859_15", "cp1254", "cp1257", "cp1258",  # Western, Turkish, Baltic, Vietnamese
    "cp1255", "iso8859_8", "cp1256", "cp874",  # Hebrew, Arabic, Thai
    "cp932", "shift_jis", "euc_jp", "iso2022_jp", "gb18030", "gb2312", "big5", "euc_kr",
    "cp949", "utf_16_le", "utf_16_be",
)  # fmt: skip
_CJK = (
    "cp932", "shift_jis", "shift_jis_2004", "shift_jisx0213", "euc_jp", "euc_jis_2004",
    "euc_jisx0213", "iso2022_jp", "cp949", "euc_kr", "johab", "big5", "big5hkscs", "cp950",
    "gb2312", "gbk", "gb18030", "hz",
)  # fmt: skip


def _looks_halfwidth(text: str) -> bool:
    letters = [c for c in text if not c.isspace() and not c.isascii()]
    halfwidth = sum(1 for c in letters if "\uff61" <= c <= "\uff9f")
    return bool(letters) and halfwidth * 3 >= len(letters)
