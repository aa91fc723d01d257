"""Exact percentiles and means of a stream of draws, in constant memory.

The Monte Carlo cannot keep 10^6 draws of every indicator and year (3 GB); it
streams them block by block (:mod:`khcn_analysis.model.draws`) and can generate
the same blocks again. :class:`StreamingBands` reads the stream in passes:

1. **First pass.** Per cell (one indicator in one year): minimum, maximum, sum
   (one block at a time, added in block order, so the same for every chunk
   size), and a histogram of :data:`BINS` bins between the minimum and the
   maximum of the first block, plus one bin below and one above. The bin of a
   value is a monotone function of the value, so every value in bin *j* is at
   most every value in bin *j + 1*: the histogram says in which bin the *r*-th
   smallest value lies, and how many values come before it.
2. **Second pass.** Only the values that fall in a wanted bin are kept (about
   draws / :data:`BINS` per percentile), sorted, and the wanted ranks read off.
3. **Rarely, more passes.** A wanted bin holding more than :data:`CAP` values
   (a cell that was constant in the first block, or values piled on one point)
   is split again, by the values' bit patterns in an order-preserving key, 4,096
   ways per pass until it is small enough or holds a single value.

The percentiles are those of numpy's default (linear) method, computed with
the same arithmetic from the same two order statistics: they are exact, not
estimates. Memory: a few histograms and the values of the wanted bins.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

__all__ = ["BINS", "CAP", "StreamingBands"]

#: Histogram bins per cell in the first pass.
BINS = 4096
#: The most values one wanted bin may hand to a sort; larger bins are split again.
CAP = 1 << 16
#: The most values all wanted bins of a pass may keep together.
BUDGET = 1 << 22
_SIGN = np.uint64(1 << 63)
_TOP = (1 << 64) - 1


def ordered_keys(values: np.ndarray) -> np.ndarray:
    """uint64 keys in the order of the float64 values (-0.0 must have been made +0.0)."""
    bits = np.ascontiguousarray(values, dtype=np.float64).view(np.uint64)
    return np.where(bits >> np.uint64(63), ~bits, bits | _SIGN)


def key_value(key: int) -> float:
    """The float64 whose key is ``key``."""
    k = np.uint64(key)
    bits = k ^ _SIGN if key >> 63 else ~k
    return float(np.array([bits], dtype=np.uint64).view(np.float64)[0])


@dataclass
class _Query:
    """The wanted ranks of one cell that lie among the values with first-pass bin ``bin1``
    (-1: any) and key in ``lo … hi``; ``below`` values of the cell come before them."""

    cell: int
    bin1: int
    lo: int
    hi: int
    below: int
    count: int
    ranks: list[int]
    collect: bool = False
    shift: int = 0
    found: list[np.ndarray] = field(default_factory=list)
    counts: np.ndarray | None = None

    @property
    def keyed(self) -> bool:
        return self.bin1 < 0 or self.lo > 0 or self.hi < _TOP


class StreamingBands:
    """Mean and percentiles of ``cells`` columns over ``draws`` rows read block by block, in passes.

    Call :meth:`scan` with every block of a pass, in order (the blocks must be the
    same in every pass), then :meth:`end_pass`; repeat while it returns True.
    """

    def __init__(self, cells: int, draws: int, percentiles: tuple[float, ...]) -> None:
        self.cells, self.draws = cells, draws
        pos = np.asarray(percentiles, dtype=float) / 100 * (draws - 1)
        self._rank_lo = np.floor(pos).astype(int)
        self._rank_hi = np.minimum(self._rank_lo + 1, draws - 1)
        self._frac = pos - self._rank_lo
        self.passes = 0
        self._min = np.full(cells, np.inf)
        self._max = np.full(cells, -np.inf)
        self._sum = np.zeros(cells)
        self._hist_cells: np.ndarray | None = None
        self._queries: list[_Query] = []
        self._found: dict[tuple[int, int], float] = {}
        self._fast: list[_Query] = []
        self._slow: list[_Query] = []
        self._fast_map: np.ndarray | None = None
        self._columns: np.ndarray | None = None
        self._hist_pos: np.ndarray | None = None
        self._slow_by_bin = False
        self._fast_q: list[np.ndarray] = []
        self._fast_v: list[np.ndarray] = []

    # ------------------------------------------------------------------ reading blocks

    def _bins(self, values: np.ndarray) -> np.ndarray:
        """First-pass bin of each value of the histogram cells, as a flat index (cell-major bins)."""
        t = (values - self._lo) * self._scale
        np.fmax(t, -1.0, out=t)  # NaN and below the first block's minimum: the bin below
        np.fmin(t, float(BINS), out=t)
        flat = t.astype(np.int64)
        flat += self._offsets
        return flat

    @property
    def columns(self) -> np.ndarray | None:
        """The cells the next pass reads, in order (None: every cell)."""
        return self._columns

    def scan(self, block: np.ndarray) -> None:
        """Read one block ``(rows, cells)``, only the cells :attr:`columns` after the first pass
        (modified in place: -0.0 becomes +0.0)."""
        block += 0.0
        if self.passes == 0:
            self._scan_first(block)
        else:
            self._scan_later(block)

    def _scan_first(self, block: np.ndarray) -> None:
        lo, hi = block.min(axis=0), block.max(axis=0)
        if self._hist_cells is None:  # the first block sets the bins
            spread = np.isfinite(lo) & np.isfinite(hi) & (hi > lo)
            self._hist_cells = np.flatnonzero(spread)
            self._lo = lo[self._hist_cells]
            with np.errstate(over="ignore"):
                self._scale = BINS / (hi[self._hist_cells] - self._lo)
            self._scale[~np.isfinite(self._scale)] = 0.0
            self._offsets = np.arange(len(self._hist_cells), dtype=np.int64) * (BINS + 2) + 1
            self._hist = np.zeros(len(self._hist_cells) * (BINS + 2), dtype=np.int64)
        np.minimum(self._min, lo, out=self._min)  # NaN stays: the cell is dropped
        np.maximum(self._max, hi, out=self._max)
        self._sum += block.sum(axis=0)
        if len(self._hist_cells):
            self._hist += np.bincount(self._bins(block[:, self._hist_cells]).ravel(), minlength=len(self._hist))

    def _scan_later(self, block: np.ndarray) -> None:
        flat = None
        assert self._hist_cells is not None and self._columns is not None
        if self._fast_map is not None or self._slow_by_bin:
            values = block if self._hist_pos is None else block[:, self._hist_pos]
            flat = self._bins(values)
        if self._fast_map is not None:
            qid = self._fast_map[flat]
            sel = qid >= 0
            self._fast_q.append(qid[sel])
            self._fast_v.append(values[sel])
        for q in self._slow:
            if q.bin1 >= 0:
                assert flat is not None
                col = int(np.searchsorted(self._hist_cells, q.cell))
                column = values[flat[:, col] == q.bin1, col]
            else:
                column = block[:, int(np.searchsorted(self._columns, q.cell))]
            keys = ordered_keys(column)
            inside = (keys >= np.uint64(q.lo)) & (keys <= np.uint64(q.hi))
            if q.collect:
                q.found.append(column[inside])
            else:
                assert q.counts is not None
                sub = (keys[inside] - np.uint64(q.lo)) >> np.uint64(q.shift)
                q.counts += np.bincount(sub.astype(np.int64), minlength=len(q.counts))

    # ------------------------------------------------------------------ between passes

    def end_pass(self) -> bool:
        """Settle what this pass found; True while another pass is needed."""
        queries = self._first_queries() if self.passes == 0 else self._settle()
        self.passes += 1
        self._plan(queries)
        return bool(self._queries)

    def _wanted(self) -> list[int]:
        return sorted({int(r) for r in (*self._rank_lo, *self._rank_hi)})

    def _first_queries(self) -> list[_Query]:
        assert self._hist_cells is not None
        vary = np.flatnonzero(~np.isnan(self._min) & (self._max > self._min))
        where = {int(c): i for i, c in enumerate(self._hist_cells)}
        queries = []
        for cell in vary:
            ranks = self._wanted()
            if int(cell) not in where:
                queries.append(_Query(int(cell), -1, 0, _TOP, 0, self.draws, ranks))
                continue
            i = where[int(cell)]
            counts = self._hist[i * (BINS + 2):(i + 1) * (BINS + 2)]
            queries += _split(counts, ranks, lambda j, i=i, cell=int(cell), **kw: _Query(
                cell, i * (BINS + 2) + j, 0, _TOP, **kw))
        self._hist = np.zeros(0, dtype=np.int64)
        return queries

    def _settle(self) -> list[_Query]:
        children: list[_Query] = []
        if self._fast_q:
            qid, values = np.concatenate(self._fast_q), np.concatenate(self._fast_v)
            order = np.lexsort((values, qid))
            qid, values = qid[order], values[order]
            starts = np.searchsorted(qid, np.arange(len(self._fast) + 1))
            for i, q in enumerate(self._fast):
                self._read(q, values[starts[i]:starts[i + 1]])
        self._fast_q, self._fast_v = [], []
        for q in self._slow:
            if q.collect:
                self._read(q, np.sort(np.concatenate(q.found)) if q.found else np.zeros(0))
            else:
                assert q.counts is not None
                children += _split(q.counts, q.ranks, lambda j, q=q, **kw: _Query(
                    q.cell, q.bin1, q.lo + (j << q.shift), min(q.hi, q.lo + ((j + 1) << q.shift) - 1), **kw),
                    below=q.below)
        return children

    def _read(self, q: _Query, ordered: np.ndarray) -> None:
        if len(ordered) != q.count:
            raise RuntimeError(f"the draws changed between passes (cell {q.cell}: {len(ordered)} ≠ {q.count})")
        for r in q.ranks:
            self._found[(q.cell, r)] = float(ordered[r - q.below])

    def _plan(self, queries: list[_Query]) -> None:
        """Decide, per query, to read its values off directly, keep them, or split it again."""
        self._queries, self._fast, self._slow = [], [], []
        kept = 0
        for q in sorted(queries, key=lambda q: q.count):
            if q.lo == q.hi:  # one key: one value
                for r in q.ranks:
                    self._found[(q.cell, r)] = key_value(q.lo)
                continue
            if q.count <= CAP and kept + q.count <= BUDGET:
                q.collect, kept = True, kept + q.count
            else:
                q.shift = max(0, (q.hi - q.lo).bit_length() - BINS.bit_length() + 1)
                q.counts = np.zeros(((q.hi - q.lo) >> q.shift) + 1, dtype=np.int64)
            self._queries.append(q)
            (self._fast if q.collect and not q.keyed else self._slow).append(q)
        self._fast_map = None
        if self._fast:
            assert self._hist_cells is not None
            self._fast_map = np.full(len(self._hist_cells) * (BINS + 2), -1, dtype=np.int32)
            for i, q in enumerate(self._fast):
                self._fast_map[q.bin1] = i
        self._slow_by_bin = any(q.bin1 >= 0 for q in self._slow)
        assert self._hist_cells is not None
        self._columns = np.union1d(self._hist_cells, [q.cell for q in self._slow if q.bin1 < 0]).astype(np.int64)
        same = len(self._columns) == len(self._hist_cells)
        self._hist_pos = None if same else np.searchsorted(self._columns, self._hist_cells)

    # ------------------------------------------------------------------ the answer

    def result(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``keep`` (cells without NaN), ``mean`` and ``percentiles`` (percentiles × cells).

        A cell that does not vary has its one value as mean and every percentile.
        """
        if self._queries:
            raise RuntimeError("more passes are needed")
        keep = ~np.isnan(self._min)
        vary = keep & (self._max > self._min)
        mean = np.where(vary, self._sum / self.draws, self._min)
        pct = np.repeat(self._min[None, :], len(self._frac), axis=0)
        cols = np.flatnonzero(vary)
        shape = (len(self._frac), len(cols))
        v_lo = np.array([[self._found[(int(c), int(r))] for c in cols] for r in self._rank_lo]).reshape(shape)
        v_hi = np.array([[self._found[(int(c), int(r))] for c in cols] for r in self._rank_hi]).reshape(shape)
        pct[:, cols] = v_lo * (1 - self._frac)[:, None] + v_hi * self._frac[:, None]
        return keep, mean, pct


def _split(counts: np.ndarray, ranks: list[int], make, below: int = 0) -> list[_Query]:
    """One query per bin of ``counts`` holding a wanted rank (``below`` values come before the bins)."""
    cum = below + np.cumsum(counts)
    out: dict[int, _Query] = {}
    for r in ranks:
        j = int(np.searchsorted(cum, r, side="right"))
        if j not in out:
            before = int(cum[j - 1]) if j else below
            out[j] = make(j, below=before, count=int(counts[j]), ranks=[])
        out[j].ranks.append(r)
    return list(out.values())
