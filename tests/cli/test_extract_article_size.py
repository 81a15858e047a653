"""``studyapp extract``: an article has its own size limit and message, not a deck's."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from studyapp.cli import main
from studyapp.cli.tools import ARTICLE_MAX_BYTES


def test_an_article_over_its_limit_is_refused_with_the_article_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    article = tmp_path / "book.txt"
    with article.open("wb") as f:
        f.truncate(int(4.6 * 1024 * 1024))  # (sparse: never read)
    assert main(["extract", "book.txt", "-o", "draft.yaml"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("book.txt: the article is 4.6 MB; extract reads articles of up to 4 MB")
    assert "Split it into parts" in out
    assert "decks are capped" not in out
    assert not (tmp_path / "draft.yaml").exists()


def test_an_article_over_the_deck_cap_but_under_its_own_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("STUDYAPP_MAX_DECK_MB", raising=False)
    article = tmp_path / "long.txt"
    body = "On June 3, 2025, the council approved 28,500 new homes.\n"
    padding = "\n" * (2 * 1024 * 1024 + 4096)  # over the 2 MB deck cap, quick to read
    article.write_text(body + padding + body.replace("28,500", "31,200"), encoding="utf-8")
    assert 2 * 1024 * 1024 < os.path.getsize(article) < ARTICLE_MAX_BYTES
    assert main(["extract", "long.txt", "-o", "draft.yaml"]) == 0
    assert "wrote draft.yaml" in capsys.readouterr().out
