"""Charts drawn with text: column charts, bars, a calendar heatmap and plain tables.

They return plain strings (shown with ``Static(..., markup=False)``), so they
read the same in any theme and with NO_COLOR: amounts are drawn with block
heights and shade characters, and every chart carries its numbers in words.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import Literal

EIGHTHS = " ▁▂▃▄▅▆▇█"
"""Partial block heights, from empty to full, in eighths of a line."""
SHADES = "·░▒▓█"
"""Heatmap intensity: nothing, then four levels (readable without colour)."""
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

Align = Literal["<", ">"]


def column_chart(
    values: Sequence[int],
    *,
    height: int = 6,
    left_label: str = "",
    right_label: str = "",
    gap: bool = True,
    top: int | None = None,
) -> str:
    """Vertical bars, one per value, two columns apart (side by side without ``gap``),
    with a y axis and end labels. ``top``: the value of a full column (default: the
    largest value; charts to be compared share one).

    Any non-zero value shows at least an eighth of a block, so a day with one
    review never looks like a day with none.
    """
    top = max(max(values, default=0), top or 0)
    axis_width = max(len(str(top)), 1)
    rows: list[str] = []
    eighths = [0 if top == 0 or v <= 0 else max(1, round(v / top * height * 8)) for v in values]
    for level in range(height - 1, -1, -1):
        label = str(top) if level == height - 1 else ""
        cells = []
        for filled in eighths:
            part = min(max(filled - level * 8, 0), 8)
            cells.append(EIGHTHS[part])
        rows.append(f"{label:>{axis_width}} │" + (" " if gap else "").join(cells).rstrip())
    width = max(len(values) * 2 - 1 if gap else len(values), 1)
    rows.append(f"{'0':>{axis_width}} └" + "─" * width)
    if left_label or right_label:
        space = max(width - len(left_label) - len(right_label), 1)
        rows.append(" " * (axis_width + 2) + left_label + " " * space + right_label)
    return "\n".join(rows)


def stacked_charts(
    series: Sequence[tuple[str, Sequence[int]]],
    *,
    height: int = 4,
    left_label: str = "",
    right_label: str = "",
    gap: bool = False,
) -> str:
    """Column charts of several series, each under its title, one above the other on one
    scale, so they compare by eye (the same day is in the same column)."""
    top = max((max(values, default=0) for _, values in series), default=0)
    blocks: list[str] = []
    for title, values in series:
        blocks.append(title)
        blocks.append(
            column_chart(
                values,
                height=height,
                left_label=left_label,
                right_label=right_label,
                gap=gap,
                top=top,
            )
        )
    return "\n".join(blocks)


def chart_fit(count: int, top: int, width: int) -> tuple[int, bool]:
    """How many of ``count`` values a :func:`column_chart` can show in ``width`` cells,
    and whether with gaps: gaps go first, then the values at the start."""
    axis = max(len(str(top)), 1) + 2
    if axis + 2 * count - 1 <= width:
        return count, True
    return max(min(count, width - axis), 1), False


def hbar(fraction: float | None, width: int = 10) -> str:
    """A horizontal bar: full blocks for the share, light shade for the rest."""
    if fraction is None:
        return "·" * width
    filled = round(min(max(fraction, 0.0), 1.0) * width)
    return "█" * filled + "░" * (width - filled)


def shade_levels(top: int) -> list[tuple[str, int, int]]:
    """(shade, lowest, highest) count shown by each non-empty heatmap level."""
    levels = []
    for k in range(1, 5):
        low = math.floor(top * (k - 1) / 4) + 1
        high = math.floor(top * k / 4)
        if top > 0 and low <= high:
            levels.append((SHADES[k], low, high))
    return levels


def shade(count: int, top: int) -> str:
    """The shade character for a day's count, given the busiest day's count."""
    if count <= 0 or top <= 0:
        return SHADES[0]
    return SHADES[min(4, math.ceil(4 * count / top))]


def calendar_heatmap(counts: Mapping[date, int], today: date, weeks: int = 53) -> str:
    """A year of study days: weeks as columns (Monday first), days as rows.

    Days after ``today`` are blank; days without reviews are ``·``; busier days
    get darker shades. A legend below gives the count each shade stands for.
    """
    first = today - timedelta(days=today.weekday()) - timedelta(weeks=weeks - 1)
    top = max((n for d, n in counts.items() if first <= d <= today), default=0)
    label_width = 4
    months = [" "] * weeks
    previous_month = 0
    free_from = 0
    for week in range(weeks):
        monday = first + timedelta(weeks=week)
        if monday.month != previous_month:
            previous_month = monday.month
            name = MONTHS[monday.month - 1]
            starts_month = week > 0 or monday.day <= 7
            # a month that starts in the last columns ends its name at the last one (today's
            # month is named even in its first week), if the month before leaves room
            at = min(week, weeks - len(name))
            if starts_month and at >= free_from:
                months[at : at + len(name)] = list(name)
                free_from = at + len(name) + 1
    lines = [" " * label_width + "".join(months).rstrip()]
    for weekday, name in enumerate(("Mon", "", "Wed", "", "Fri", "", "Sun")):
        cells = []
        for week in range(weeks):
            day = first + timedelta(weeks=week, days=weekday)
            cells.append(" " if day > today else shade(counts.get(day, 0), top))
        lines.append(f"{name:<{label_width}}" + "".join(cells).rstrip())
    legend = [f"{SHADES[0]} none"]
    for char, low, high in shade_levels(top):
        legend.append(f"{char} {low}" if low == high else f"{char} {low}-{high}")
    lines.append("")
    key = "   ".join(legend)
    if len(key) + 16 <= label_width + weeks:
        lines.append("Reviews a day:  " + key)
    else:  # a narrow calendar: the legend under its title
        lines += ["Reviews a day:", key]
    return "\n".join(lines)


def text_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    align: Sequence[Align] | None = None,
    *,
    gap: int = 2,
) -> str:
    """Columns lined up with spaces, headers underlined with a rule: no colour needed."""
    right: list[Align] = [">"] * (len(headers) - 1)
    aligns: Sequence[Align] = align or ["<", *right]
    widths = [len(h) for h in headers]
    for row in rows:
        for i, value in enumerate(row):
            widths[i] = max(widths[i], len(value))
    sep = " " * gap

    def line(values: Sequence[str]) -> str:
        return sep.join(f"{v:{a}{w}}" for v, a, w in zip(values, aligns, widths, strict=True))

    out = [line(headers).rstrip(), sep.join("─" * w for w in widths)]
    out += [line(row).rstrip() for row in rows]
    return "\n".join(out)


def clip(text: str, width: int) -> str:
    """One line of at most ``width`` characters, with an ellipsis when cut."""
    text = " ".join(text.split())
    if width <= 0:
        return ""
    return text if len(text) <= width else text[: width - 1] + "…"
