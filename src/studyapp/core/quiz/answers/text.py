"""Checking free text: the answer or an accepted form, a typo, partly right, or wrong.

Free text is compared by :func:`~studyapp.core.quiz.answers.normalise.text_key`;
a typo or a part of the answer only counts when it is not as much a rival's.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from studyapp.core.quiz.answers.normalise import (
    best_typo,
    clean,
    compact,
    fold,
    is_swap,
    max_typos,
    nearest_rival,
    text_key,
)
from studyapp.core.quiz.answers.places import place_id, same_place
from studyapp.core.quiz.answers.verdict import Outcome, Verdict, make_verdict, no_answer
from studyapp.core.quiz.answers.wordforms import (
    acronyms,
    expand_abbreviations,
    latin_singulars,
    romanisation_key,
    singular_key,
)

__all__ = ["GENERIC_HEADS", "NEAR_MISSES", "check_text", "slip_kind"]

_STOPWORDS = frozenset({"the", "a", "an", "of", "and", "in", "on", "to", "for", "with", "by"})


def check_text(
    given: str,
    answer: str,
    accept: Sequence[str] = (),
    rivals: Sequence[str] = (),
    lookalikes: Sequence[str] = (),
    *,
    partial: bool = True,
) -> Verdict:
    """Check free text against the answer and its accepted alternatives.

    The answer up to the checker's own normalisations (:func:`_same_answer`: a
    plural, an article, "PM" for "Prime Minister") is right whatever the rivals are;
    another way to write it that a rival may share (:func:`_same_words`: an acronym,
    "USA" for "the United States") is right when none does, and so is the answer with
    a generic noun beside it ("the Taiwan issue", :func:`_generic_head`). Another
    romanisation of a name is *close*, and so is a typo (by
    :func:`~studyapp.core.quiz.answers.normalise.max_typos`). An answer equal to
    a rival, a "typo" at least as near a rival, or a "typo" that is itself a real
    name or word (a country, a region, one of ``lookalikes``: the deck's own
    names and words) is *wrong*. ``partial=False`` gives no credit for a part of
    the answer (a list judges its own parts).
    """
    shown = given.strip()
    g = compact(text_key(given))
    if not g:
        if shown and not compact(text_key(answer)):
            # Nothing survives normalising either side (a lone Arabic vowel sign, a
            # presentation form): compare the texts themselves, case aside.
            equal = (
                unicodedata.normalize("NFC", shown).casefold()
                == unicodedata.normalize("NFC", answer.strip()).casefold()
            )
            outcome = Outcome.CORRECT if equal else Outcome.WRONG
            return make_verdict(
                outcome, "correct" if equal else f"the answer is '{answer}'", answer, shown, note=""
            )
        return no_answer(answer, shown)
    forms: dict[str, str] = {}
    for form in [answer, *accept]:
        forms.setdefault(compact(text_key(form)), form)
    forms.pop("", None)
    if g in forms:
        return make_verdict(Outcome.CORRECT, "correct", answer, shown, note="")
    if _labelled(given, forms):
        return make_verdict(Outcome.CORRECT, "correct", answer, shown, note="")
    # The answer itself up to the checker's own normalisations (an article, singular or
    # plural, a short form): right whatever the deck's other answers are, for a rival
    # that reads the same is the same words ("the ribosome", an option elsewhere, for
    # "ribosomes"). Only forms that could be another answer's (initials, a place's other
    # name) are weighed against the rivals below.
    same_answer = _same_answer(_letters_joined(text_key(given)), forms)
    if same_answer is not None:
        return make_verdict(
            Outcome.CORRECT, f"correct ({same_answer})", answer, shown, note=same_answer
        )
    rival_keys = _rival_keys(rivals, forms)
    if g in rival_keys:
        rival_answer = f"'{rival_keys[g]}' is a different answer in this deck"
        return make_verdict(
            Outcome.WRONG,
            f"{rival_answer}; the answer is '{answer}'",
            answer,
            shown,
            note=rival_answer,
        )
    same = _same_words(_letters_joined(text_key(given)), forms, rival_keys, answer)
    if same is not None:
        why, note = same
        return make_verdict(Outcome.CORRECT, f"correct ({why})", answer, shown, note=note)
    headed = _generic_head(text_key(given), forms, rival_keys)
    if headed is not None:
        return make_verdict(Outcome.CORRECT, f"correct ({headed})", answer, shown, note=headed)
    romanised = _romanised(text_key(given), forms, rival_keys)
    if romanised is not None:
        spelling = "another spelling of the name"
        written = f"{spelling}: it is written '{romanised}' here"
        return make_verdict(
            Outcome.CLOSE,
            written,
            answer,
            shown,
            note=spelling if romanised == answer else written,
        )
    typo = best_typo(g, forms)
    if typo is not None:
        distance, form = typo
        other = real_other_name(given, form, lookalikes)
        if other is not None:
            return make_verdict(
                Outcome.WRONG, f"{other}; the answer is '{answer}'", answer, shown, note=other
            )
        if max_typos(len(compact(text_key(form)))) == 0:  # a swap: only a swapped rival counts
            rival = next((r for k, r in rival_keys.items() if is_swap(g, k)), None)
        else:
            rival = _near_rival(g, rival_keys, distance - 1, forms)  # nearer than the answer
            if rival is None and _near_rival(g, rival_keys, distance, forms) is not None:
                # As near another answer of the deck as this one ("Austrlia": Australia or
                # Austria?): neither credit nor penalty, and no hint which: write it again.
                again = (
                    f"'{shown}' is a misspelling of more than one answer in this deck; "
                    "check the spelling and write it again"
                )
                return make_verdict(Outcome.WRONG, again, answer, shown, note=again, ambiguous=True)
        if rival is not None:
            near = f"'{shown}' is as close to '{rival}', a different answer in this deck"
            return make_verdict(
                Outcome.WRONG, f"{near}; the answer is '{answer}'", answer, shown, note=near
            )
        wrote = f"{slip_kind(text_key(given), text_key(form))}: you wrote '{shown}'"
        whole = f"{wrote}; it is '{form}'"
        return make_verdict(
            Outcome.CLOSE, whole, answer, shown, note=wrote if form == answer else whole
        )
    part_of = _partial(text_key(given), forms, rival_keys) if partial else None
    if part_of is not None:
        whole = f"partly right: the full answer is '{part_of}'"
        return make_verdict(
            Outcome.CLOSE, whole, answer, shown, note="partly right" if part_of == answer else whole
        )
    missing = _missing_words(text_key(given), answer) if partial else None
    if missing is not None:  # too small a part for credit, but say what it lacks
        return make_verdict(
            Outcome.WRONG, f"{missing}; the answer is '{answer}'", answer, shown, note=missing
        )
    return make_verdict(Outcome.WRONG, f"the answer is '{answer}'", answer, shown, note="")


NEAR_MISSES = ("typo", "another form of the word", "the same meaning, written another way")
"""What :func:`slip_kind` calls an answer a few letters from the right one (each is *close*)."""


def slip_kind(given_key: str, form_key: str) -> str:
    """What an answer a few letters from ``form`` is, for its label: "another form of the
    word" where whole words differ by their endings ("prepare for the worst" for
    "preparing for the worst"), "the same meaning, written another way" for "not realistic"
    and "unrealistic", else a "typo". Telling a learner who wrote a real word that it
    is a slip of the keys is wrong, and puzzling."""
    given_words, form_words = given_key.split(), form_key.split()
    if _negated_otherwise(given_words, form_words) or _negated_otherwise(form_words, given_words):
        return NEAR_MISSES[2]
    if len(given_words) == len(form_words):
        pairs = [(a, b) for a, b in zip(given_words, form_words, strict=True) if a != b]
        if pairs and all(_endings_differ(a, b) for a, b in pairs):
            return NEAR_MISSES[1]
    return NEAR_MISSES[0]


_NEGATING = ("un", "in", "im", "il", "ir", "non", "dis")
"""Prefixes that negate an adjective as "not" does: "unrealistic", "impossible"."""

_ENDINGS = frozenset(
    {"", "e", "s", "es", "ed", "d", "ing", "er", "ers", "est", "ion", "ions", "ly", "al", "y"}
    # and of derivation: "cooperative relations" for "cooperative relationship"
    | {"ship", "ships", "ment", "ments", "ness", "ity", "ities", "ies", "ied", "ism", "isms"}
)
"""Word endings of English inflection and derivation: "prepare"/"preparing"."""


def _negated_otherwise(words: list[str], other: list[str]) -> bool:
    """``words`` say "not X" where ``other`` says "unX" (or "inX", "nonX" ...)."""
    for i in range(len(words) - 1):
        if words[i] != "not":
            continue
        before, word, after = words[:i], words[i + 1], words[i + 2 :]
        for prefix in _NEGATING:
            if other == [*before, prefix + word, *after]:
                return True
            if other == [*before, prefix, word, *after]:  # "non-binding": its key splits
                return True
    return False


def _endings_differ(a: str, b: str) -> bool:
    """The same word with another ending: a stem of four letters or more, then endings
    of inflection (a slip inside the word, "unrealistc", is not one)."""
    stem = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        stem += 1
    endings = {a[stem:], b[stem:]}
    if endings == {"", "e"}:
        return False  # "stat" for "state": a letter left off, not an ending ("prepare"/"prepared")
    # (the endings may share their first letters: "relation-s" and "relation-ship")
    return any(
        k >= 4 and a[k:] in _ENDINGS and b[k:] in _ENDINGS for k in range(stem, stem - 3, -1)
    )


def _letters_joined(key: str) -> str:
    """Initials written with dots or spaces joined: "n a t o" (from "N.A.T.O.") -> "nato"."""
    words = key.split()
    if len(words) >= 2 and all(len(w) == 1 and w.isalpha() for w in words):
        return "".join(words)
    return key


def _same_answer(given_key: str, forms: dict[str, str]) -> str | None:
    """Why ``given_key`` is an accepted form up to the checker's own normalisations, which
    keep every word: a short form written out ("PM Abe"), singular or plural, a leading
    "in" or "at", an article more or less. Such an answer is the answer itself, whatever
    the deck's other answers are (:func:`check_text` asks this before the rivals)."""
    g = compact(given_key)
    expanded = compact(expand_abbreviations(given_key))
    singular = compact(singular_key(given_key))
    bare = _without_articles(given_key)
    for key, form in forms.items():
        form_key, form_expanded, form_singular, form_bare = _form_keys(form)
        if expanded != g and expanded == form_expanded:
            return "a short form"
        if singular == form_singular or _latin_pair(g, key):
            return "singular or plural does not matter"
        if _PREPOSITION.sub("", given_key) == form_key != given_key:
            return "the same place or thing"
        if bare == form_bare != "" and given_key != form_key:
            return "with or without 'a' or 'the'"  # "reaching a consensus", "Reaching consensus"
    return None


@lru_cache(maxsize=4096)
def _form_keys(form: str) -> tuple[str, str, str, str]:
    """An accepted form's keys for :func:`_same_answer`, made once per form."""
    form_key = text_key(form)
    return (
        form_key,
        compact(expand_abbreviations(form_key)),
        compact(singular_key(form_key)),
        _without_articles(form_key),
    )


def _same_words(
    given_key: str, forms: dict[str, str], rivals: dict[str, str], answer: str
) -> tuple[str, str] | None:
    """Why ``given_key`` writes an accepted form another way that could also be another
    answer's (initials, a name in full, another name of a place), or None.

    Only when no rival is written that way too: "US" is the United States unless
    the deck also answers "Union of Soviets" somewhere. Returns (the why of the
    reason, the note): the note does not name the form when it is ``answer`` itself,
    which the screen shows on a line of its own.
    """
    g = compact(given_key)
    given_acronyms = acronyms(given_key)
    rival_texts = list(rivals.values())
    for key, form in forms.items():
        form_key = text_key(form)
        why: str | None = None
        note: str | None = None
        if " " not in given_key and len(g) >= 2 and g in acronyms(form_key):
            why = f"the initials of '{form}'"
            note = "its initials" if form == answer else why
        elif " " not in form_key and len(key) >= 2 and key in given_acronyms:
            why = f"'{form}' for short"
            note = "written out in full" if form == answer else why
        elif _same_place(given_key, form_key):
            why = "the same country"
        if why is not None and not any(_writes(given_key, r) for r in rival_texts):
            return why, why if note is None else note
    return None


_ARTICLE_WORD = re.compile(r"\b(?:a|the)\s+(?=\w)|\ban\s+(?=[aeiou])")
"""An article before a word: "an" only before a vowel (before "global" it is a mistyped
"and"), and none at the end ("new zealand an" is a word too many)."""


@lru_cache(maxsize=16384)
def _without_articles(key: str) -> str:
    """A text key without its articles anywhere ("reaching a consensus" -> "reaching
    consensus"): an article more or less changes no answer a card asks for."""
    return compact(_ARTICLE_WORD.sub("", key))


GENERIC_HEADS = frozenset(
    {"issue", "question", "problem", "matter", "case", "dispute", "crisis", "affair"}
)
"""Nouns that only say what kind of thing a name is: "the Taiwan issue", "the question
of Taiwan" name what "Taiwan" does when a card asks for it."""

_HEADED_WORDS = 3
"""The most words an answer may have for a generic noun beside it to count: a proper
name (capitalised) or a short noun phrase, not a phrase that could take the noun
another way."""


def _generic_head(given_key: str, forms: dict[str, str], rivals: dict[str, str]) -> str | None:
    """What an accepted form with a generic noun beside it adds, or None.

    "Taiwan issue", "the Taiwan question" and "the issue of Taiwan" for "Taiwan": one
    noun of :data:`GENERIC_HEADS` after the form (or before it, with "of"), when the
    form is a name or a short noun phrase without such a noun itself, and the noun is
    no word of a rival ("the Taiwan crisis" is no answer for "Taiwan" in a deck that
    also answers "the Cuban Missile Crisis"), nor is a rival the form with a noun of its
    own ("the Taiwan issue", another answer). "Taiwan Strait" is another place.
    """
    words = given_key.split()
    if len(words) < 2 or not GENERIC_HEADS.intersection(words):
        return None
    if words[-1] in GENERIC_HEADS:
        noun, rest = words[-1], words[:-1]
    elif len(words) >= 3 and words[0] in GENERIC_HEADS and words[1] == "of":
        noun, rest = words[0], words[2:]
    else:
        return None
    if rest[:1] in (["the"], ["a"], ["an"]):
        rest = rest[1:]
    for form in forms.values():
        form_words = text_key(form).split()
        if form_words != rest or len(form_words) > _HEADED_WORDS:
            continue
        if GENERIC_HEADS.intersection(form_words) or any(w.isdigit() for w in form_words):
            return None
        if form_words[-1] in _STOPWORDS:
            return None
        if len(form_words) == 1 and not clean(form).strip()[:1].isupper():
            return None  # one lowercase word may be no noun: "the bilateral issue"
        for rival in rivals.values():
            rival_words = set(text_key(rival).split())
            if noun in rival_words:
                return None
            if GENERIC_HEADS & rival_words and rival_words >= set(form_words):
                return None  # "the Taiwan issue" is another answer: "the Taiwan question" too
        return f"'{noun}' adds nothing to the answer"
    return None


_LABEL = re.compile(
    r"^(?:the |a |an )?(?:term|word|phrase|expression|name|concept|slogan|title|label)s? "
    r"(?:of |for )?"
)
"""What a learner may write before an answer the prompt calls a term, word or name."""


def _labelled(given: str, forms: dict[str, str]) -> bool:
    """ "the term Indo-Pacific" for "Indo-Pacific": the label the question asked for
    ("which term ...?"), then an accepted form itself."""
    folded = fold(given)
    label = _LABEL.match(folded)
    if label is None or label.end() == len(folded):
        return False
    return compact(text_key(folded[label.end() :])) in forms


_PREPOSITION = re.compile(r"^(?:in|at|on|inside|within|from)\s+(?:the\s+|a\s+|an\s+)?")


def _latin_pair(a: str, b: str) -> bool:
    """ "nuclei"/"nucleus", "alveoli"/"alveolus", "bacteria"/"bacterium" (either way)."""
    return bool(latin_singulars(a) & {b}) or bool(latin_singulars(b) & {a})


def _same_place(given_key: str, form_key: str) -> bool:
    """Both name one place in the gazetteer (loaded only when the keys could be places)."""
    if len(given_key) > 60 or len(form_key) > 60:
        return False
    return same_place(given_key, form_key)


def _writes(given_key: str, rival: str) -> bool:
    """Whether ``given_key`` is ``rival`` written another way (the checks of _same_words)."""
    rival_key = text_key(rival)
    g = compact(given_key)
    return (
        compact(expand_abbreviations(given_key)) == compact(expand_abbreviations(rival_key))
        or compact(singular_key(given_key)) == compact(singular_key(rival_key))
        or (" " not in given_key and g in acronyms(rival_key))
        or _same_place(given_key, rival_key)
    )


def _romanised(given_key: str, forms: dict[str, str], rivals: dict[str, str]) -> str | None:
    """The accepted form ``given_key`` is another romanisation of, unless a rival is too."""
    if not given_key or len(given_key) > 60 or any(c.isdigit() for c in given_key):
        return None
    keys = romanisation_key(given_key)
    for form in forms.values():
        if keys & romanisation_key(text_key(form)):
            if any(keys & romanisation_key(text_key(r)) for r in rivals.values()):
                return None
            return form
    return None


def real_other_name(given: str, form: str, lookalikes: Sequence[str]) -> str | None:
    """Why a near miss of ``form`` is a different real name, or None if it may be a typo.

    "Austria" for "Australia" and "Iran" for "Iraq" name other countries;
    ``lookalikes`` are the deck's own names and words ("Yoon", "Seoul").
    """
    g = compact(text_key(given))
    for other in lookalikes:
        if compact(text_key(other)) == g:
            return f"'{given.strip()}' is a different name or word"
    if len(g) > 60:
        return None
    code = place_id(given)
    form_code = place_id(form) if code is not None else None
    if code is not None and form_code is not None and code != form_code:
        return f"'{given.strip()}' is a different place"
    return None


def _rival_keys(rivals: Sequence[str], forms: dict[str, str]) -> dict[str, str]:
    """Rivals by compact key, minus any that are also accepted forms of the answer."""
    table = _rival_table(tuple(rivals))
    if not any(k in table for k in forms):
        return table
    return {k: r for k, r in table.items() if k not in forms}


def _near_rival(
    given_key: str, rivals: dict[str, str], distance: int, forms: dict[str, str]
) -> str | None:
    """:func:`~.normalise.nearest_rival`, never a rival that is the answer up to the
    checker's own normalisations ("the ribosome", an option of another question, for
    "ribosomes": "ribosom" is a typo of the answer, not as near another). Judged only for
    the rivals found near: a deck's thousands of others cost nothing more."""
    return nearest_rival(
        given_key,
        rivals,
        distance,
        unless=lambda r: _same_answer(_letters_joined(text_key(r)), forms) is not None,
    )


@lru_cache(maxsize=1024)
def _rival_table(rivals: tuple[str, ...]) -> dict[str, str]:
    """Compact text key -> rival, built once per rival list (keys share theirs)."""
    out: dict[str, str] = {}
    for rival in rivals:
        k = compact(text_key(rival))
        if k:
            out.setdefault(k, rival)
    return out


def _content_words(key: str) -> set[str]:
    return {w for w in key.split() if w not in _STOPWORDS}


def _missing_words(given_key: str, answer: str) -> str | None:
    """ "incomplete: missing 'North'" when the answer's words hold every word given but
    not all of its own ("Atlantic" for "North Atlantic"): too small a part to be partly
    right (:func:`_partial`), yet a learner should see what was left out."""
    words = _content_words(given_key)
    answer_words = text_key(answer).split()
    full = _content_words(" ".join(answer_words))
    if not words or not words < full:
        return None
    left = [w for w in dict.fromkeys(answer_words) if w in full - words]
    shown: dict[str, str] = {}  # each folded word as the answer writes it (Anglo-Saxon)
    for written in re.findall(r"[\w']+", clean(answer)):
        shown.setdefault(fold(written), written)
    named = ", ".join(f"'{shown.get(w, w)}'" for w in left)
    return f"incomplete: missing {named}"


def _partial(given_key: str, forms: dict[str, str], rivals: dict[str, str]) -> str | None:
    """The form the answer is a clear part of (most of its words, no extra), else None.

    "Camp David" for "Camp David Principles" is partly right, unless it is just
    as much a part of a rival answer.
    """
    words = _content_words(given_key)
    if not words:
        return None
    for form in forms.values():
        full = _content_words(text_key(form))
        if len(full) >= 2 and words < full and len(words) / len(full) >= 0.6:
            for rival in rivals.values():
                rival_words = _content_words(text_key(rival))
                if words <= rival_words and len(words) / max(len(rival_words), 1) >= 0.5:
                    return None
            return form
    return None
