"""Closed sets on the real line as sorted unions of disjoint intervals, and the exact
solution sets of quadratic inequalities. The 1D building block of :mod:`xboson.region`."""

from __future__ import annotations

import math
from dataclasses import dataclass
from .errors import InputError

__all__ = ["IntervalSet", "quadratic_at_most", "quadratic_between"]

Interval = tuple[float, float]


@dataclass(frozen=True)
class IntervalSet:
    """A union of disjoint closed intervals [a, b] (a may be -inf, b may be +inf), sorted."""

    intervals: tuple[Interval, ...] = ()

    @classmethod
    def everything(cls) -> IntervalSet:
        return cls(((-math.inf, math.inf),))

    @classmethod
    def empty(cls) -> IntervalSet:
        return cls(())

    @property
    def is_empty(self) -> bool:
        return not self.intervals

    @property
    def bounds(self) -> Interval:
        """(inf, sup) of the set; raises ValueError if it is empty."""
        if self.is_empty:
            raise InputError("the allowed set is empty: every value is excluded, zero included")
        return (self.intervals[0][0], self.intervals[-1][1])

    def __and__(self, other: IntervalSet) -> IntervalSet:
        out = []
        i = j = 0
        a, b = self.intervals, other.intervals
        while i < len(a) and j < len(b):
            lo = max(a[i][0], b[j][0])
            hi = min(a[i][1], b[j][1])
            if lo <= hi:
                out.append((lo, hi))
            if a[i][1] < b[j][1]:
                i += 1
            else:
                j += 1
        return IntervalSet(tuple(out))

    def contains(self, t: float) -> bool:
        return any(lo <= t <= hi for lo, hi in self.intervals)

    def component_containing(self, t: float) -> Interval | None:
        """The interval of the set that contains ``t``, or None."""
        for lo, hi in self.intervals:
            if lo <= t <= hi:
                return (lo, hi)
        return None


def quadratic_at_most(a: float, b: float, c: float) -> IntervalSet:
    """{t : a t^2 + b t + c <= 0}, solved exactly (numerically stable roots; the coefficients are
    scaled to max |.| = 1 first, so b^2 - 4ac cannot overflow). a, b, c finite."""
    m = max(abs(a), abs(b), abs(c))
    if m == 0.0:
        return IntervalSet.everything()
    if not math.isfinite(m):
        raise InputError(f"a, b, c must be finite (got {a!r}, {b!r}, {c!r})")
    a, b, c = a / m, b / m, c / m
    if a == 0.0:
        if b == 0.0:
            return IntervalSet.everything() if c <= 0.0 else IntervalSet.empty()
        r = -c / b
        return IntervalSet(((-math.inf, r),)) if b > 0 else IntervalSet(((r, math.inf),))
    disc = b * b - 4.0 * a * c
    if disc < 0.0:
        return IntervalSet.empty() if a > 0 else IntervalSet.everything()
    q = -0.5 * (b + math.copysign(math.sqrt(disc), b))
    r1 = q / a
    r2 = c / q if q != 0.0 else r1
    lo, hi = min(r1, r2), max(r1, r2)
    if a > 0:
        return IntervalSet(((lo, hi),))
    return IntervalSet(((-math.inf, lo), (hi, math.inf)))


def quadratic_between(a: float, b: float, c: float, lo: float, hi: float) -> IntervalSet:
    """{t : lo <= a t^2 + b t + c <= hi}. Domain: a, b, c finite reals; lo <= hi, either end may
    be infinite (not NaN). Roots beyond the float range are reported as infinite ends."""
    if not (math.isfinite(a) and math.isfinite(b) and math.isfinite(c)):
        raise InputError(f"a, b, c must be finite (got {a!r}, {b!r}, {c!r})")
    if math.isnan(lo) or math.isnan(hi) or lo > hi:
        raise InputError(f"lo, hi: need lo <= hi, not NaN (got {lo!r}, {hi!r})")
    s = IntervalSet.everything()
    if math.isfinite(hi):
        s = s & quadratic_at_most(a, b, c - hi)
    if math.isfinite(lo):
        s = s & quadratic_at_most(-a, -b, lo - c)
    return s
