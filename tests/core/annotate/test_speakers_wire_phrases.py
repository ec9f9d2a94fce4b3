"""Speaker names from wire-copy reporting clauses (invented sentences): a titled person "of"
a place, an organisation named "X of Y"."""

from __future__ import annotations

import pytest

from tuireader.core.annotate.pipeline import annotate


def _speakers(text: str) -> list[str | None]:
    return [q.speaker_name for q in annotate(text).quotes if q.direct]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            '"The plan was a mistake and he made it," Senate Republican Leader Roland '
            "Quillon of Nebraska said.",
            "Roland Quillon",
        ),
        (
            '"We will not wait," said House Minority Whip Dana Jonsby of Vermont.',
            "Dana Jonsby",
        ),
    ],
)
def test_a_titled_person_of_a_place_is_the_speaker_not_the_place(text: str, speaker: str) -> None:
    assert _speakers(text) == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            '"The government can keep lower cash balances," the Bank of Harbor said in its '
            "annual report.",
            "Bank of Harbor",
        ),
        (
            '"Enrolment rose for a third year," the University of Quillon said on Monday.',
            "University of Quillon",
        ),
    ],
)
def test_an_organisation_named_x_of_y_is_named_whole(text: str, speaker: str) -> None:
    assert _speakers(text) == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Jane Harlow, analyst at Quillon Brothers, Harbor Upham and Co said the deal "
            '"will help production."',
            "Jane Harlow",
        ),
        (
            "Dana Whitcombe, oil analyst with Harbor Partners, Upham Quillon and Co said, "
            '"both markets have been oversold."',
            "Dana Whitcombe",
        ),
    ],
)
def test_a_person_at_a_firm_named_with_a_comma_is_the_speaker(text: str, speaker: str) -> None:
    assert _speakers(text) == [speaker]


def test_a_firm_named_x_and_co_is_named_whole() -> None:
    assert _speakers('Harbor Upham and Co said on Monday "the deal is done."') == [
        "Harbor Upham and Co"
    ]


def test_an_analyst_at_a_firm_of_several_names_is_the_speaker() -> None:
    text = (
        "Dana Whitcombe, analyst at Jonsby Barney, Harbor Upham and Co said the deal "
        '"will help production."'
    )
    assert _speakers(text) == ["Dana Whitcombe"]


def test_a_role_first_given_to_someone_unnamed_after_but_stays_unnamed() -> None:
    text = (
        "Governor Quillon will plead his case in a televised address next week. But one top "
        "Republican strategist warned against expecting a turnaround. \u201cThe office has to "
        "avoid building expectations,\u201d said the strategist, who requested anonymity."
    )
    assert _speakers(text) == [None]


@pytest.mark.parametrize("modifier", ["Australian", "Harbor Trust"])
def test_a_subject_that_is_a_thing_named_after_a_place_or_body_is_no_speaker(
    modifier: str,
) -> None:
    text = (
        f"The recent {modifier} proposals were a good start for talks, \u201cbut we do not "
        "want them to feel alone.\u201d"
    )
    assert _speakers(text) == [None]


def test_a_body_opening_a_sentence_with_the_is_named_as_elsewhere() -> None:
    text = (
        "Foreign buying rose in January, the Quillbank said.  The Quillbank said purchases "
        "of bonds fell, calling them \u201cthe weakest in years.\u201d"
    )
    assert _speakers(text) == ["Quillbank"]


def test_the_object_of_a_lead_in_preposition_is_not_the_speaker() -> None:
    text = (
        "In a statement to the Harbor Ledger, her senior policy adviser, Jake Quillon, said: "
        "\u201cShe believes the pact matters.\u201d"
    )
    assert _speakers(text) == ["Jake Quillon"]


def test_according_to_a_person_and_her_role_is_still_that_person() -> None:
    text = (
        "The pact matters, according to Jane Quillon, the mayor, who called it "
        "\u201ca lifeline for the port.\u201d"
    )
    assert _speakers(text) == ["Jane Quillon"]


def test_the_subject_of_a_relative_clause_is_the_speaker() -> None:
    text = (
        "The candidate pivoted toward Dovia, a country that the previous nominee, Jane "
        "Quillon, called \u201cour top geopolitical foe.\u201d"
    )
    assert _speakers(text) == ["Jane Quillon"]


def test_a_relative_clause_without_a_subject_of_its_own_keeps_the_person() -> None:
    text = (
        "Tom Jonsby, the head of Harbor Watch, a group that has sued the city, said the "
        "records were \u201clong overdue.\u201d"
    )
    assert _speakers(text) == ["Tom Jonsby"]


@pytest.mark.parametrize(
    "text",
    [
        "A newly formed super PAC ran ads saying \u201cthe plan is dead.\u201d",
        "Quillon named his running mate on Friday. Quillon\u2019s potential VP then said "
        "\u201che encouraged me to run.\u201d",
    ],
)
def test_a_kind_of_body_or_an_office_alone_names_no_speaker(text: str) -> None:
    assert _speakers(text) == [None]


def test_a_member_for_a_place_is_the_person_not_the_place() -> None:
    text = 'Hazel Quillon spoke on Monday. "The threat is growing," the Dover MP said.'
    assert _speakers(text) == ["Hazel Quillon"]


def test_a_capitalised_office_of_a_place_with_the_holder_in_apposition() -> None:
    text = (
        "The Bishop of Dover, the Rt Rev Dr Tom Quillon, described the novel as a "
        "\u201cgreat thriller\u201d."
    )
    assert _speakers(text) == ["Tom Quillon"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            'Governor Hazel Quillon toured the plant. "Those are skilled workers," the Texan said.',
            "Hazel Quillon",
        ),
        ('Tom Jonsby won in four sets. "I felt tired," the Briton said.', "Tom Jonsby"),
        (
            'Hazel Quillon watched. "It was close," the Briton, Tom Jonsby, said afterwards.',
            "Tom Jonsby",
        ),
    ],
)
def test_one_of_a_people_is_a_described_person_never_a_name(text: str, speaker: str) -> None:
    assert _speakers(text) == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Tom Jonsby left. The Archbishop of York said: "I am pleased."', None),
        (
            'Jane Quillon, the Archbishop of York, spoke first. Tom Jonsby left. "I am '
            'pleased," the Archbishop of York said.',
            "Jane Quillon",
        ),
        (
            'Tom Jonsby spoke on Sunday. "What sort of model does it give?" the Labour MP for '
            "Leeds asked.",
            "Tom Jonsby",
        ),
        ('Tom Jonsby spoke in Leeds. "We need skills," the MEP said.', "Tom Jonsby"),
    ],
)
def test_a_role_at_a_place_is_never_the_place(text: str, speaker: str | None) -> None:
    assert _speakers(text) == [speaker]


def test_a_spokesman_for_a_body_named_like_a_place_is_still_the_body() -> None:
    text = '"We will fight the cuts," a spokesman for Unison said on Monday.'
    assert _speakers(text) == ["Unison"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"We are clear," the Institute for Fiscal Studies said.', "Institute for Fiscal Studies"),
        (
            'A spokeswoman for the Department for International Trade said: "We are clear."',
            "Department for International Trade",
        ),
        (
            'A Department for Work and Pensions spokesman said: "We are clear."',
            "Department for Work and Pensions",
        ),
    ],
)
def test_a_body_named_with_for_is_named_whole(text: str, speaker: str) -> None:
    assert _speakers(text) == [speaker]


def test_members_named_by_their_house_alone_are_unnamed() -> None:
    text = 'The select committee met. The MPs said they were "concerned" by the delay.'
    assert _speakers(text) == [None]


def test_people_a_capitalised_word_describes_are_the_subject_not_the_word() -> None:
    text = (
        "Church ministers are trying to stop the concert, saying they do not want his "
        '"vile lyrics" in their town.'
    )
    result = annotate(text)
    assert [(q.speaker.text, q.speaker_name) for q in result.quotes] == [("Church ministers", None)]
