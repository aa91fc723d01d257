"""Where a label goes: the first of its candidate places that sits on no line, mark or other text.

A target's label ("Mục tiêu B.II.4: trên 2% (từ 2020)") used to sit wherever the
target started, often across a scenario's line or a verdict ring. Labels that may
move are tried, once the plot's limits and size are final, at each of their
candidate places; the first clear one wins (else the least crowded).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from matplotlib.transforms import Bbox

__all__ = ["Candidate", "crosses", "movable", "settle_labels"]


@dataclass(frozen=True)
class Candidate:
    """A place for a label: anchor in data coordinates, offset in points, alignment."""

    x: float
    y: float
    dx: float
    dy: float
    ha: str
    va: str


def movable(annotation, candidates: list[Candidate]) -> None:
    """Mark an annotation as placeable among ``candidates`` (the first is where it starts)."""
    annotation._khcn_candidates = candidates  # type: ignore[attr-defined]


def crosses(line, box: Bbox) -> bool:
    """Whether a Line2D's path or marks run through ``box`` (display coordinates)."""
    data = np.column_stack([line.get_xdata(orig=False), line.get_ydata(orig=False)]).astype(float)
    if not len(data):
        return False
    xy = line.get_transform().transform(data)
    if line.get_marker() not in (None, "", "None", "none"):
        r = line.get_markersize() / 2 * line.figure.dpi / 72
        if any(box.x0 - r < x < box.x1 + r and box.y0 - r < y < box.y1 + r for x, y in xy):
            return True
    if line.get_linestyle() in ("None", "none", "") or len(xy) < 2:
        return False
    path = line.get_transform().transform_path(line.get_path())
    return bool(path.intersects_bbox(box, filled=False))


def _apply(annotation, c: Candidate) -> None:
    annotation.xy = (c.x, c.y)
    annotation.set_position((c.dx, c.dy))
    annotation.set_ha(c.ha)
    annotation.set_va(c.va)


def _cost(ax, annotation, renderer, others: list) -> int:
    box = annotation.get_window_extent(renderer).padded(1.0)
    ax_box = ax.get_window_extent(renderer)
    cost = 0 if (ax_box.x0 <= box.x0 and box.x1 <= ax_box.x1 and ax_box.y0 <= box.y0 and box.y1 <= ax_box.y1) else 5
    cost += sum(2 for line in ax.lines if crosses(line, box))
    cost += sum(3 for other in others if other.get_window_extent(renderer).overlaps(box))
    return cost


def settle_labels(ax) -> None:
    """Move each movable label of ``ax`` to its first clear candidate place (call when the layout is final)."""
    renderer = ax.figure.canvas.get_renderer()
    labels = [t for t in ax.texts if getattr(t, "_khcn_candidates", None)]
    fixed = [t for t in ax.texts if t not in labels and t.get_text().strip()]
    placed: list = []
    for label in labels:
        best, best_cost = None, None
        for c in label._khcn_candidates:
            _apply(label, c)
            cost = _cost(ax, label, renderer, fixed + placed)
            if best_cost is None or cost < best_cost:
                best, best_cost = c, cost
            if cost == 0:
                break
        _apply(label, best)
        placed.append(label)
