"""Splitting an article into sentences (``extract.sentences``)."""

from __future__ import annotations

from studyapp.core.authoring.extract.sentences import sentences


def test_sentences_never_split_inside_quotations() -> None:
    text = 'He said “No. Never.” Then he left. Mr. Kim said "Yes. Always." U.S. ties grew.\n'
    assert [s.text for s in sentences(text)] == [
        "He said “No. Never.”",
        "Then he left.",
        'Mr. Kim said "Yes. Always."',
        "U.S. ties grew.",
    ]
