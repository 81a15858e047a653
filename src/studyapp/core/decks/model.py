"""The deck model: what a deck file may say, validated strictly.

A deck is metadata plus a list of typed entries. The entry kind decides how a
card is asked and how an answer is checked, so each kind carries exactly the
fields it needs. Everything here is plain pydantic v2 with ``extra="forbid"``
and strict types; the loader (``loader.py``) turns validation errors into
``file:line:col`` messages.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Annotated, Any, ClassVar, Literal

from msgspec import Struct
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    PlainSerializer,
    PlainValidator,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, core_schema

from studyapp.core.decks.textsafety import INVISIBLE_ONLY, check_text, find_unsafe, is_blank
from studyapp.core.decks.yamlscalar import spelling

# --------------------------------------------------------------------------- text


def _scalar_to_text(value: Any) -> Any:
    """Let authors write ``answer: 1965`` unquoted and still get the text "1965".

    YAML turns such scalars into numbers or dates; every free-text field accepts them
    back as text, as the author wrote them ("1e3", "1.50", "+5": the reader keeps a
    spelling Python would change). Booleans are refused: ``answer: no`` is kept as a
    string by our loader, so a bool here means the author wrote ``true``/``false``.
    """
    if isinstance(value, bool):
        return value
    if (spelled := spelling(value)) is not None:
        return spelled  # as the author wrote it: "1e3", "1.50", "+5" (never "1000.0")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float) and math.isfinite(value):
        return repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


class _ScalarText:
    """The schema of a text field: a string, or a YAML number or date taken back as
    text (:func:`_scalar_to_text`), then matched against ``pattern`` if one is given.

    Why not ``BeforeValidator(_scalar_to_text)``: that calls Python for every value, and
    a pattern after it is applied by another Python call (pydantic cannot put it in the
    string schema then): ~470,000 calls for a 50,000-entry deck. Here a string, nearly
    every value, is checked by pydantic-core alone; only a number or a date calls
    Python. The errors are the same (``string_type`` with the value; the pattern's
    ``string_pattern_mismatch``), and so is the JSON Schema (``"type": "string"``).
    """

    __slots__ = ("pattern",)

    def __init__(self, pattern: str | None = None) -> None:
        self.pattern = pattern

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        text = core_schema.union_schema(
            [
                core_schema.str_schema(strict=True),
                core_schema.no_info_before_validator_function(
                    _scalar_to_text, core_schema.str_schema(strict=True)
                ),
            ],
            mode="left_to_right",
            custom_error_type="string_type",
        )
        if self.pattern is None:
            return text
        return core_schema.chain_schema([text, core_schema.str_schema(pattern=self.pattern)])

    def __get_pydantic_json_schema__(
        self, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {"type": "string"}


def _safe_text(value: str) -> str:
    if find_unsafe(value) is not None:  # (one call for the text that passes: nearly all)
        check_text(value)
    if is_blank(value):
        raise ValueError("must not be empty" if not value or value.isspace() else INVISIBLE_ONLY)
    return value


Text = Annotated[str, _ScalarText(), AfterValidator(_safe_text)]
"""Free text shown to a learner: non-empty, no control/escape/bidi characters."""

ID_PATTERN = r"^[a-z0-9][a-z0-9._-]{0,79}$"
Identifier = Annotated[
    str,
    _ScalarText(ID_PATTERN),
    Field(description="lowercase letters, digits, '.', '_' or '-'"),
]
"""A stable id. Progress is keyed by it, so it never changes when text is edited."""


def _number(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, int | float):
        shown = f"the text {value!r}" if isinstance(value, str) else repr(value)
        raise ValueError(f"expected a number, got {shown}; write digits without quotes, e.g. 55.5")
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError("must be a finite number")
    if spelling(value) is not None:  # the plain number (the spelling is for text fields)
        return float(value) if isinstance(value, float) else int(value)
    return value


Number = Annotated[
    float | int,
    PlainValidator(_number),
    WithJsonSchema({"type": "number"}),
]
"""A finite int or float; a quoted "55.5" is refused with a hint."""

Tag = Annotated[str, _ScalarText(r"^[A-Za-z0-9][A-Za-z0-9._/-]{0,59}$")]


# -------------------------------------------------------------------------- dates

Precision = Literal["year", "month", "day"]
MONTH_NAMES: tuple[str, ...] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
"""English month names, January first: how dates are written on cards and parsed in answers."""
_DATE_TEXT = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class PartialDate(Struct, frozen=True):
    """A date known to the year, the month or the day, as articles give them.

    Ordering compares the known parts, an unknown month or day counting as the
    start of its period (2025 < 2025-06 < 2025-06-03).
    """

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: PartialDate) -> bool:
        return self.sort_key < other.sort_key

    def __le__(self, other: PartialDate) -> bool:
        return self.sort_key <= other.sort_key

    def __gt__(self, other: PartialDate) -> bool:
        return self.sort_key > other.sort_key

    def __ge__(self, other: PartialDate) -> bool:
        return self.sort_key >= other.sort_key

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        return "year"

    def isoformat(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def __str__(self) -> str:
        return self.isoformat()

    @classmethod
    def parse(cls, value: Any) -> PartialDate:
        """Accept what YAML gives for ``2025``, ``2025-06`` and ``2025-06-03``."""
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, dt.datetime):
            raise ValueError("give a date (YYYY, YYYY-MM or YYYY-MM-DD), not a time")
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, int) and not isinstance(value, bool):
            if not 1 <= value <= 9999:
                raise ValueError(f"{value} is not a year; write YYYY, YYYY-MM or YYYY-MM-DD")
            value = f"{value:04d}"
        if not isinstance(value, str):
            raise ValueError("expected a date written YYYY, YYYY-MM or YYYY-MM-DD")
        match = _DATE_TEXT.match(value.strip())
        if not match:
            raise ValueError(
                f"{value!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2025-06-03)"
            )
        year, month, day = (int(g) if g else None for g in match.groups())
        assert year is not None
        if year < 1:
            raise ValueError("year must be 1 or later")
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"{value!r}: month must be 01 to 12")
        if day is not None:
            assert month is not None
            try:
                dt.date(year, month, day)
            except ValueError:
                raise ValueError(f"{value!r} is not a real calendar date") from None
        return cls(year, month, day)


DateValue = Annotated[
    PartialDate,
    PlainValidator(PartialDate.parse),
    PlainSerializer(lambda d: d.isoformat(), return_type=str),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"},
                {"type": "integer"},
            ],
            "description": "YYYY, YYYY-MM or YYYY-MM-DD",
        }
    ),
]


# ------------------------------------------------------------------------ entries


class _Model(BaseModel):
    model_config = ConfigDict(
        strict=True,
        extra="forbid",
        frozen=True,
        arbitrary_types_allowed=True,
        use_attribute_docstrings=True,
    )


CheckMode = Literal["typed", "self"]
"""How a card's answer is checked: ``typed`` (the checker judges what was typed) or
``self`` (a flip card: the answer is shown and the learner grades)."""

ExpectedVerdict = Literal["correct", "close", "wrong", "retry", "self"]
"""What ``studyapp judge`` says of an answer (``self``: a flip card, not checked)."""


class ExpectedCheck(_Model):
    """An answer and the verdict the checker must give it: ``studyapp lint`` fails otherwise,
    so a course's accept lists are tested like code (see ``studyapp judge``)."""

    answer: Text
    """What a learner might type."""
    verdict: ExpectedVerdict
    """correct, close, wrong or retry (write it another way); self for a flip card."""
    card: str | None = None
    """The variant asked (when, who, blank-2 ...); the entry's first card by default."""


class _EntryBase(_Model):
    id: Identifier
    """Stable id, unique in the deck. Progress is keyed by it: never reuse one."""
    tags: list[Tag] = Field(default_factory=list)
    """Free labels to filter by (e.g. dates, figures, quotes, terms, a topic)."""
    explanation: Text | None = None
    """Shown after the answer is revealed: context that helps it stick."""
    source: Text | None = None
    """The verbatim sentence(s) of the source document this entry was built from."""
    variants: list[str] | None = None
    """Ask only these prompt variants (e.g. [when] for a date); all of them by default."""
    check: CheckMode | None = None
    """``self``: show the answer and let the learner grade (a definition, a long back side);
    ``typed``: always check what is typed. By default the deck's ``check``, else typed unless
    the answer is too long to type fairly."""
    checks: list[ExpectedCheck] = Field(default_factory=list)
    """Answers with the verdict the checker must give them; ``studyapp lint`` tests them."""
    review: bool | None = None
    """``true`` on an entry a tool drafted (``studyapp extract``) that no author has checked
    yet; delete the line once the entry is right."""

    VARIANTS: ClassVar[tuple[str, ...]] = ()
    """The prompt variants every entry of this kind is asked as (unless ``variants`` says)."""
    OPTIONAL_VARIANTS: ClassVar[tuple[str, ...]] = ()
    """Variants an entry asks only when it says so (a qa entry's ``reverse``)."""

    @field_validator("variants")
    @classmethod
    def _known_variants(cls, variants: list[str] | None) -> list[str] | None:
        if variants is None:
            return None
        if not variants:
            raise ValueError("list at least one variant, or leave 'variants' out")
        for name in variants:
            if name not in cls.VARIANTS and not cls._extra_variant_ok(name):
                raise ValueError(
                    f"unknown variant {name!r} for this kind; choose from: " + cls._choices()
                )
        if len(set(variants)) != len(variants):
            raise ValueError("a variant is listed twice")
        return variants

    @classmethod
    def _extra_variant_ok(cls, name: str) -> bool:
        return name in cls.OPTIONAL_VARIANTS

    @classmethod
    def _choices(cls) -> str:
        return ", ".join((*cls.VARIANTS, *cls.OPTIONAL_VARIANTS) or ("blank-1", "blank-2", "..."))

    @field_validator("checks")
    @classmethod
    def _known_check_cards(cls, checks: list[ExpectedCheck]) -> list[ExpectedCheck]:
        for check in checks:
            name = check.card
            if name is not None and name not in cls.VARIANTS and not cls._extra_variant_ok(name):
                raise ValueError(
                    f"check of {check.answer!r}: unknown card {name!r} for this kind; choose "
                    "from: " + cls._choices()
                )
        return checks

    @field_validator("tags")
    @classmethod
    def _unique_tags(cls, tags: list[str]) -> list[str]:
        if len(set(tags)) == len(tags):
            return tags  # (nearly always: one C call instead of a loop)
        seen: set[str] = set()
        for tag in tags:
            if tag in seen:
                raise ValueError(f"tag {tag!r} is listed twice")
            seen.add(tag)
        return tags


class DateEntry(_EntryBase):
    """An event and when it happened."""

    kind: Literal["date"]
    VARIANTS: ClassVar[tuple[str, ...]] = ("when", "what")
    event: Text
    """What happened, as a phrase that reads well on its own ("Lee Jae-myung is elected")."""
    date: DateValue
    """When: YYYY, YYYY-MM or YYYY-MM-DD. The precision is what the learner must give."""
    prompt: Text | None = None
    """Optional wording of the "when?" question; the event is used otherwise."""


class FigureEntry(_EntryBase):
    """A number and what it measures."""

    kind: Literal["figure"]
    VARIANTS: ClassVar[tuple[str, ...]] = ("value",)
    measure: Text
    """What was measured, precisely enough to stand alone (which survey, group, question)."""
    value: Number
    """The number itself."""
    unit: Text | None = None
    """Unit shown after the number: "%", "years", "km"."""
    as_of: DateValue | None = None
    """When the figure was true (a survey date, a census year)."""
    tolerance: float | None = Field(default=None, ge=0)
    """How far off a typed answer may be and still count (absolute, in the unit)."""
    prompt: Text | None = None
    """Optional wording of the question; the measure is used otherwise."""
    accept: list[Text] = Field(default_factory=list)
    """Other written answers that count ("second" for 2, "eightieth" for 80)."""


class QuoteEntry(_EntryBase):
    """Who said what."""

    kind: Literal["quote"]
    VARIANTS: ClassVar[tuple[str, ...]] = ("who", "what")
    quote: Text
    """The words, as quoted (without surrounding quotation marks)."""
    speaker: Text
    """Who said it, spelled as in the source."""
    speaker_aliases: list[Text] = Field(default_factory=list)
    """Other names that count as the speaker ("Lee", "President Lee")."""
    context: Text | None = None
    """When, where or about what it was said; used for "what did S say about ...?"."""


class QaEntry(_EntryBase):
    """A question and its answer."""

    kind: Literal["qa"]
    VARIANTS: ClassVar[tuple[str, ...]] = ("answer",)
    OPTIONAL_VARIANTS: ClassVar[tuple[str, ...]] = ("reverse",)
    prompt: Text
    answer: Text
    accept: list[Text] = Field(default_factory=list)
    """Other answers that are also right."""
    reverse: bool | None = None
    """``true`` adds a second card, ``reverse``, asking the other way round: the answer is
    shown and the prompt is what to recall (Anki's "Basic (and reversed card)"). Suits
    vocabulary and terms, where both sides are short."""
    members: list[Text] | None = Field(default=None, min_length=2, max_length=30)
    """When the answer is a list ("Japan, South Korea, Australia and New Zealand"): its
    members, each once. Any order and any joining (commas, "and", "&", "/") is right;
    a list missing a member, or with one too many, is wrong."""

    @field_validator("members")
    @classmethod
    def _distinct_members(cls, members: list[str] | None) -> list[str] | None:
        if members is not None:
            keys = [" ".join(m.casefold().split()) for m in members]
            if any(not k for k in keys) or len(set(keys)) != len(keys):
                raise ValueError("each member of the list must be given once and not be empty")
        return members

    @model_validator(mode="after")
    def _reverse_is_asked(self) -> QaEntry:
        named = [*(self.variants or ()), *(c.card for c in self.checks)]
        if "reverse" in named and not self.reverse:
            raise ValueError(
                "the 'reverse' card (answer -> prompt) is asked only with 'reverse: true'"
            )
        return self


CLOZE_BLANK = re.compile(r"\{\{(.+?)\}\}", re.DOTALL)


class ClozeEntry(_EntryBase):
    """A sentence with {{blanks}} to fill in."""

    kind: Literal["cloze"]
    text: Text
    """The full text; each {{...}} is a blank (one card per blank)."""

    @field_validator("text")
    @classmethod
    def _has_blank(cls, text: str) -> str:
        blanks = CLOZE_BLANK.findall(text)
        if not blanks:
            raise ValueError(
                "a cloze needs at least one {{blank}}, e.g. 'Seoul is the {{capital}}'"
            )
        if any(not b.strip() for b in blanks):
            raise ValueError("a {{blank}} must not be empty")
        if any(is_blank(b) for b in blanks):
            raise ValueError(f"a {{{{blank}}}} holds {INVISIBLE_ONLY}")
        rest = CLOZE_BLANK.sub("", text)
        if "{{" in rest or "}}" in rest:
            raise ValueError("unbalanced '{{' or '}}': each blank is written {{like this}}")
        return text

    @classmethod
    def _extra_variant_ok(cls, name: str) -> bool:
        return re.fullmatch(r"blank-[1-9][0-9]?", name) is not None

    @model_validator(mode="after")
    def _variants_exist(self) -> ClozeEntry:
        count = len(CLOZE_BLANK.findall(self.text))
        for name in self.variants or ():
            if int(name.split("-")[1]) > count:
                raise ValueError(f"variant {name!r}: the text has only {count} blank(s)")
        return self

    @property
    def blanks(self) -> list[str]:
        return [b.strip() for b in CLOZE_BLANK.findall(self.text)]


class ChoiceEntry(_EntryBase):
    """A multiple-choice question with author-written wrong options."""

    kind: Literal["choice"]
    VARIANTS: ClassVar[tuple[str, ...]] = ("choose",)
    prompt: Text
    answer: Text
    distractors: list[Text] = Field(min_length=1, max_length=9)
    """Wrong options, shown shuffled with the answer."""

    @field_validator("distractors")
    @classmethod
    def _distinct(cls, distractors: list[str], info: ValidationInfo) -> list[str]:
        answer = info.data.get("answer")
        seen = {answer.strip().casefold()} if isinstance(answer, str) else set()
        for option in distractors:
            key = option.strip().casefold()
            if key in seen:
                same = (
                    "equals the answer"
                    if answer and key == answer.strip().casefold()
                    else ("appears twice")
                )
                raise ValueError(f"option {option!r} {same}; each option must be different")
            seen.add(key)
        return distractors


class OrderEntry(_EntryBase):
    """Events to put in chronological order."""

    kind: Literal["order"]
    VARIANTS: ClassVar[tuple[str, ...]] = ("order",)
    prompt: Text | None = None
    """What to order, e.g. "Put these steps of Japan–South Korea relations in order"."""
    events: list[Text] = Field(min_length=2, max_length=12)
    """The events, earliest first."""

    @field_validator("events")
    @classmethod
    def _distinct_events(cls, events: list[str]) -> list[str]:
        if len({e.strip().casefold() for e in events}) != len(events):
            raise ValueError("events must be distinct")
        return events


Entry = Annotated[
    DateEntry | FigureEntry | QuoteEntry | QaEntry | ClozeEntry | ChoiceEntry | OrderEntry,
    Field(discriminator="kind"),
]
ENTRY_TYPES: dict[str, type[_EntryBase]] = {
    "date": DateEntry,
    "figure": FigureEntry,
    "quote": QuoteEntry,
    "qa": QaEntry,
    "cloze": ClozeEntry,
    "choice": ChoiceEntry,
    "order": OrderEntry,
}
KINDS: tuple[str, ...] = tuple(ENTRY_TYPES)


# ------------------------------------------------------------------------- deck


class SourceDocument(_Model):
    """The document a deck was built from, credited on screen."""

    title: Text
    author: Text | None = None
    publisher: Text | None = None
    url: Text | None = None
    published: DateValue | None = None
    note: Text | None = None
    """Anything else worth crediting ("originally published in Japanese")."""


class Deck(_Model):
    """One deck file: metadata and entries."""

    id: Identifier
    """Stable deck id; card ids (and so progress) are derived from it."""
    title: Text
    description: Text | None = None
    author: Text | None = None
    version: Text | None = None
    language: Annotated[str, Field(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")] = "en"
    """BCP 47 language tag, e.g. en, ja, pt-BR."""
    document: SourceDocument | None = None
    """The source document the entries were built from."""
    check: CheckMode | None = None
    """The default of every entry's ``check``: ``self`` makes the whole deck flip cards
    (an imported Anki deck of definitions); ``typed`` always checks typed answers."""
    entries: list[Entry] = Field(min_length=1)

    @property
    def entry_ids(self) -> list[str]:
        return [e.id for e in self.entries]

    @property
    def drafts(self) -> int:
        """Entries still marked ``review: true`` (drafted by a tool, not yet checked): home
        says a deck is a draft by this count (kept in the cache's index, see DeckIndex)."""
        return sum(1 for e in self.entries if e.review)


AnyEntry = DateEntry | FigureEntry | QuoteEntry | QaEntry | ClozeEntry | ChoiceEntry | OrderEntry


def deck_json_schema() -> dict[str, Any]:
    """The JSON Schema of a deck file, for editors (yaml-language-server) and CI tools."""
    schema = Deck.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://studyapp.invalid/schema/deck.schema.json",
        "title": "studyapp deck",
        **{k: v for k, v in schema.items() if k != "title"},
    }
