"""The comparison form of text, and how many typos an answer may have."""

from __future__ import annotations

import pytest

from studyapp.core.quiz.answers.normalise import fold, max_typos


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("Abe Shinzō", "abe shinzo"),
        ("  Lee   Jae-myung ", "lee jae myung"),
        ("“pacta sunt servanda”", "pacta sunt servanda"),
        ("Japan–South Korea", "japan south korea"),
        ("Lee’s", "lees"),
        ("55.5%", "55.5%"),
        ("ＦＵＬＬＷＩＤＴＨ", "fullwidth"),
        ("Straße", "strasse"),
        ("Zürich & Genève", "zurich and geneve"),
        ("이재명", "이재명"),
        ("がか", "がか"),
    ],
)
def test_fold(raw: str, folded: str) -> None:
    assert fold(raw) == folded


def test_max_typos_grows_with_length() -> None:
    assert [max_typos(n) for n in (3, 4, 6, 10, 30, 100)] == [0, 1, 2, 3, 5, 5]
