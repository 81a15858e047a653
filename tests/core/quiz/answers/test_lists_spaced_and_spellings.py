"""QA's fair answers: a list typed with spaces only, a place missing its qualifier in a
list ("Korea"), and a name in another romanisation ("Lee Jae Myeong")."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studyapp.core.decks.loader import load_deck
from studyapp.core.quiz.answers.keyindex import AnswerKeyIndex, answer_key
from studyapp.core.quiz.answers.lists import check_list
from studyapp.core.quiz.answers.names import check_name
from studyapp.core.quiz.answers.spacedlist import spaced_members
from studyapp.core.quiz.answers.verdict import Outcome, Verdict

C, H, W = Outcome.CORRECT, Outcome.CLOSE, Outcome.WRONG

LISTS: list[tuple[str, ...]] = [
    ("Japan", "South Korea", "Australia", "New Zealand"),
    ("France", "Germany", "the United Kingdom"),
    ("New York", "New Jersey", "Connecticut"),
    ("mitochondria", "ribosomes", "lysosomes"),
    ("Trinidad and Tobago", "Antigua and Barbuda", "Cuba"),
    ("regional security", "global stability"),
    ("Papua New Guinea", "Guinea", "New Zealand"),
]


def _answer(members: tuple[str, ...]) -> str:
    return ", ".join(members[:-1]) + " and " + members[-1]


def _check(given: str, members: tuple[str, ...], rivals: tuple[str, ...] = ()) -> Verdict:
    return check_list(given, _answer(members), members, rivals=rivals)


# ------------------------------------------------------------ spaces only


@pytest.mark.parametrize("members", LISTS)
def test_a_list_typed_with_spaces_only_is_right(members: tuple[str, ...]) -> None:
    assert _check(" ".join(members).lower(), members).outcome is C


@settings(max_examples=120, deadline=None)
@given(data=st.data())
def test_any_permutation_joined_by_spaces_is_right(data: st.DataObject) -> None:
    members = data.draw(st.sampled_from(LISTS))
    order = data.draw(st.permutations(members))
    verdict = _check(" ".join(order), members)
    assert verdict.outcome is C, verdict.reason
    expected_note = "" if list(order) == list(members) else "the order does not matter"
    assert verdict.note == expected_note


@settings(max_examples=120, deadline=None)
@given(data=st.data())
def test_dropping_one_member_is_never_right(data: st.DataObject) -> None:
    members = data.draw(st.sampled_from(LISTS))
    order = list(data.draw(st.permutations(members)))
    dropped = order.pop(data.draw(st.integers(0, len(order) - 1)))
    joiner = data.draw(st.sampled_from([" ", " ", ", ", " and "]))
    verdict = _check(joiner.join(order), members)
    assert verdict.outcome is not C
    if joiner == " " and len(order) >= 2:
        assert verdict.outcome is W
        assert f"missing '{dropped}'" in verdict.note


def test_mixed_commas_and_spaces_are_read_as_the_members() -> None:
    members = LISTS[0]
    assert _check("japan, south korea australia new zealand", members).outcome is C
    assert _check("new zealand japan the south korea australia", members).outcome is C


def test_a_typo_in_a_spaced_list_stays_close() -> None:
    verdict = _check("japan south korea austrlia new zealand", LISTS[0])
    assert verdict.outcome is H
    assert verdict.note.startswith("typo")


def test_a_spaced_list_with_a_member_only_nearly_named_reads_as_with_commas() -> None:
    """A walk-through typed "japan korea australia nz": it was judged wrong with "'japan
    korea australia nz' is not in the list; missing 'Japan', ..." though Japan and
    Australia were typed. Runs that name a member nearly (a place without its
    qualifier, a typo within the member's words) cut the words too, when that is the one
    reading, and are judged as the commas version is."""
    members = LISTS[0]
    spaced = _check("japan korea australia nz", members)
    commas = _check("japan, korea, australia, nz", members)
    assert spaced.outcome is H and spaced.note == commas.note
    assert spaced.note == "incomplete: 'korea' for 'South Korea'"
    assert _check("zealand japan australia korea", members).outcome is H
    two = _check("japan korea", members)
    assert two.outcome is W and two.note == "2 of 4: missing 'Australia' and 'New Zealand'"
    # a typo never takes in a word more ("australia nz" is no typo of Australia)
    assert _check("japan south korea austrlia nz", members).note.startswith("typo")


def test_a_word_too_many_in_a_spaced_list_is_not_right() -> None:
    assert _check("japan south korea australia new zealand china", LISTS[0]).outcome is W
    assert _check("japan south korea australia new zealand an", LISTS[0]).outcome is not C


def test_a_mistyped_and_is_not_an_article() -> None:
    """ "an" before a member is as likely a mistyped "and": the old reading (a typo) stands."""
    verdict = _check("regional security an global stability", LISTS[5])
    assert verdict.outcome is H


def test_two_readings_give_none() -> None:
    """Members that are words of each other: "new zealand" is New Zealand, or New and
    Zealand; the words are not read as a list at all."""
    members = ["New Zealand", "Zealand", "New"]
    assert spaced_members("new zealand", members) is None
    assert (
        spaced_members("new york new jersey", ["New York", "York", "New Jersey", "Jersey", "New"])
        is None
    )
    # the same members either way is one reading
    assert sorted(spaced_members("new zealand new zealand", members) or []) == [
        "new",
        "new zealand",
        "zealand",
    ]


def test_one_member_is_not_a_list() -> None:
    assert spaced_members("new zealand", ["New Zealand", "Japan"]) is None
    assert spaced_members("japan", ["New Zealand", "Japan"]) is None


def test_accepted_forms_of_a_member_split_too() -> None:
    members = ("the United States", "China")
    verdict = check_list(
        "china us", "The United States and China", members, accept=["US and China"]
    )
    assert verdict.outcome is C
    assert check_list("usa china", "The United States and China", members).outcome is C
    # another way to write a member is asked only when the exact words give no reading
    assert check_list("china chna", "The United States and China", members).outcome is not C


# ------------------------------------------------------------ a place without its qualifier


@pytest.mark.parametrize(
    ("given_text", "members", "part", "member"),
    [
        ("Japan, Korea, Australia and New Zealand", LISTS[0], "Korea", "South Korea"),
        ("Japan, South Korea, Australia, Zealand", LISTS[0], "Zealand", "New Zealand"),
        ("France, Germany and Kingdom", LISTS[1], "Kingdom", "the United Kingdom"),
        ("Papua New Guinea, Guinea and Zealand", LISTS[6], "Zealand", "New Zealand"),
    ],
)
def test_a_place_without_its_qualifier_is_close_and_says_so(
    given_text: str, members: tuple[str, ...], part: str, member: str
) -> None:
    verdict = _check(given_text, members)
    assert verdict.outcome is H
    assert verdict.note == f"incomplete: '{part}' for '{member}'"


@pytest.mark.parametrize(
    ("given_text", "members", "rivals"),
    [
        # a real place of its own
        ("New York, Jersey and Connecticut", LISTS[2], ()),
        ("Victoria, Wales and Queensland", ("Victoria", "New South Wales", "Queensland"), ()),
        # which Korea? both are members
        ("Japan, Korea and North Korea", ("Japan", "South Korea", "North Korea"), ()),
        # "Korea" is an answer of the deck in its own right
        ("Japan, Korea, Australia and New Zealand", LISTS[0], ("Korea",)),
        # a qualifier is not the place
        ("Japan, South, Australia and New Zealand", LISTS[0], ()),
    ],
)
def test_a_place_part_gets_no_credit_when_it_names_another_or_either(
    given_text: str, members: tuple[str, ...], rivals: tuple[str, ...]
) -> None:
    assert _check(given_text, members, rivals).outcome is W


def test_part_of_a_term_in_a_list_says_incomplete_not_typo() -> None:
    members = ("Camp David Principles", "Treaty on Basic Relations", "GSOMIA")
    verdict = _check("Camp David Principles, Treaty on Basic Relations and GSOMIA", members)
    assert verdict.outcome is C
    near = _check("Treaty on Basic Relations, GSOMIA, Camp David", members)
    assert near.outcome is H
    assert near.note == "incomplete: 'Camp David' for 'Camp David Principles'"


# ------------------------------------------------------------ names in another romanisation


@pytest.mark.parametrize(
    ("given_name", "name"),
    [
        ("Lee Jae Myeong", "Lee Jae-myung"),
        ("Lee Jae-myeong", "Lee Jae-myung"),
        ("Yi Jae-myung", "Lee Jae-myung"),
        ("Rhee Jae-myung", "Lee Jae-myung"),
        ("Mun Jae-in", "Moon Jae-in"),
        ("Bak Geun-hye", "Park Geun-hye"),
        ("Gim Dae-jung", "Kim Dae-jung"),
        ("Yoon Seok-yeol", "Yoon Suk-yeol"),
    ],
)
def test_another_romanisation_is_another_spelling_not_a_typo(given_name: str, name: str) -> None:
    verdict = check_name(given_name, name)
    assert verdict.outcome is H
    assert verdict.note == "another spelling of the name"


@pytest.mark.parametrize(
    ("given_name", "name"),
    [
        ("Lee Jae-myeng", "Lee Jae-myung"),
        ("Moon Jea-in", "Moon Jae-in"),
        ("Kim Dea-jung", "Kim Dae-jung"),
    ],
)
def test_a_slip_of_the_keys_is_still_a_typo(given_name: str, name: str) -> None:
    verdict = check_name(given_name, name)
    assert verdict.outcome is H
    assert verdict.note == f"typo: you wrote '{given_name}'"


def test_a_spelling_a_rival_shares_is_not_credited_as_another_spelling() -> None:
    verdict = check_name("Lee Jae Myeong", "Lee Jae-myung", rival_people=[["Lee Jae-myong"]])
    assert verdict.outcome is W


# ------------------------------------------------------------ the bundled deck, end to end

BUNDLED = Path(__file__).parents[4] / "decks" / "lee-pragmatic-diplomacy.yaml"


@pytest.fixture(scope="module")
def bundled() -> AnswerKeyIndex:
    return AnswerKeyIndex(load_deck(BUNDLED))


@pytest.mark.parametrize(
    ("entry_id", "typed", "outcome", "note"),
    [
        ("qa-ip4-members", "japan south korea australia new zealand", C, ""),
        (
            "qa-ip4-members",
            "Japan, Korea, Australia and New Zealand",
            H,
            "incomplete: 'Korea' for 'South Korea'",
        ),
        ("qa-ip4-members", "japan south korea australia", W, "3 of 4: missing 'New Zealand'"),
        ("quote-lee-consistent-approach", "Lee Jae Myeong", H, "another spelling of the name"),
    ],
)
def test_qa_cases_on_the_bundled_deck(
    bundled: AnswerKeyIndex, entry_id: str, typed: str, outcome: Outcome, note: str
) -> None:
    entry = next(e for e in bundled.deck.entries if e.id == entry_id)
    verdict = answer_key(entry, None, deck=bundled.deck, index=bundled).check(typed)
    assert (verdict.outcome, verdict.note) == (outcome, note)
