"""A century in a source supports a date entry by either way of counting centuries: the
1800s as readers mean "the nineteenth century", or 1801 as the strict count begins it."""

from __future__ import annotations

import pytest

from studyapp.core.authoring.lint.runner import lint_text

DECK = """\
id: centuries
title: Centuries
entries:
  - id: neutral
    kind: date
    event: The policy of neutrality begins
    date: "{year}"
    source: The policy has held since the mid-nineteenth century, the envoy wrote.
"""


@pytest.mark.parametrize(("year", "stated"), [(1800, True), (1801, True), (1850, False)])
def test_a_century_states_its_first_year_either_way(year: int, stated: bool) -> None:
    findings = lint_text(DECK.format(year=year), "d.yaml").findings
    assert (not any(f.rule == "S002" for f in findings)) is stated
