"""Leaks: one entry's explanation or source giving another entry's answer away."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from studyapp.core.decks.cache import DeckCache
from studyapp.core.decks.cards import cards_for_deck
from studyapp.core.decks.discovery import bundled_decks_dir, discover
from studyapp.core.decks.giveaway import (
    _DATES_READ,
    _NUMBER,
    _SEPARATORS,
    _WORD,
    _date_key,
    _date_keys,
    _date_mentions,
    _distinctive,
    _fold_word,
    _phrase,
    _span,
    _Takers,
    _unit_follows,
    concerns,
    key_words,
    naming_words,
    question_text,
    question_words,
    words_of,
)
from studyapp.core.decks.leaks import (
    TEXT_FIELDS,
    Leak,
    asked_words,
    find_leaks,
    leak_partners,
    shown,
)
from studyapp.core.decks.loader import parse_deck
from studyapp.core.decks.model import (
    CLOZE_BLANK,
    AnyEntry,
    ChoiceEntry,
    ClozeEntry,
    DateEntry,
    Deck,
    FigureEntry,
    QaEntry,
    QuoteEntry,
)


def deck(*entries: dict[str, Any]) -> Deck:
    return Deck.model_validate({"id": "d", "title": "D", "entries": list(entries)})


def date(entry_id: str, event: str, when: str, **kw: Any) -> dict[str, Any]:
    return {"id": entry_id, "kind": "date", "event": event, "date": when, **kw}


def test_a_date_leaks_at_its_precision() -> None:
    camp = date("camp", "The Camp David Principles are adopted at the Camp David summit", "2023-08")
    other = date(
        "alliance",
        "The leaders announce the global alliance",
        "2023-04",
        explanation="Months later came the Camp David summit (August 2023).",
    )
    vague = date(
        "vague", "A meeting", "2024", explanation="The Camp David summit was in 2023, in summer."
    )
    found = find_leaks(deck(camp, other, vague).entries)
    assert found == [Leak("alliance", "explanation", "camp", "August 2023")]  # "2023" is coarser


def test_a_day_leaks_with_or_without_its_year() -> None:
    elected = date("elected", "Lee Jae-myung is elected President", "2025-06-03")
    for text in ("Lee was elected President on June 3.", "Lee was elected President 3 June 2025."):
        calls = date("calls", "Calls to world leaders", "2025-06-09", source=text)
        (leak,) = find_leaks(deck(elected, calls).entries)
        assert (leak.giver, leak.taker) == ("calls", "elected")
    wrong = date("calls", "Calls", "2025-06-09", source="Lee was elected President on June 4.")
    assert find_leaks(deck(elected, wrong).entries) == []


def test_a_figure_leaks_with_its_unit() -> None:
    history = {
        "id": "history",
        "kind": "figure",
        "measure": "Share of progressives who chose history issues (EAI survey)",
        "value": 56.2,
        "unit": "%",
    }
    coop = {
        "id": "coop",
        "kind": "figure",
        "measure": "Share of progressives who chose cooperation (EAI survey)",
        "value": 26.8,
        "unit": "%",
        "explanation": "Progressives: 56.2% history issues, 26.8% cooperation (EAI survey).",
    }
    assert find_leaks(deck(history, coop).entries) == [
        Leak("coop", "explanation", "history", "56.2%")
    ]
    plain = {**coop, "explanation": "Progressives chose history issues 56.2 times (EAI survey)."}
    assert find_leaks(deck(history, plain).entries) == []  # the number, not the share


def test_a_speaker_leaks_with_the_quotation() -> None:
    quote = {
        "id": "q",
        "kind": "quote",
        "quote": "balanced diplomacy",
        "speaker": "Moon Jae-in",
        "speaker_aliases": ["Moon"],
    }
    giver = {
        "id": "g",
        "kind": "qa",
        "prompt": "What did the progressive president pursue?",
        "answer": "Balance",
        "source": "Moon called it “balanced diplomacy”.",
    }
    assert find_leaks(deck(quote, giver).entries) == [Leak("g", "source", "q", "Moon")]
    asked_what = {**quote, "variants": ["what"]}  # only "what did Moon say?": no who card
    assert find_leaks(deck(asked_what, giver).entries) == []


def test_an_answer_that_is_the_topic_of_the_deck_is_not_a_leak() -> None:
    """ "Japan" in every source says nothing about the card that asks for "Japan"."""
    origin = {
        "id": "origin",
        "kind": "choice",
        "prompt": "Which country first proposed the Free and Open Indo-Pacific?",
        "answer": "Japan",
        "distractors": ["Korea"],
    }
    others = [
        {
            "id": f"e{i}",
            "kind": "qa",
            "prompt": f"Question {i}?",
            "answer": f"Answer {i}",
            "source": f"Japan and Korea signed agreement number {i}.",
        }
        for i in range(6)
    ]
    assert find_leaks(deck(origin, *others).entries) == []
    naming = {**others[0], "id": "naming", "source": "Japan first proposed the Indo-Pacific idea."}
    assert [x.giver for x in find_leaks(deck(origin, naming, *others[1:]).entries)] == ["naming"]


def test_partners_are_symmetric_and_an_entry_never_leaks_to_itself() -> None:
    kan = date("kan", "Kan Naoto issues a statement", "2010", source="Kan Naoto spoke in 2010.")
    murayama = date(
        "murayama", "Murayama's statement", "1995", explanation="Kan Naoto's statement (2010)."
    )
    entries = deck(murayama, kan).entries
    assert leak_partners(entries) == {"murayama": ("kan",), "kan": ("murayama",)}


def test_cards_from_the_cache_keep_their_leak_partners(tmp_path: Path) -> None:
    folder = bundled_decks_dir()
    assert folder is not None
    cache = DeckCache(tmp_path / "cache")
    (cold,) = discover([str(folder)], cache=cache).decks
    (warm,) = discover([str(folder)], cache=cache).decks
    made = cards_for_deck(cold.deck)
    assert any(c.spaced for c in made)
    assert [c.spaced for c in warm.cards()] == [c.spaced for c in made]
    assert not warm.is_read  # the relation came with the index, not from the entries


# ------------------------------------------------------------- in a question


def _survey(n: int, prompt: str) -> dict[str, Any]:
    return {
        "id": f"share{n}",
        "kind": "figure",
        "measure": f"Survey share {n}",
        "prompt": prompt,
        "value": 10 + n,
        "unit": "%",
    }


def test_a_question_printing_a_date_gives_it_away_even_on_the_decks_topic() -> None:
    """The bundled deck's case: a dozen survey prompts print the survey's month, though
    "survey" is the deck's topic (in most entries) and so no entry's own subject."""
    when = date(
        "when",
        "The East Asia Institute conducts its survey",
        "2025-01",
        prompt="When did the East Asia Institute conduct its survey?",
    )
    shares = [
        _survey(n, f"In the East Asia Institute's January 2025 survey, what share chose {n}?")
        for n in range(12)
    ]
    found = find_leaks(deck(when, *shares).entries)
    assert {(x.giver, x.field, x.taker, x.answer) for x in found} == {
        (f"share{n}", "prompt", "when", "January 2025") for n in range(12)
    }
    assert all(x.in_question for x in found)
    # The same month in a question about something else gives nothing away.
    other = {
        **_survey(99, "In January 2025, what share of the budget went to defence?"),
        "measure": "Defence share of the budget",
    }
    assert find_leaks(deck(when, other).entries) == []


def test_an_option_gives_an_answer_away_only_where_it_names_what_it_answers() -> None:
    """A bare "June 9" among the options (a distractor is another entry's answer by
    design) gives nothing away; "Lee's introductory call to Ishiba, June 9" does."""
    calls = date(
        "calls",
        "Lee makes his introductory call to Ishiba",
        "2025-06-09",
        prompt="When did Lee make his introductory call to Ishiba?",
    )
    choice = {
        "id": "pick",
        "kind": "choice",
        "prompt": "When did Lee and Ishiba first meet in person?",
        "answer": "June 17",
        "distractors": ["June 9", "June 3"],
    }
    order = {
        "id": "order",
        "kind": "order",
        "prompt": "Put in order Lee's first contacts with Japan",
        "events": ["Lee is elected", "Lee's introductory call to Ishiba, June 9"],
    }
    found = find_leaks(deck(calls, choice, order).entries)
    assert [(x.giver, x.field, x.item, x.taker) for x in found] == [("order", "events", 1, "calls")]


def test_a_cloze_hides_its_own_blank_but_not_another_entrys_answer() -> None:
    alliance = {
        "id": "name",
        "kind": "qa",
        "prompt": "What is the four-country grouping of NATO's partners in Asia called?",
        "answer": "Indo-Pacific Partners",
    }
    cloze = {
        "id": "cl",
        "kind": "cloze",
        "text": "The leaders of NATO's Indo-Pacific Partners met at the {{Hague}} summit.",
    }
    own = {
        **cloze,
        "id": "own",
        "text": "NATO's grouping in Asia is the {{Indo-Pacific Partners}}.",
    }
    assert [(x.giver, x.field, x.taker) for x in find_leaks(deck(alliance, cloze).entries)] == [
        ("cl", "text", "name")
    ]
    assert find_leaks(deck(alliance, own).entries) == []


# ------------------------------------------------------- the index, at scale
#
# The index (``giveaway.AnswerIndex``) passes over answers a text holds whose cards it
# is not about, a set operation each, instead of checking every entry with that answer.
# What it finds must be exactly what the rule finds read plainly: every text against
# every entry's answer, in the order the rule lists them (dates, figures, answers'
# words by length and place, quotations), as the first implementation did.


def _reference_leaks(entries: list[AnyEntry]) -> list[Leak]:
    """The leak rule without an index: each text against every entry, in deck order."""
    notes = {e.id: [(f, None, t) for f in TEXT_FIELDS if (t := getattr(e, f))] for e in entries}
    asks = question_words(entries)
    about = {e.id: key_words(words_of(question_text(e))) for e in entries}
    counts: dict[str, int] = {}
    for e in entries:
        for w in about[e.id].union(*(key_words(words_of(t)) for _f, _i, t in notes[e.id])):
            counts[w] = counts.get(w, 0) + 1
    limit = max(4, int(len(entries) * 0.1))
    subject = {k: frozenset(w for w in v if counts[w] <= limit) for k, v in about.items()}
    phrases: list[tuple[tuple[str, ...], str]] = []
    for e in entries:
        answers = [e.answer] if isinstance(e, QaEntry | ChoiceEntry) else []
        answers += CLOZE_BLANK.findall(e.text) if isinstance(e, ClozeEntry) else []
        phrases += [(p, e.id) for a in answers if len("".join(p := _phrase(a))) >= 4]
    lengths = list(dict.fromkeys(len(p) for p, _ in phrases))

    def hits(text: str, words: list[str]) -> Iterator[tuple[str, str, bool, Any]]:
        """(taker, as written, exact, the index's key for it: None for a quotation)."""
        for found, written in _date_mentions(text):
            for key in _date_keys(found):
                for e in entries:
                    if not isinstance(e, DateEntry) or (e.variants and "when" not in e.variants):
                        continue
                    if key in _date_key(e):
                        yield e.id, written, key[1] is not None, ("date", key)
        for m in _NUMBER.finditer(text):
            value = Decimal(m.group().replace(",", "")).normalize()
            for e in entries:
                if isinstance(e, FigureEntry) and Decimal(str(e.value)).normalize() == value:
                    if e.unit is None and not _distinctive(Decimal(str(e.value))):
                        continue
                    end = _unit_follows(text, m.end(), e.unit)
                    if end is not None:
                        group = ("figure", value, e.unit)
                        yield e.id, text[m.start() : end], e.unit is not None, group
        for size in lengths:
            for i in range(len(words) - size + 1):
                for phrase, entry_id in phrases:
                    if phrase == tuple(words[i : i + size]):
                        yield entry_id, _span(text, i, size), False, ("phrase", phrase)
        folded = f" {' '.join(words)} "
        for e in entries:
            if not isinstance(e, QuoteEntry) or (e.variants and "who" not in e.variants):
                continue
            parts = [p for p in map(_phrase, re.split(r"…|\.\.\.", e.quote)) if p]
            if not parts or not all(f" {' '.join(p)} " in folded for p in parts):
                continue
            names = [n for n in map(_phrase, (e.speaker, *e.speaker_aliases)) if n]
            name = next((n for n in names if f" {' '.join(n)} " in folded), None)
            if name is not None:
                at = next(i for i in range(len(words)) if tuple(words[i : i + len(name)]) == name)
                yield e.id, _span(text, at, len(name)), False, None

    order = {e.id: n for n, e in enumerate(entries)}
    leaks: list[Leak] = []
    for e in entries:
        for strict, texts in ((True, shown(e)), (False, notes[e.id])):
            for field, item, text in texts:
                words = words_of(text)
                named = naming_words(words)
                found = list(hits(text, words))

                def wanted(taker: str, exact: bool) -> frozenset[str]:
                    return asks[taker] if exact else subject[taker]

                # one answer in one text gives away at most 8 entries (giveaway's
                # _MOST_TAKERS): those whose questions it shares most words with
                kept: dict[Any, set[str]] = {}
                for group in {g for *_rest, g in found if g is not None}:
                    members = {t: x for t, _w, x, g in found if g == group and t != e.id}
                    concerned = [
                        t
                        for t, x in members.items()
                        if concerns(wanted(t, x), named, blank=not strict)
                    ]
                    concerned.sort(key=lambda t: (-len(wanted(t, members[t]) & named), order[t]))
                    kept[group] = set(concerned[:8])
                seen: set[str] = set()
                for taker, written, exact, group in found:
                    if taker == e.id or taker in seen:
                        continue
                    if group is not None and taker not in kept[group]:
                        continue
                    if concerns(wanted(taker, exact), named, blank=not strict):
                        seen.add(taker)
                        leaks.append(Leak(e.id, field, taker, written, item))
    return leaks


def _random_deck(n: int, seed: int) -> list[AnyEntry]:
    """``n`` entries of every kind from a small vocabulary: each text holds many answers
    (some shared by a dozen entries), and names, dates and figures of other entries.
    Questions are about nothing (no subject words), one word, or several."""
    rng = random.Random(seed)
    words = [f"{a}{b}" for a in ("ka", "tor", "mi", "sel", "bu") for b in ("no", "rat", "vel")]
    words += ["the", "of", "and", "when", "survey", "2025", "Tokyo"]
    answers = [*words[:12], "Ana Kim", "Bo Lee", "Ana", "kano rat"]
    speakers = ["Ana Kim", "Bo Lee", "Cy Ono"]

    def some(k: int) -> str:
        return " ".join(rng.choice(words) for _ in range(k))

    def prose() -> str:
        parts = [some(3), rng.choice(answers), some(2), rng.choice(answers), some(2)]
        parts += [f"{rng.choice(words)}{rng.randint(1, 40)}x" for _ in range(rng.randint(0, 3))]
        if rng.random() < 0.5:
            parts.append(rng.choice(("June 3", "3 June 2025", "2010", "March 1998", "12.5%")))
        if rng.random() < 0.3:
            parts += [rng.choice(speakers), "said", some(3)]
        return " ".join(parts) + "."

    data: list[dict[str, Any]] = []
    for k in range(n):
        kind = rng.choice(("qa", "qa", "choice", "cloze", "date", "figure", "quote"))
        entry: dict[str, Any] = {"id": f"e{k}", "kind": kind}
        rare = [f"{rng.choice(words)}{rng.randint(1, 40)}x" for _ in range(3)]  # few cards
        ask = rng.choice(
            ("What is it?", f"What is {rare[0]}?", f"Which {some(2)} {rare[1]} {rare[2]}?")
        )
        if kind in ("qa", "choice"):
            entry |= {"prompt": ask, "answer": rng.choice(answers)}
            if kind == "choice":
                entry["distractors"] = ["none", "all"]
        elif kind == "cloze":
            entry["text"] = f"{some(3)} {{{{{rng.choice(answers)}}}}} {some(2)}"
        elif kind == "date":
            when = rng.choice(("2025-06-03", "2010", "1998-03", "2025-06"))
            entry |= {"event": f"{some(3)} {rng.choice(answers)}", "date": when}
            if rng.random() < 0.3:
                entry["variants"] = ["what"]
        elif kind == "figure":
            entry |= {"measure": f"Share of {some(2)}", "value": rng.choice((12.5, 40, 250))}
            if rng.random() < 0.7:
                entry["unit"] = "%"
        else:
            quote = rng.choice((f"{some(2)} {rng.choice(words)}", f"{some(1)} … {some(1)}"))
            entry |= {"quote": quote, "speaker": rng.choice(speakers)}
            if rng.random() < 0.2:
                entry["speaker_aliases"] = [entry["speaker"].split()[0]]
        for field in ("source", "explanation"):
            if rng.random() < 0.6:
                entry[field] = prose()
        data.append(entry)
    return list(Deck.model_validate({"id": "r", "title": "R", "entries": data}).entries)


@pytest.mark.parametrize("seed", range(6))
def test_the_index_finds_what_the_plain_rule_finds(seed: int) -> None:
    entries = _random_deck(200, seed)
    found = find_leaks(entries)
    assert found == _reference_leaks(entries)
    assert len(found) > 20  # texts full of answers: the deck exercises the rule


def test_the_bundled_deck_leaks_as_the_plain_rule_says() -> None:
    folder = bundled_decks_dir()
    assert folder is not None
    for path in sorted(folder.glob("*.yaml")):
        if path.name.endswith(".exam.yaml"):
            continue
        entries = list(parse_deck(path.read_text(encoding="utf-8"), path.name).entries)
        found = find_leaks(entries)
        assert found == _reference_leaks(entries)
        assert found  # the article deck has leaks: the comparison means something


_SOCIETIES = (
    "Ramen Guild",
    "Kite League",
    "Origami Union",
    "Bonsai Club",
    "Sumo Board",
    "Haiku Circle",
    "Tea Council",
    "Judo Academy",
    "Anime Archive",
    "Sake Bureau",
    "Go Federation",
    "Noh Theatre",
)


def test_an_answer_many_entries_share_is_checked_against_each_card() -> None:
    """A dozen cards answered "Tokyo", each about its own thing: a text about one of
    them gives that one away, however many others share the answer."""
    cards = [
        {
            "id": f"city{n}",
            "kind": "qa",
            "prompt": f"Where is the {name} headquartered?",
            "answer": "Tokyo",
        }
        for n, name in enumerate(_SOCIETIES)
    ]
    giver = {
        "id": "giver",
        "kind": "qa",
        "prompt": "What moved in 1990?",
        "answer": "A guild",
        "source": "The Kite League moved its headquarters to Tokyo in 1990.",
    }
    found = find_leaks(deck(*cards, giver).entries)
    assert [(x.giver, x.taker, x.answer) for x in found] == [("giver", "city1", "Tokyo")]


def test_checks_grow_with_the_deck_not_with_its_square(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each source holds ten answers, each the answer of a few cards, and is about one
    card only. Checking every card of every answer held grows with the square of the
    deck (each text holds answers of more cards as the deck grows); the index checks
    only the cards of answers whose cards share a word with the text. Counted, not timed."""
    from studyapp.core.decks import giveaway

    calls = [0]
    real = giveaway.concerns

    def counted(*args: Any, **kwargs: Any) -> bool:
        calls[0] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(giveaway, "concerns", counted)
    vocabulary = [
        f"{a}{b}{c}" for a in "bdfgkmnprst" for b in "aeiou" for c in ("ran", "mel", "tos", "vi")
    ]

    def checks(n: int) -> tuple[int, int]:
        rng = random.Random(n)
        cards = [
            {
                "id": f"c{k}",
                "kind": "qa",
                "prompt": f"What is the zed{k} of qua{k}?",
                "answer": rng.choice(vocabulary),
                "source": f"{' '.join(rng.sample(vocabulary, 10))}: zed{k + 1} and qua{k + 1}.",
            }
            for k in range(n)
        ]
        calls[0] = 0
        found = find_leaks(deck(*cards).entries)
        return calls[0], len(found)

    (small, leaks_small), (large, leaks_large) = checks(400), checks(800)
    assert leaks_small > 10 and leaks_large < 3 * leaks_small  # the output is linear too
    assert large < 2.6 * small + 50


def test_one_answer_in_one_text_gives_away_at_most_eight_entries_the_closest_first() -> None:
    """A year that a dozen questions answer, in a text that is about all of them (two
    shared words each), gives away the eight it shares most words with: a big deck's
    leaks grow with its texts, not with the square of its size."""
    pairs = ["alpha bravo", "delta gamma", "kilo lima", "mike oscar", "papa romeo", "tango uniform"]
    pairs += ["victor whiskey", "xray yankee", "zulu hotel", "india juliet", "quebec sierra"]
    pairs += ["foxtrot echo"]
    takers = [date(f"t{n}", f"The {p} treaty", "1991") for n, p in enumerate(pairs)]
    for taker in takers[9:]:  # three whose question shares a third word with the text
        taker["event"] += " in Geneva"
    giver = {
        "id": "giver",
        "kind": "qa",
        "prompt": "Which body signed these?",
        "answer": "The council",
        "explanation": f"The {', '.join(pairs)} treaties were all signed in Geneva in 1991.",
    }
    given = [leak.taker for leak in find_leaks(deck(giver, *takers).entries)]
    assert len(given) == 8
    assert given == ["t0", "t1", "t2", "t3", "t4", "t9", "t10", "t11"]  # deck order


# ------------------------------------------------- the index's shortcuts (issue 18)
#
# What makes a 50,000-entry deck cheaper must not change a single leak: each shortcut
# is checked here against the plain rule it stands for.


def _plain_words(text: str) -> list[str]:
    """The words of a text as the rule reads them: each word of ``_WORD``, folded."""
    return [w.lower() if w.isascii() else _fold_word(w) for w in _WORD.findall(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Kan Naoto (2010) said “no” — twice… in § 3·4; it’s 56.2%.",
        "The {{blank}} … of A_B, x-y and C++ at 10:30\u00a0a.m.",
        "Lee Jae‑myung — Café Ōsaka İstanbul ﬁne ½ ²",
        "",
        "   ",
        "plain ASCII, UPPER and lower 123abc",
    ],
)
def test_words_are_read_as_the_plain_rule_reads_them(text: str) -> None:
    assert words_of(text) == _plain_words(text)


def test_the_separators_read_quickly_are_never_part_of_a_word() -> None:
    for char in _SEPARATORS.pattern.strip("[]"):
        assert _WORD.search(char) is None, repr(char)
        assert words_of(f"ab{char}cd") == ["ab", "cd"]


def test_random_texts_are_read_as_the_plain_rule_reads_them() -> None:
    rng = random.Random(18)
    alphabet = "aZ9_ -.,’“”…—–§·\u00a0éÉİß½ﬁ\t\n"
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert words_of(text) == _plain_words(text), repr(text)


def _every_kind() -> list[AnyEntry]:
    data: list[dict[str, Any]] = [
        date("d1", "Lee is elected", "2025-06-03"),
        date("d2", "Lee is elected", "2025-06", prompt="When was Lee — the president — elected?"),
        {"id": "f1", "kind": "figure", "measure": "Share of voters", "value": 49.4, "unit": "%"},
        {"id": "f2", "kind": "figure", "prompt": "How many?", "measure": "Seats won", "value": 3},
        {"id": "q1", "kind": "quote", "quote": "balanced diplomacy", "speaker": "Moon"},
        {"id": "a1", "kind": "qa", "prompt": "Who leads the “party”?", "answer": "Lee"},
        {
            "id": "c1",
            "kind": "choice",
            "prompt": "Which city?",
            "answer": "Tokyo",
            "distractors": ["Osaka", "Kyoto"],
        },
        {"id": "z1", "kind": "cloze", "text": "The {{Camp David}} summit in {{2023}}."},
        {
            "id": "o1",
            "kind": "order",
            "prompt": "Put these in order",
            "events": ["First event", "Second event"],
        },
    ]
    return list(Deck.model_validate({"id": "k", "title": "K", "entries": data}).entries)


def test_a_questions_words_are_read_from_what_its_card_shows() -> None:
    """``find_leaks`` reads each question's words once, from the texts its cards show."""
    folder = bundled_decks_dir()
    assert folder is not None
    decks = [_every_kind(), *(_random_deck(150, seed) for seed in range(3))]
    decks += [
        list(parse_deck(path.read_text(encoding="utf-8"), path.name).entries)
        for path in sorted(folder.glob("*.yaml"))
        if not path.name.endswith(".exam.yaml")
    ]
    for entries in decks:
        for entry in entries:
            texts = [(s, words_of(s[2])) for s in shown(entry)]
            assert asked_words(entry, texts) == words_of(question_text(entry)), entry.id


def test_a_date_read_once_is_the_same_date_in_any_text() -> None:
    texts = [
        "On June 3, 2025 and June 3 and 3 June 2025; June 3rd.",
        "In 2010-06 and 2010-06-09, March of 1998, 4th of July 1776.",
        "June 3x is no date, nor 2025%, nor 2025.5, but (June 3) is.",
        "Sept. 9 1999, sept 9, SEPT 9 1999 and june 3, 2025",
    ]
    cold = []
    for text in texts:
        _DATES_READ.clear()
        cold.append(list(_date_mentions(text)))
    warm = [list(_date_mentions(text)) for text in texts * 2]
    assert warm == cold * 2
    assert [d for d, _w in cold[0]] == [(2025, 6, 3), (None, 6, 3), (2025, 6, 3), (None, 6, 3)]


def test_the_dates_remembered_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    from studyapp.core.decks import giveaway

    monkeypatch.setattr(giveaway, "_DATES_KEPT", 5)
    _DATES_READ.clear()
    for year in range(1900, 1950):
        assert [d for d, _w in _date_mentions(f"in {year}")] == [(year, None, None)]
        assert len(_DATES_READ) <= 5


@pytest.mark.parametrize("seed", range(4))
def test_an_answer_held_by_many_entries_gives_away_what_the_plain_rule_says(seed: int) -> None:
    """A big group (counted list by list) picks the entries ``concerns`` picks, at most
    eight, the most words shared first, then in order; its own entries never."""
    rng = random.Random(seed)
    vocabulary = [f"w{n}" for n in range(14)]
    takers = _Takers()
    for n in range(rng.randint(9, 60)):
        size = rng.choice((0, 1, 1, 2, 3, 4))
        takers.add(f"e{n % 40}", frozenset(rng.sample(vocabulary, size)), n)
    for _ in range(300):
        about = set(rng.sample(vocabulary, rng.randint(0, 8)))
        blank = rng.random() < 0.5
        skip = frozenset(f"e{n}" for n in rng.sample(range(40), rng.randint(0, 2)))
        expected = [
            n
            for n, subject in enumerate(takers.subjects)
            if concerns(subject, about, blank=blank) and takers.ids[n] not in skip
        ]
        expected.sort(key=lambda n: (-len(takers.subjects[n] & about), n))
        want = [takers.ids[n] for n in sorted(expected[:8])]
        assert takers.concerned(about, blank, skip) == want


def _long_answers_deck(n: int, seed: int) -> list[AnyEntry]:
    """Answers of one to five words that share their first words, in texts that hold
    them whole, cut short, and more than once."""
    rng = random.Random(seed)
    words = ["new", "people", "party", "of", "the", "north", "korea", "union", "day"]
    answers = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 5))) for _ in range(12)]
    answers = [a for a in answers if len(a.replace(" ", "")) >= 4]

    def text() -> str:
        cut = rng.choice(answers).split()
        parts = [rng.choice(answers), " ".join(cut[: max(1, len(cut) - 1)]), rng.choice(words)]
        rng.shuffle(parts)
        return f"The {parts[0]}, {parts[1]} and {parts[2]} of {rng.choice(answers)}."

    data = [
        {
            "id": f"e{k}",
            "kind": "qa",
            "prompt": f"Which {rng.choice(words)} {rng.choice(words)} of rally{k % 7}?",
            "answer": rng.choice(answers),
            "source": text(),
            **({"explanation": text()} if rng.random() < 0.5 else {}),
        }
        for k in range(n)
    ]
    return list(Deck.model_validate({"id": "l", "title": "L", "entries": data}).entries)


@pytest.mark.parametrize("seed", range(4))
def test_answers_of_many_words_leak_as_the_plain_rule_says(seed: int) -> None:
    entries = _long_answers_deck(120, seed)
    found = find_leaks(entries)
    assert found == _reference_leaks(entries)
    assert any(len(leak.answer.split()) >= 3 for leak in found)


def test_a_month_after_a_hyphen_is_a_date_a_number_is_not() -> None:
    """ "mid-February 1993" and the end of "January-February 1993" name February 1993; the
    end of "1948-49" or of "STS-1990" names no date of its own."""
    read = [written for _key, written in _date_mentions("mid-February 1993 and 1948-1949")]
    assert read == ["February 1993", "1948"]
    read = [key for key, _written in _date_mentions("During January-February 1993, ...")]
    assert read == [(1993, 2, None)]
    assert list(_date_mentions("The STS-1990 flight")) == []
