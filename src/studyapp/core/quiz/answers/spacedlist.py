"""A list typed with spaces only: "japan south korea australia new zealand".

Punctuation is forgiven, so the commas and the "and" of a list may be left out
too: the words are read as the members when they split into the members' own
words one way only, each member at most once, a "the" before a member aside
("France the United Kingdom"; not "a" or "an", as likely a mistyped "and").
A typo keeps the old reading as text. Another way to write a member that the
checker takes ("us" for "the United States") counts only when the exact words
give no reading. Two readings ("new york" with "New", "York" and "New York"
all members) give none: the answer is judged as it was typed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from studyapp.core.quiz.answers.normalise import text_key

__all__ = ["spaced_members"]

_MAX_WORDS = 60
_MAX_MEMBERS = 20
_MAX_WORDS_ASKED = 16
_LONGEST_RUN = 4


def spaced_members(
    part: str,
    members: Sequence[str],
    forms: Mapping[str, Sequence[str]] | None = None,
    same: Callable[[str, str], bool] | None = None,
) -> list[str] | None:
    """The members ``part`` runs together (two or more, as typed), or None.

    ``forms`` are other ways to write a member (from the deck's accepted
    answers). ``same(words, member)``, when given, says whether a run of words
    names a member another way ("us" for "the United States"); it is asked
    only when the exact words give no reading, of runs of up to four words.
    None when ``part`` is one member, when its words do not split into
    members, or split into them more than one way.
    """
    words = tuple(text_key(part).split())
    if len(words) < 2 or len(words) > _MAX_WORDS or len(members) > _MAX_MEMBERS:
        return None
    spellings: list[tuple[int, tuple[str, ...]]] = []
    for at, member in enumerate(members):
        for form in [member, *(forms or {}).get(member, ())]:
            seq = tuple(text_key(form).split())
            if seq and (at, seq) not in spellings:
                spellings.append((at, seq))
    readings = _readings(words, spellings)
    if not readings and same is not None and len(words) <= _MAX_WORDS_ASKED:
        spellings += _other_spellings(words, members, same)
        readings = _readings(words, spellings)
    if len(readings) != 1 or len(readings[0]) < 2:
        return None
    return [" ".join(words[a:b]) for a, b in readings[0]]


def _other_spellings(
    words: tuple[str, ...], members: Sequence[str], same: Callable[[str, str], bool]
) -> list[tuple[int, tuple[str, ...]]]:
    """The runs of ``words`` that ``same`` takes for a member, as spellings of it."""
    out: list[tuple[int, tuple[str, ...]]] = []
    for start in range(len(words)):
        for end in range(start + 1, min(len(words), start + _LONGEST_RUN) + 1):
            run = words[start:end]
            if run[0] in ("a", "an"):
                continue  # "security an global stability": a mistyped "and"
            out += [(at, run) for at, m in enumerate(members) if same(" ".join(run), m)]
    return out


def _readings(
    words: tuple[str, ...], spellings: Sequence[tuple[int, tuple[str, ...]]]
) -> list[tuple[tuple[int, int], ...]]:
    """Up to two ways to cut ``words`` into distinct members, as (start, end) spans.

    Two cuts into the same members are one reading ("new zealand new" with New,
    Zealand and New Zealand all members: all three either way). A depth-first
    search that stops at the second reading; ``dead`` remembers (position,
    members used) states that add none, so it stays small for the lists decks hold.
    """
    found: dict[frozenset[int], tuple[tuple[int, int], ...]] = {}
    dead: set[tuple[int, frozenset[int]]] = set()

    def walk(i: int, used: frozenset[int], spans: tuple[tuple[int, int], ...]) -> None:
        if len(found) >= 2 or (i, used) in dead:
            return
        if i == len(words):
            found.setdefault(used, spans)
            return
        before = len(found)
        starts = [i]
        if words[i] == "the" and i + 1 < len(words):
            starts.append(i + 1)  # "the" before a member
        for start in starts:
            for at, seq in spellings:
                end = start + len(seq)
                if at not in used and words[start:end] == seq:
                    walk(end, used | {at}, (*spans, (i, end)))
        if len(found) == before:
            dead.add((i, used))

    walk(0, frozenset(), ())
    return list(found.values())
