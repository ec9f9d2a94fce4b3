"""Who speaks in a participle clause: "with many fans chanting", and a description
whose verb is no part of it ("the prince called for Roe to quit, calling him") (invented
sentences)."""

from __future__ import annotations

from tuireader.core.annotate.pipeline import annotate


def _speakers(text: str) -> list[tuple[str | None, str | None]]:
    return [
        (q.speaker.text if q.speaker else None, q.speaker_name)
        for q in annotate(text).quotes
        if q.direct
    ]


def test_the_subject_of_a_with_clause_speaks_not_the_sentences() -> None:
    text = (
        "Harborville was on the minds of the crowd, with many fans and neighbours "
        'chanting "Stand together" all afternoon.'
    )
    assert _speakers(text) == [("many fans and neighbours", None)]


def test_a_group_in_a_with_clause_after_a_named_body_is_not_the_body() -> None:
    text = (
        "Teachers unions backed Dana Quillby early, with the Federation of Zorblax Teachers "
        'calling her "a friend of every classroom".'
    )
    assert _speakers(text) == [
        ("the Federation of Zorblax Teachers", "Federation of Zorblax Teachers")
    ]


def test_a_verb_and_its_object_are_no_part_of_a_described_speaker() -> None:
    text = (
        "In December, the prince called for Tom Quillon to leave the race, calling him "
        '"a danger to the whole party."'
    )
    assert _speakers(text) == [("the prince", None)]


def test_the_group_is_not_the_outlet_it_told() -> None:
    text = (
        "The Zorblax Foundation did not want to comment, telling Harbor News 35 that it "
        'was busy.\n"Our work goes on," the group said.'
    )
    assert _speakers(text) == [("the group", "Zorblax Foundation")]
    text = (
        "Acme Motors Corp told Reuters it would cut jobs.\n"
        '"The plant will close," the company said.'
    )
    assert _speakers(text) == [("the company", "Acme Motors Corp")]


def test_the_one_a_paper_quoted_as_saying_is_the_speaker_not_the_paper() -> None:
    text = 'Toys are "big business", the paper quoted Mr Quillby as saying.'
    assert _speakers(text) == [("Mr Quillby", "Quillby")]
    text = '"We are done," the Daily Ledger quoted a source as saying.'
    assert _speakers(text) == [("a source", None)]


def test_a_platform_the_article_names_speaks_but_a_share_bar_does_not() -> None:
    text = '"Our rules make that clear," Twitter said in a statement.'
    assert _speakers(text) == [("Twitter", "Twitter")]
    assert _speakers('Facebook Twitter Email\n\n"We will win," he said.') == [("he", None)]


def test_a_name_after_on_before_a_colon_is_where_not_who() -> None:
    text = 'After the attack, a familiar voice cheered it on Twitter: "We have arrived."'
    assert _speakers(text) == [("a familiar voice", None)]
    assert _speakers('Jane Roe wrote in reply: "It is over."')[0][1] == "Jane Roe"


def test_a_firm_or_person_named_with_a_title_word_keeps_the_whole_name() -> None:
    assert _speakers('"Sales rose," General Motors said.') == [("General Motors", "General Motors")]
    text = '"We must act now," said Representative Peter T. Quillby, Republican of Ohio.'
    assert _speakers(text)[0][1] == "Peter Quillby"
