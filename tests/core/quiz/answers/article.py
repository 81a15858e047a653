"""The deck the answer-checker tests share: the facts of the bundled article.

The article (Lee Jae-myung's "pragmatic diplomacy") has near-identical pairs
that are exactly the traps a checker must not fall into: Moon vs Yoon, 26.6 vs
26.8 %, 55.5 vs 55.1 %, June 3 / 9 / 16 / 17 2025, 2015 vs 2016, April vs
August 2023.
"""

from __future__ import annotations

from typing import Any

from studyapp.core.decks.model import Deck
from studyapp.core.quiz.answers.verdict import Outcome

__all__ = ["ARTICLE", "LEE", "MOON", "SURVEY", "C", "H", "W", "entry_of"]

C, H, W = Outcome.CORRECT, Outcome.CLOSE, Outcome.WRONG

LEE = ["Lee", "President Lee", "President Lee Jae-myung", "Lee Jae Myung"]
MOON = ["Moon", "President Moon", "Moon Jae In"]
SURVEY = "East Asia Institute survey (January 2025): share of"


def _figure(id_: str, value: float, measure: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": id_,
        "kind": "figure",
        "tags": ["figures", "survey"],
        "measure": f"{SURVEY} {measure}",
        "value": value,
        "unit": "%",
        "as_of": "2025-01",
        **extra,
    }


def _date(id_: str, date: str | int, event: str) -> dict[str, Any]:
    return {"id": id_, "kind": "date", "tags": ["dates"], "event": event, "date": date}


ARTICLE: dict[str, Any] = {
    "id": "article",
    "title": "Lee Jae-myung's pragmatic diplomacy",
    "entries": [
        _date("elected", "2025-06-03", "Lee Jae-myung is elected President of South Korea"),
        _date("calls", "2025-06-09", "Lee makes his introductory phone calls to world leaders"),
        _date("seoul", "2025-06-16", "A Seoul event marks sixty years of relations"),
        _date("g7", "2025-06-17", "Lee and Ishiba meet on the sidelines of the G7 Summit"),
        _date("moon-office", 2017, "Moon Jae-in takes office"),
        _date("comfort", 2015, "Japan and South Korea conclude the comfort women agreement"),
        _date("gsomia", 2016, "Japan and South Korea enter into GSOMIA"),
        _date("abandoned", 2018, "The Moon administration abandons the agreement"),
        _date("treaty", 1965, "Japan and South Korea conclude the Treaty on Basic Relations"),
        _date("alliance", "2023-04", "The US-ROK alliance becomes a global strategic alliance"),
        _date("camp-david", "2023-08", "The Camp David Principles"),
        _date("survey", "2025-01", "The East Asia Institute conducts its survey"),
        _figure("cons-history", 24.0, "conservatives who cited resolving historical issues"),
        _figure("cons-coop", 55.5, "conservatives who cited future-oriented cooperation"),
        _figure("prog-history", 56.2, "progressives who prioritized historical issues"),
        _figure("prog-coop", 26.8, "progressives who preferred cooperation"),
        _figure("cons-security", 41.5, "conservatives for strengthening security measures"),
        _figure("prog-security", 17.0, "progressives for strengthening security measures"),
        _figure("prog-alliance", 26.6, "progressives for strengthening the US-ROK alliance"),
        _figure("prog-trilateral", 55.1, "progressives for trilateral cooperation"),
        _figure("cons-trilateral", 84.6, "conservatives for trilateral cooperation"),
        {
            "id": "anniversary",
            "kind": "figure",
            "measure": "Anniversary of normalization marked in 2025",
            "value": 60,
        },
        {
            "id": "ww2",
            "kind": "figure",
            "measure": "Anniversary of the end of World War II marked in 2025",
            "value": 80,
        },
        {
            "id": "yoon-years",
            "kind": "figure",
            "measure": "Length of the Yoon administration",
            "value": 3,
            "unit": "years",
        },
        {
            "id": "distance",
            "kind": "figure",
            "measure": "A made-up distance with a tolerance",
            "value": 12.5,
            "unit": "km",
            "tolerance": 0.5,
        },
        {
            "id": "distance-2",
            "kind": "figure",
            "measure": "Another made-up distance",
            "value": 12.0,
            "unit": "km",
        },
        {
            "id": "q-consistent",
            "kind": "quote",
            "quote": "Taking a consistent approach is extremely important in diplomacy",
            "speaker": "Lee Jae-myung",
            "speaker_aliases": LEE,
            "source": (
                "He criticized former President Yoon Suk Yeol. Japanese Prime Minister "
                "Ishiba Shigeru was second after US President Donald Trump."
            ),
        },
        {
            "id": "q-pragmatic",
            "kind": "quote",
            "quote": "pragmatic diplomacy centered on national interests",
            "speaker": "Lee Jae-myung",
            "speaker_aliases": LEE,
        },
        {
            "id": "q-balanced",
            "kind": "quote",
            "quote": "balanced diplomacy",
            "speaker": "Moon Jae-in",
            "speaker_aliases": MOON,
        },
        {
            "id": "q-ukraine",
            "kind": "quote",
            "quote": "today's Ukraine could be tomorrow's East Asia",
            "speaker": "successive Japanese prime ministers",
            "speaker_aliases": ["successive prime ministers", "Japan's prime ministers"],
        },
        {
            "id": "qa-second",
            "kind": "qa",
            "prompt": "Which leader was second in Lee's introductory calls?",
            "answer": "Ishiba Shigeru",
            "accept": ["Ishiba", "Prime Minister Ishiba"],
        },
        {
            "id": "qa-first",
            "kind": "qa",
            "prompt": "Which leader was first in Lee's introductory calls?",
            "answer": "Donald Trump",
            "accept": ["Trump"],
        },
        {
            "id": "qa-ip4",
            "kind": "qa",
            "prompt": "What does IP4 stand for?",
            "answer": "Indo-Pacific Partners",
        },
        {
            "id": "qa-never",
            "kind": "qa",
            "prompt": "Which term did Lee not once mention in his campaign?",
            "answer": "Indo-Pacific",
        },
        {
            "id": "qa-camp-david",
            "kind": "qa",
            "prompt": "What marked a new era of US-ROK-Japan trilateral cooperation?",
            "answer": "the Camp David Principles",
        },
        {
            "id": "qa-treaty-year",
            "kind": "qa",
            "prompt": "In what year was the Treaty on Basic Relations concluded?",
            "answer": "1965",
        },
        {
            "id": "qa-pacta",
            "kind": "qa",
            "prompt": "Which principle underpins mutual international trust?",
            "answer": "pacta sunt servanda",
            "accept": ["agreements must be kept"],
        },
        {
            "id": "qa-yoon-years",
            "kind": "qa",
            "prompt": "How many years did the Yoon administration last?",
            "answer": "three",
        },
        {
            "id": "cloze-taiwan",
            "kind": "cloze",
            "text": "Taiwan is perceived to be {{far away}}; a crisis is considered {{low}}.",
        },
        {
            "id": "cloze-coop",
            "kind": "cloze",
            "text": "Conservatives chose future-oriented cooperation ({{55.5%}}).",
        },
        {
            "id": "cloze-meeting",
            "kind": "cloze",
            "text": "Lee and Ishiba met on {{June 17, 2025}} in Canada.",
        },
        {
            "id": "choice-g7",
            "kind": "choice",
            "prompt": "Which country hosted the G7 Summit where Lee and Ishiba met?",
            "answer": "Canada",
            "distractors": ["Germany", "Italy", "Japan"],
        },
        {
            "id": "order-statements",
            "kind": "order",
            "events": ["Murayama statement", "Kan statement", "Abe statement"],
        },
    ],
}


def entry_of(deck: Deck, entry_id: str) -> Any:
    return next(e for e in deck.entries if e.id == entry_id)
