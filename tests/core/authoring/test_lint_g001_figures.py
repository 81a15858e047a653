"""G001 on figures: which numbers in a question give its value away, and the message's words."""

from __future__ import annotations

import pytest

from studyapp.core.authoring.lint.runner import lint_text


def figure(prompt: str, value: str, *extra: str, measure: str = "Number of minutes") -> str:
    lines = "".join(f"    {line}\n" for line in extra)
    return (
        "id: t\ntitle: T\nentries:\n  - id: f\n    kind: figure\n"
        f"    prompt: {prompt!r}\n    measure: {measure!r}\n    value: {value}\n{lines}"
        "    source: s\n"
    )


def g001(text: str) -> list[str]:
    return [f.message for f in lint_text(text, "d.yaml").findings if f.rule == "G001"]


@pytest.mark.parametrize(
    "prompt",
    [
        "Just ____ minutes in the second half, Mertens scored",
        "Just ____ minutes into the 2nd half, Mertens scored",
        "For a second, after ____ minutes, the crowd went silent",
        "Which team scored in the second half after ____ minutes?",
    ],
)
def test_an_ordinal_is_no_giveaway_of_a_count(prompt: str) -> None:
    assert g001(figure(prompt, "2", "unit: minutes", "accept: [two]")) == []


@pytest.mark.parametrize(
    ("prompt", "shown"),
    [
        ("Only two minutes in, how many minutes had passed?", "two"),
        ("Within 2 minutes of the second half, how long?", "2"),
        ("He scored twice in ____ minutes", "twice"),
    ],
)
def test_a_cardinal_still_gives_a_count_away(prompt: str, shown: str) -> None:
    [message] = g001(figure(prompt, "2", "unit: minutes"))
    assert f"shows the value it asks for: {shown!r} in " in message


@pytest.mark.parametrize(
    ("prompt", "extra", "measure", "shown"),
    [
        ("In the second half, in which half?", (), "Which half", "second"),
        ("Mertens scored in the 2nd half; in which half?", (), "Which half", "2nd"),
        ("He came second; in what place?", (), "Place of Mertens", "second"),
        ("Mertens scored in the second half; what half?", ("accept: [second]",), "Half", "second"),
    ],
)
def test_an_ordinal_gives_a_rank_away(
    prompt: str, extra: tuple[str, ...], measure: str, shown: str
) -> None:
    [message] = g001(figure(prompt, "2", *extra, measure=measure))
    assert f"{shown!r} in " in message


def test_the_message_quotes_the_words_that_gave_it_away() -> None:
    prompt = "In the match on Sunday the Belgians scored two goals in the first ten minutes of it"
    [message] = g001(figure(prompt, "2", "unit: goals"))
    assert message == (
        "the question shows the value it asks for: 'two' in '... the Belgians scored two goals "
        "in the ...'; reword it"
    )


def test_the_quoted_words_keep_what_touches_the_number() -> None:
    [message] = g001(figure("Share (55.5%) who agreed", "55.5", "unit: '%'"))
    assert "'55.5' in 'Share (55.5%) who agreed'" in message
