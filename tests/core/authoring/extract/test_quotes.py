"""Quotations and their speakers, found over a whole article (``extract.quotes``)."""

from __future__ import annotations

from studyapp.core.authoring.extract.extraction import extract


def quotes(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in extract(text).quotes]


def test_quote_attribution() -> None:
    text = (
        "Title of the piece\n"
        "President Moon Jae-in took office in 2017. "
        "“We will talk,” Moon said. "
        "According to Prime Minister Ishiba Shigeru, “cooperation is essential.” "
        "He added that “trust matters”. "
        "The so-called “minor differences” remain. "
        "US President Donald Trump met South Korea’s new president Lee Jae-myung. "
        "There, the South Korean president emphasized “looking past minor differences.” "
        "Successive prime ministers have, after all, adopted the stance that “a crisis is near”."
    )
    assert quotes(text) == [
        ("We will talk", "Moon Jae-in"),
        ("cooperation is essential", "Ishiba Shigeru"),
        ("trust matters", "Ishiba Shigeru"),
        ("minor differences", None),
        ("looking past minor differences", "Lee Jae-myung"),
        ("a crisis is near", "Successive prime ministers"),
    ]
