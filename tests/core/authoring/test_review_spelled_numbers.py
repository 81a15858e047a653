"""A number typed into a draft's form, or read from its file, keeps the author's spelling
("2.50", "1e3"), and editing it never fails (a spelled number is copied and pickled)."""

from __future__ import annotations

import copy
import pickle

import pytest

from studyapp.core.authoring.review.fields import field_text, form_changes
from studyapp.core.authoring.review.textedit import _updated
from studyapp.core.decks.yamlscalar import resolve_plain, spelling


@pytest.mark.parametrize("typed", ["2.50", "1e3", "+5", "007", ".5"])
def test_a_number_typed_into_a_figure_is_kept_as_typed(typed: str) -> None:
    entry = {"id": "x", "kind": "figure", "measure": "m", "value": 5}
    changes, _problems = form_changes("figure", entry, {"value": typed})
    updated = _updated(entry, changes)
    assert updated["value"] == float(typed)
    assert spelling(updated["value"]) in (typed, None)  # None where Python writes it so


@pytest.mark.parametrize("written", ["1e3", "1.50", "+5", "007"])
def test_a_spelled_number_copies_pickles_and_shows_as_written(written: str) -> None:
    value = resolve_plain(written)
    assert spelling(copy.deepcopy(value)) == written
    assert spelling(pickle.loads(pickle.dumps(value))) == written
    assert field_text(value, "line") == written
