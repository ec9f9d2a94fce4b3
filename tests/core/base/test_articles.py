"""An article's content hash: the hash of its indexed fields as JSON, however it is made."""

import hashlib
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tuireader.core.base.articles import Article

TEXT = st.text(
    alphabet=st.sampled_from(
        [
            "a",
            "Q",
            " ",
            '"',
            "\\",
            "\n",
            "\t",
            "\r",
            "\x00",
            "\x1f",
            "\x7f",
            "é",
            "\u2028",
            "\ud800",
            "\U0001f600",
            "/",
            "\x0b",
            "\x0c",
            "\x08",
        ]
    ),
    max_size=12,
)


def _reference(article: Article) -> str:
    fields = [
        article.title,
        article.body,
        article.source,
        article.date_text,
        article.url,
        article.record_id,
    ]
    payload = json.dumps(fields, ensure_ascii=False).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(payload, digest_size=10).hexdigest()


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])  # a loaded machine
@given(TEXT, TEXT, TEXT, TEXT)
def test_the_hash_is_that_of_the_fields_as_json(title, body, source, url):
    article = Article("k", "/corpus/harbor.jsonl", 0, title, body, source, url=url)
    assert article.content_hash == _reference(article)


def test_a_plain_article_hashes_as_before():
    article = Article(
        "k", "/f", 0, 'Quillon "wins"', "Jonsby said:\n\tHarbor Trust \\ met.", record_id="7"
    )
    assert article.content_hash == _reference(article)
