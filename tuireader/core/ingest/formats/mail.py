"""E-mail (standard library): ``.eml`` one article, ``.mbox`` one per message, located by the
byte offset of its ``From `` line. Subject as title, Date (RFC 2822, offset kept), From as
source, the plain-text part (or the HTML part made plain); attachments are listed at the end
of the text, never opened. A broken part or message skips only itself."""

from __future__ import annotations

import email
import email.policy
import re
from collections.abc import Iterator
from email.message import EmailMessage

from tuireader.core.base.articles import WHOLE_FILE, Article
from tuireader.core.base.encoding import decode_bytes
from tuireader.core.ingest.formats.common import (
    MAX_DOCUMENT_BYTES,
    Keys,
    make_article,
    plain_html,
    read_capped,
)
from tuireader.core.ingest.skipped import Skipped, size_text

_FROM_LINE = re.compile(rb"^From ", re.MULTILINE)


def read(path: str) -> Iterator[Article | Skipped]:
    if not path.lower().endswith(".mbox"):
        yield reopen(path, WHOLE_FILE, path)
        return
    keys = Keys(path)
    for offset, data in _messages(path):
        try:
            article = article_from_message(data, file=path, locator=offset)
        except (ValueError, LookupError, TypeError, IndexError, AttributeError) as exc:
            yield Skipped(f"{path}@{offset}", f"bad message: {exc}")
            continue
        article.key = keys.key(article.record_id, article.title + article.body)
        yield article


def reopen(path: str, locator: int, key: str) -> Article:
    if locator == WHOLE_FILE:
        article = article_from_message(read_capped(path), file=path, locator=WHOLE_FILE)
        article.key = key or path
        return article
    with open(path, "rb") as handle:
        handle.seek(locator)
        data = handle.read(MAX_DOCUMENT_BYTES)
    match = _FROM_LINE.search(data, 1)
    article = article_from_message(data[: match.start()] if match else data, path, locator)
    article.key = key
    return article


def _messages(path: str) -> Iterator[tuple[int, bytes]]:
    """Each message of an mbox with the offset of its ``From `` line, read in pieces."""
    with open(path, "rb") as handle:
        start, parts = None, []
        offset = 0
        for line in handle:
            if line.startswith(b"From "):
                if start is not None:
                    yield start, b"".join(parts)
                start, parts = offset, []
            if start is not None and sum(map(len, parts)) <= MAX_DOCUMENT_BYTES:
                parts.append(line)
            offset += len(line)
        if start is not None:
            yield start, b"".join(parts)
        elif offset:
            raise ValueError("not an mbox (no line starts with 'From ')")


def article_from_message(data: bytes, file: str, locator: int) -> Article:
    if data.startswith(b"From "):  # the mbox separator line is not a header
        data = data.split(b"\n", 1)[1] if b"\n" in data else b""
    message = email.message_from_bytes(data, policy=email.policy.default)
    if not isinstance(message, EmailMessage) or not len(message.keys()):
        raise ValueError("no mail headers")
    body = _body(message)
    attachments = _attachments(message)
    if attachments:
        body = f"{body}\n\n[Attachments, not opened: {'; '.join(attachments)}]"
    return make_article(
        key=file,
        file=file,
        locator=locator,
        title=_header(message, "subject"),
        body=body,
        source=_header(message, "from"),
        date=_header(message, "date") or None,
        record_id=_header(message, "message-id").strip("<>"),
    )


def _header(message: EmailMessage, name: str) -> str:
    try:
        value = message.get(name)
    except (ValueError, TypeError, IndexError, LookupError):  # a header the parser chokes on
        value = ""
    return str(value or "")


def _body(message: EmailMessage) -> str:
    try:
        part = message.get_body(preferencelist=("plain", "html"))
    except (KeyError, ValueError, TypeError):
        part = None
    if part is None:
        if message.is_multipart():
            return ""
        part = message
    text = _part_text(part)
    if part.get_content_subtype() == "html":
        text = plain_html(text)
    return text


def _part_text(part) -> str:
    part.get_payload(decode=True)  # notes a broken transfer encoding among the defects
    if any("Base64" in type(defect).__name__ for defect in part.defects):
        # broken base64: its characters as they stand beat bytes decoded from them
        raw = part.get_payload(decode=False)
        return raw if isinstance(raw, str) else ""
    try:
        content = part.get_content()
    except (LookupError, ValueError, TypeError, AssertionError, KeyError):  # bad charset or CTE
        payload = part.get_payload(decode=True)
        return decode_bytes(payload) if isinstance(payload, bytes) else str(payload or "")
    return content if isinstance(content, str) else decode_bytes(bytes(content or b""))


def _attachments(message: EmailMessage) -> list[str]:
    found = []
    try:
        parts = list(message.iter_attachments())
    except (KeyError, ValueError, TypeError, AttributeError):
        return found
    for part in parts:
        try:
            name = part.get_filename() or "(no name)"
            payload = part.get_payload(decode=True) or b""
            found.append(f"{name} ({part.get_content_type()}, {size_text(len(payload))})")
        except (KeyError, ValueError, TypeError, LookupError, AttributeError):
            found.append("(an attachment that cannot be read)")
    return found
