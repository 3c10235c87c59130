"""Issue dimensions and how a draft's clauses map onto them.

Each contested aspect of a resolution (use of force, size of a foreign presence, economic
pressure, accountability …) is one dimension scaled 0–1. The status quo (no resolution) has a
position on every dimension; each draft feature moves it by a scenario-defined effect. An actor's
utility is the salience-weighted distance of a position from its ideal point (spatial model, as in
Bueno de Mesquita 1994 and the Security Council literature, e.g. Voeten 2001).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from sim.model.drafts import Clauses

FloatArray = npt.NDArray[np.float64]
POSITIONS_REMEMBERED = 4096
"""How many texts' positions an issue space remembers before it starts afresh."""


@dataclass(frozen=True)
class Dimension:
    """One issue dimension: stable id, display name, status-quo position and feature effects."""

    id: str
    name: str
    status_quo: float
    effects: Mapping[str, float]


class IssueSpace:
    """The scenario's dimensions, with a vectorized draft → position mapping."""

    def __init__(self, dimensions: Sequence[Dimension]) -> None:
        self.dimensions = tuple(dimensions)
        self.ids = tuple(d.id for d in self.dimensions)
        self.index = {d: i for i, d in enumerate(self.ids)}
        self.status_quo: FloatArray = np.array([d.status_quo for d in self.dimensions], float)
        features = sorted({f for d in self.dimensions for f in d.effects})
        self.features = tuple(features)
        self._feature_index = {f: i for i, f in enumerate(features)}
        self._effects: FloatArray = np.zeros((len(features), len(self.dimensions)))
        self._positions: dict[Clauses, FloatArray] = {}
        for j, dim in enumerate(self.dimensions):
            for feature, effect in dim.effects.items():
                self._effects[self._feature_index[feature], j] = effect

    def __len__(self) -> int:
        return len(self.dimensions)

    def feature_matrix(self, drafts: Sequence[Clauses]) -> FloatArray:
        """Feature values (drafts × features); features no dimension uses are dropped."""
        matrix = np.zeros((len(drafts), len(self.features)))
        for row, clauses in enumerate(drafts):
            for name, value in clauses.features().items():
                col = self._feature_index.get(name)
                if col is not None:
                    matrix[row, col] = value
        return matrix

    def positions(self, drafts: Sequence[Clauses]) -> FloatArray:
        """Positions of several drafts (drafts × dimensions), clipped to [0, 1].

        A text's position depends on nothing but its clauses, so each text's is remembered
        (the AI weighs the same candidate texts many times in a game)."""
        missing = [c for c in dict.fromkeys(drafts) if c not in self._positions]
        if missing:
            computed = self._compute_positions(missing)
            if len(self._positions) + len(missing) > POSITIONS_REMEMBERED:
                self._positions.clear()
            for clauses, row in zip(missing, computed, strict=True):
                kept = row.copy()
                kept.flags.writeable = False
                self._positions[clauses] = kept
            if len(drafts) == len(missing):
                return computed
        rows = [self._positions.get(c) for c in drafts]
        if any(row is None for row in rows):  # forgotten meanwhile (a very long game)
            return self._compute_positions(drafts)
        return np.array(rows, dtype=float).reshape(len(drafts), len(self.dimensions))

    def _compute_positions(self, drafts: Sequence[Clauses]) -> FloatArray:
        # An explicit sum over features (not a matrix product) adds in the same order whatever the
        # batch size, so a draft's position is bit-identical alone or among candidates.
        contributions = self.feature_matrix(drafts)[:, :, None] * self._effects[None, :, :]
        raw = self.status_quo + contributions.sum(axis=1)
        clipped: FloatArray = np.clip(raw, 0.0, 1.0)
        return clipped

    def position(self, clauses: Clauses) -> FloatArray:
        """Position of one draft on every dimension."""
        row: FloatArray = self.positions([clauses])[0]
        return row
