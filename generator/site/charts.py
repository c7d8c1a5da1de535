"""Results over time as inline SVG bar charts, drawn at build time (no chart library in the browser).

Series with the same unit from the same source are one measure for different groups (Lørenskog's
introduksjonsprogram and Jobbsjansen): they share one chart, with bars side by side per year, and one
table with a column per series. Years without figures between two years with figures are a gap in
the chart and a row of «–» in the table, never neighbouring bars.

Each chart is an image with a text alternative (title and desc) and is always shown next to a table
with the same numbers, written by the same function (formatting.quantity), so nothing is conveyed by
the drawing alone and a label never differs from its table cell.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from generator.formatting import axis_label, escape, point_value
from generator.records.model import Point, Result

WIDTH, HEIGHT = 320, 200
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_BOTTOM, MARGIN_TOP = 42, 8, 28, 22
LEGEND_ROW = 16
# Each at least 4.5:1 against white (above the 3:1 WCAG asks of graphics) and apart in hue and lightness.
BAR_COLOURS = ("#3949ab", "#a34700", "#00695c", "#6a1b9a")
MISSING = "–"


@dataclass(frozen=True)
class Row:
    """One year (or a run of years with no figures: «2017–2018») and each series' point, None where missing."""

    label: str
    points: tuple[Point | None, ...]

    @property
    def is_gap(self) -> bool:
        return all(p is None for p in self.points)


@dataclass(frozen=True)
class ChartGroup:
    series: tuple[Result, ...]

    @property
    def label(self) -> str:
        names = [r.label for r in self.series]
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " og " + names[-1]

    @property
    def unit(self) -> str:
        return self.series[0].unit

    @property
    def source(self) -> str:
        return self.series[0].source

    def rows(self) -> list[Row]:
        by_year = [{p.year: p for p in r.points} for r in self.series]
        years = sorted({year for found in by_year for year in found})
        rows: list[Row] = []
        for index, year in enumerate(years):
            if index and year - years[index - 1] > 1:
                first, last = years[index - 1] + 1, year - 1
                rows.append(Row(str(first) if first == last else f"{first}–{last}", (None,) * len(self.series)))
            rows.append(Row(str(year), tuple(found.get(year) for found in by_year)))
        return rows

    @property
    def has_missing(self) -> bool:
        return any(p is None for row in self.rows() for p in row.points)

    def cell(self, series: Result, point: Point | None) -> str:
        """The text of a bar's label and of its table cell: the same function for both."""
        return MISSING if point is None else point_value(series, point)


def groups(results: list[Result]) -> list[ChartGroup]:
    """The results, series of one measure (same unit and source) together, in the record's order."""
    found: dict[tuple[str, str], list[Result]] = {}
    for result in results:
        found.setdefault((result.unit, result.source), []).append(result)
    return [ChartGroup(tuple(members)) for members in found.values()]


def describe(group: ChartGroup) -> str:
    parts = []
    for index, series in enumerate(group.series):
        values = ", ".join(
            f"{row.label}: {'ingen tall' if row.points[index] is None else group.cell(series, row.points[index])}"
            for row in group.rows()
        )
        parts.append(f"{series.label}. {values}.")
    return " ".join(parts)


def _scale_max(group: ChartGroup) -> float:
    if group.unit == "prosent":
        return 100.0
    top = max(p.value for r in group.series for p in r.points)
    return top * 1.15 or 1.0


def bar_chart(group: ChartGroup, chart_id: str) -> Markup:
    rows = group.rows()
    count = len(group.series)
    legend_h = LEGEND_ROW * count if count > 1 else 0
    height = HEIGHT + legend_h
    top = _scale_max(group)
    plot_w = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    plot_h = HEIGHT - MARGIN_BOTTOM - MARGIN_TOP
    slot = plot_w / len(rows)
    bar_w = min(56 / count, slot * 0.8 / count)
    parts = [
        f'<svg class="ikb-chart__svg" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{chart_id}-t {chart_id}-d" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-t">{escape(group.label)}</title>',
        f'<desc id="{chart_id}-d">{escape(describe(group))}</desc>',
    ]
    base_y = MARGIN_TOP + plot_h
    for tick in (0, 0.5, 1):
        y = base_y - tick * plot_h
        parts.append(f'<line x1="{MARGIN_LEFT}" x2="{WIDTH - 4}" y1="{y:.1f}" y2="{y:.1f}" class="ikb-chart__grid"/>')
        parts.append(f'<text x="{MARGIN_LEFT - 4}" y="{y + 4:.1f}" text-anchor="end" class="ikb-chart__axis">'
                     f"{axis_label(top * tick, group.unit)}</text>")
    for index, row in enumerate(rows):
        first_x = MARGIN_LEFT + slot * index + (slot - bar_w * count) / 2
        for s, (series, point) in enumerate(zip(group.series, row.points)):
            x = first_x + bar_w * s
            centre = x + bar_w / 2
            text = escape(group.cell(series, point))
            if point is None:
                parts.append(f'<text x="{centre:.1f}" y="{base_y - 5:.1f}" text-anchor="middle" '
                             f'class="ikb-chart__value ikb-chart__missing">{text}</text>')
                continue
            bar_h = plot_h * point.value / top
            y = base_y - bar_h
            parts.append(f'<rect class="ikb-chart__bar" x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{bar_h:.1f}" '
                         f'fill="{BAR_COLOURS[s % len(BAR_COLOURS)]}"/>')
            parts.append(f'<text x="{centre:.1f}" y="{y - 5:.1f}" text-anchor="middle" class="ikb-chart__value">{text}</text>')
        axis_class = "ikb-chart__axis ikb-chart__gap" if row.is_gap else "ikb-chart__axis"
        parts.append(f'<text x="{MARGIN_LEFT + slot * (index + 0.5):.1f}" y="{HEIGHT - 8}" text-anchor="middle" '
                     f'class="{axis_class}">{escape(row.label)}</text>')
    if count > 1:
        for s, series in enumerate(group.series):
            y = HEIGHT + LEGEND_ROW * s
            parts.append(f'<rect x="{MARGIN_LEFT}" y="{y:.1f}" width="10" height="10" fill="{BAR_COLOURS[s % len(BAR_COLOURS)]}"/>')
            parts.append(f'<text x="{MARGIN_LEFT + 14}" y="{y + 9:.1f}" class="ikb-chart__axis">{escape(series.label)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def headline_value(result: Result) -> tuple[str, int]:
    """The latest figure of a series and its year, for the top of a case page and the comparison."""
    latest = max(result.points, key=lambda p: p.year)
    return point_value(result, latest), latest.year

