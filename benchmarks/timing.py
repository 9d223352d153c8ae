"""What the benchmarks share: a summary of repeated timings (median and spread) and a line
that puts it beside a floor measured in the same run."""

from __future__ import annotations

import statistics
from collections.abc import Sequence


def spread(values: Sequence[float]) -> tuple[float, float, float]:
    """The median, the 10th and the 90th percentile (nearest rank) of some timings."""
    ordered = sorted(values)
    last = len(ordered) - 1
    return (
        statistics.median(ordered),
        ordered[round(0.1 * last)],
        ordered[round(0.9 * last)],
    )


def line(name: str, values: Sequence[float], unit: str, floor: Sequence[float] | None) -> str:
    """`name  median (p10-p90, n)  ratio to the floor's median`, in the unit given
    (values in seconds; unit "s" or "ms")."""
    scale = 1000.0 if unit == "ms" else 1.0
    median, low, high = spread(values)
    text = (
        f"{name:<48} median {median * scale:9.3f} {unit}   "
        f"p10-p90 {low * scale:.3f}-{high * scale:.3f} {unit}   n={len(values)}"
    )
    if floor:
        text += f"   {median / spread(floor)[0]:6.2f}x the floor"
    return text
