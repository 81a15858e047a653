"""Names with what describes the person: nationality, country, title, middle initial.

"South Korean President Lee", "US President Trump", "President Moon Jae-in of
South Korea", "Donald J. Trump" and "Japanese PMs" name the answer; the same
words around another person's name name that person, and a country other than
the answer's own is not the answer.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studyapp.core.quiz.answers.names import check_name, name_core
from studyapp.core.quiz.answers.verdict import Outcome
from tests.core.quiz.answers.article import LEE, MOON, C, H, W

LEE_JM = ("Lee Jae-myung", *LEE)
MOON_JI = ("Moon Jae-in", *MOON)
TRUMP = ("Donald Trump", "Trump", "President Trump", "US President Donald Trump")
YOON = ("Yoon Suk Yeol", "President Yoon")
PMS = (
    "successive Japanese prime ministers",
    "successive prime ministers",
    "Japanese prime ministers",
)
PEOPLE = {"lee": LEE_JM, "moon": MOON_JI, "trump": TRUMP, "yoon": YOON, "pms": PMS}


def _check(answer: str, who: str) -> Outcome:
    name, *aliases = PEOPLE[who]
    others = [forms for key, forms in PEOPLE.items() if key != who]
    return check_name(answer, name, aliases, rival_people=others).outcome


CASES = [
    ("South Korean President Lee", "lee", C),
    ("South Korean President Lee Jae-myung", "lee", C),
    ("President Lee Jae-myung of South Korea", "lee", C),
    ("President Lee of the Republic of Korea", "lee", C),
    ("Korean President Lee", "lee", C),
    ("former South Korean President Moon", "moon", C),
    ("President Moon Jae-in of South Korea", "moon", C),
    ("US President Trump", "trump", C),
    ("U.S. President Donald Trump", "trump", C),
    ("American President Trump", "trump", C),
    ("Donald J. Trump", "trump", C),
    ("President Donald J. Trump", "trump", C),
    ("Japanese PMs", "pms", C),
    ("Japanese prime ministers", "pms", C),
    ("successive Japanese PMs", "pms", C),
    # already right, and still
    ("President Donald Trump", "trump", C),
    ("Mr. Lee", "lee", C),
    ("Jae-myung Lee", "lee", C),
    # another person with the same descriptors is wrong
    ("South Korean President Moon", "lee", W),
    ("President Moon Jae-in of South Korea", "lee", W),
    ("US President Lee", "trump", W),
    ("South Korean President Yoon", "lee", W),
    ("Donald J. Lee", "trump", W),
    # another country than the answer's own
    ("Korean PMs", "pms", W),
    ("Chinese prime ministers", "pms", W),
    ("South Korean President Trump", "trump", W),
    # a typo stays a typo
    ("South Korean President Lee Jae-myng", "lee", H),
]


@pytest.mark.parametrize(("answer", "who", "expected"), CASES)
def test_descriptors_do_not_count_against_a_name(answer: str, who: str, expected: Outcome) -> None:
    assert _check(answer, who) is expected, answer


def test_a_rival_with_descriptors_is_named_in_the_reason() -> None:
    verdict = check_name(
        "South Korean President Moon", "Lee Jae-myung", LEE, rival_people=[MOON_JI]
    )
    assert verdict.outcome is W and "Moon Jae-in" in verdict.reason


@pytest.mark.parametrize(
    ("text", "core", "countries"),
    [
        ("South Korean President Lee", ("lee",), {"KR"}),
        ("President Moon Jae-in of South Korea", ("moon", "jaein"), {"KR"}),
        ("US President Trump", ("trump",), {"US"}),
        ("Donald J. Trump", ("donald", "trump"), set()),
        ("Michael Jordan", ("michael", "jordan"), set()),  # a country only as a descriptor
        ("Jordan", ("jordan",), set()),
    ],
)
def test_name_core(text: str, core: tuple[str, ...], countries: set[str]) -> None:
    assert name_core(text) == (core, frozenset(countries))


_TITLES = ["", "President ", "Mr. ", "former President ", "Prime Minister ", "Dr. "]
_DESCRIPTORS = ["", "South Korean ", "US ", "Japanese ", "American "]
_OF = ["", " of South Korea", " of the United States", " from Japan"]


@given(
    title=st.sampled_from(_TITLES),
    descriptor=st.sampled_from(_DESCRIPTORS),
    of=st.sampled_from(_OF),
    rival=st.sampled_from(["moon", "yoon", "trump"]),
    full=st.booleans(),
)
@settings(max_examples=300, deadline=None)
def test_a_rivals_name_with_any_title_stays_wrong(
    title: str, descriptor: str, of: str, rival: str, full: bool
) -> None:
    name = PEOPLE[rival][0] if full else PEOPLE[rival][0].split()[-1 if rival == "trump" else 0]
    typed = f"{descriptor}{title}{name}{of}".strip()
    if descriptor and not title:
        typed = f"{descriptor}President {name}{of}"
    assert _check(typed, "lee") is W, typed


@given(
    title=st.sampled_from(["President ", "Mr. ", "former President "]),
    descriptor=st.sampled_from(["", "South Korean ", "Korean "]),
    of=st.sampled_from(["", " of South Korea", " of the Republic of Korea"]),
    form=st.sampled_from(["Lee", "Lee Jae-myung", "Jae-myung Lee", "Lee Jae Myung"]),
)
@settings(max_examples=150, deadline=None)
def test_the_answers_name_with_its_descriptors_is_right(
    title: str, descriptor: str, of: str, form: str
) -> None:
    typed = f"{descriptor}{title}{form}{of}"
    assert _check(typed, "lee") is C, typed
