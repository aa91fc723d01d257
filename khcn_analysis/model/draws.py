"""The Monte Carlo's random draws, in blocks that do not depend on how the run is chunked.

Draws are numbered 0, 1, 2, … and grouped in blocks of :data:`BLOCK`. The values of
one parameter in one block come from a random stream of their own, a function of the
seed, the parameter's name and the block's number only
(``SeedSequence(seed, spawn_key=(crc32(name), block))``). So:

* draw *i* is the same whatever the chunk size, the number of draws (the first 500
  draws of a 1,000-draw run are the 500 draws of a 500-draw run) and the other
  parameters drawn;
* the same draws can be generated again, pass after pass, without being kept.

:func:`simulated_blocks` simulates ``chunk`` draws at a time and hands them on one
whole block at a time, so that everything computed from the blocks (sums, counts)
is the same for every chunk size.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator

import numpy as np

from khcn_analysis.model.projection import EngineInputs, central_parameters, simulate

__all__ = ["BLOCK", "CHUNK", "draw_parameters", "parameter_stream", "simulated_blocks"]

#: Draws per random block: the unit of the random streams and of every streamed statistic.
BLOCK = 4096
#: Draws simulated at once by default: about 40 MB of series, whatever the number of draws.
CHUNK = 4 * BLOCK


def parameter_stream(seed: int, key: str, block: int = 0) -> np.random.Generator:
    """The random stream of one parameter in one block: a function of seed, name and block only."""
    return np.random.default_rng(
        np.random.SeedSequence(seed, spawn_key=(zlib.crc32(key.encode("utf-8")), int(block))))


def draw_parameters(inputs: EngineInputs, draws: int, seed: int, start: int = 0) -> dict[str, np.ndarray]:
    """Draws ``start`` … ``start + draws - 1`` of every engine parameter (central values where nothing varies)."""
    params = central_parameters(inputs, draws)
    if draws <= 0:
        return params
    first, last = start // BLOCK, (start + draws - 1) // BLOCK
    offset = start - first * BLOCK
    for key, spec in inputs.specs.items():
        if spec.distribution is not None:
            blocks = [spec.distribution.sample(parameter_stream(seed, key, b), BLOCK) for b in range(first, last + 1)]
            params[key] = np.concatenate(blocks)[offset:offset + draws]
    return params


def simulated_blocks(inputs: EngineInputs, draws: int, seed: int, chunk: int = CHUNK
                     ) -> Iterator[dict[str, np.ndarray]]:
    """The series of every draw, ``{id: (rows, years)}``, one whole block after another.

    ``chunk`` draws are simulated at once (memory grows with ``chunk``, not with
    ``draws``); the blocks handed on are the same for every ``chunk``: each holds
    :data:`BLOCK` draws, the last one the rest.
    """
    if chunk < 1:
        raise ValueError(f"chunk must be at least 1, not {chunk}")
    pieces: list[dict[str, np.ndarray]] = []
    for start in range(0, draws, chunk):
        stop = min(start + chunk, draws)
        sims = simulate(inputs, draw_parameters(inputs, stop - start, seed, start))
        at = start
        while at < stop:
            end = min(stop, (at // BLOCK + 1) * BLOCK)
            pieces.append({k: v[at - start:end - start] for k, v in sims.items()})
            at = end
            if end % BLOCK == 0 or end == draws:
                yield pieces[0] if len(pieces) == 1 else {k: np.concatenate([p[k] for p in pieces]) for k in pieces[0]}
                pieces = []
