"""Results over time as inline SVG bar charts, drawn at build time (no chart library in the browser).

Each chart is an image with a text alternative (title and desc) and is always shown next to a table
with the same numbers, so nothing is conveyed by the drawing alone.
"""

from __future__ import annotations

from markupsafe import Markup

from .formatting import escape, number, unit_suffix
from .model import Result

WIDTH, HEIGHT = 320, 200
MARGIN_LEFT, MARGIN_BOTTOM, MARGIN_TOP = 36, 28, 22
BAR_COLOUR = "#3949ab"  # 7.6:1 against white: above the 3:1 WCAG asks of graphics


def _scale_max(result: Result) -> float:
    top = max(p.value for p in result.points)
    if result.unit == "prosent":
        return 100.0
    return top * 1.15 or 1.0


def describe(result: Result) -> str:
    values = ", ".join(f"{p.year}: {number(p.value)}{unit_suffix(result.unit)}" for p in result.points)
    return f"{result.label}. {values}."


def bar_chart(result: Result, chart_id: str) -> Markup:
    points = sorted(result.points, key=lambda p: p.year)
    top = _scale_max(result)
    plot_w = WIDTH - MARGIN_LEFT - 8
    plot_h = HEIGHT - MARGIN_BOTTOM - MARGIN_TOP
    slot = plot_w / len(points)
    bar_w = min(56, slot * 0.6)
    parts = [
        f'<svg class="ikb-chart__svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{chart_id}-t {chart_id}-d" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-t">{escape(result.label)}</title>',
        f'<desc id="{chart_id}-d">{escape(describe(result))}</desc>',
    ]
    base_y = MARGIN_TOP + plot_h
    for tick in (0, 0.5, 1):
        y = base_y - tick * plot_h
        label = number(top * tick) + ("\u00a0%" if result.unit == "prosent" else "")
        parts.append(f'<line x1="{MARGIN_LEFT}" x2="{WIDTH - 4}" y1="{y:.1f}" y2="{y:.1f}" class="ikb-chart__grid"/>')
        parts.append(f'<text x="{MARGIN_LEFT - 4}" y="{y + 4:.1f}" text-anchor="end" class="ikb-chart__axis">{label}</text>')
    for index, point in enumerate(points):
        height = plot_h * point.value / top
        x = MARGIN_LEFT + slot * index + (slot - bar_w) / 2
        y = base_y - height
        centre = x + bar_w / 2
        parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{height:.1f}" fill="{BAR_COLOUR}"/>')
        parts.append(f'<text x="{centre:.1f}" y="{y - 5:.1f}" text-anchor="middle" class="ikb-chart__value">'
                     f"{number(point.value)}{unit_suffix(result.unit)}</text>")
        parts.append(f'<text x="{centre:.1f}" y="{HEIGHT - 8}" text-anchor="middle" class="ikb-chart__axis">{point.year}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
