"""Text made only of invisible characters is refused as empty, at its file:line:col."""

from __future__ import annotations

import pytest

from studyapp.core.base.problems import DeckLoadError
from studyapp.core.decks.loader import parse_deck
from studyapp.core.decks.textsafety import is_blank

INVISIBLE = [
    "\\u200b",
    "\\u200b\\u200d",
    "\\ufeff",
    "\\u00ad",
    "\\u2060\\u2063",
    "\\u3000\\u200c",
    "\\u3164",
]


def _problems(text: str) -> list[str]:
    with pytest.raises(DeckLoadError) as caught:
        parse_deck(text, "d.yaml")
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize("blank", INVISIBLE)
def test_a_prompt_answer_title_option_or_blank_of_invisible_characters_is_empty(
    blank: str,
) -> None:
    deck = (
        "id: d\n"
        f'title: "{blank}"\n'
        "entries:\n"
        "  - id: a\n"
        "    kind: qa\n"
        f'    prompt: "{blank}"\n'
        f'    answer: "{blank}"\n'
        "  - id: b\n"
        "    kind: choice\n"
        "    prompt: Pick\n"
        "    answer: x\n"
        f'    distractors: ["{blank}", y]\n'
        "  - id: c\n"
        "    kind: cloze\n"
        f'    text: "The {{{{{blank}}}}} blank"\n'
    )
    said = "only invisible characters: write the text"
    assert _problems(deck) == [
        f"d.yaml:2:8: title: {said}",
        f"d.yaml:6:13: entries[0].prompt: {said}",
        f"d.yaml:7:13: entries[0].answer: {said}",
        f"d.yaml:12:19: entries[1].distractors[0]: {said}",
        f"d.yaml:15:11: entries[2].text: a {{{{blank}}}} holds {said}",
    ]


@pytest.mark.parametrize(
    "text", ["Seoul", "\u200bSeoul", "e\u0301", "😀", "👩\u200d💻", "\u00a0x", "서울", "-"]
)
def test_text_with_something_visible_is_not_blank(text: str) -> None:
    assert not is_blank(text)


@pytest.mark.parametrize("text", ["", " ", "\t\n", "\u200b", "\ufeff \u00ad", "\u2800"])
def test_blank_text(text: str) -> None:
    assert is_blank(text)
