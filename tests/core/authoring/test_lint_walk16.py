"""What session 16's walk-through met in `lint` of a fresh draft."""

from __future__ import annotations

from studyapp.core.authoring.extract.draft import draft_deck
from studyapp.core.authoring.extract.extraction import extract
from tests.core.authoring.test_lint import deck, rules


def test_a_spokesperson_is_not_the_body_it_speaks_for() -> None:
    text = deck(
        "  - {id: a, kind: quote, quote: One thing, speaker: Acme, source: One thing}\n"
        "  - {id: b, kind: quote, quote: Two things, speaker: Acme spokesperson,"
        " source: Two things}\n"
        "  - {id: c, kind: quote, quote: Three, speaker: Toyota officials, source: Three}\n"
        "  - {id: d, kind: quote, quote: Four, speaker: Toyota, source: Four}\n"
        "  - {id: e, kind: quote, quote: Five, speaker: President Obama, source: Five}\n"
        "  - {id: f, kind: quote, quote: Six, speaker: Obama, source: Six}\n"
    )
    found = [(r, p) for r, _l, _c, p in rules(text)]
    assert found == [("N001", "entries[5].speaker")]  # (a title before a name is the person)


def test_a_drafted_quote_never_shows_its_speakers_acronym_in_another_case() -> None:
    found = extract(
        "Contracts\n\nIn July 2030, DOD announced that it had awarded contracts worth $90 "
        'million each "to speed up DoD adoption of new tools."\n'
    )
    quotes = [e for e in draft_deck(found, deck_id="d").entries if e.kind == "quote"]
    assert quotes
    assert all("DoD" not in e.quote for e in quotes)  # type: ignore[union-attr]
