"""Small data sets for the lessons: logic gates, XOR, and seeded 2-D point clouds.

Every generator takes a ``seed`` and uses ``np.random.default_rng(seed)``, so the same call
gives the same points on every machine.
"""

from __future__ import annotations

import numpy as np

_GATE_INPUTS = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])

LOGIC_GATES: dict[str, np.ndarray] = {
    "AND": np.array([0.0, 0.0, 0.0, 1.0]),
    "OR": np.array([0.0, 1.0, 1.0, 1.0]),
    "NAND": np.array([1.0, 1.0, 1.0, 0.0]),
    "NOR": np.array([1.0, 0.0, 0.0, 0.0]),
    "XOR": np.array([0.0, 1.0, 1.0, 0.0]),
}


def logic_gate(name: str) -> tuple[np.ndarray, np.ndarray]:
    """The truth table of a two-input gate: inputs ``X`` (4, 2) and targets ``y`` (4,)."""
    key = str(name).upper()
    if key not in LOGIC_GATES:
        raise ValueError(f"unknown gate {name!r}; choose one of: {', '.join(LOGIC_GATES)}.")
    return _GATE_INPUTS.copy(), LOGIC_GATES[key].copy()


def xor() -> tuple[np.ndarray, np.ndarray]:
    """The XOR truth table: 1 when exactly one input is 1."""
    return logic_gate("XOR")


def separable_blobs(
    n_samples: int = 100, seed: int = 0, margin: float = 0.5
) -> tuple[np.ndarray, np.ndarray]:
    """Two Gaussian clouds in the plane that a straight line separates, with labels 0 and 1.

    Points closer than ``margin`` to the line ``x_1 + x_2 = 0`` are drawn again, so the classes
    are always linearly separable (the perceptron is guaranteed to converge on them).
    """
    if not isinstance(n_samples, int) or n_samples < 2:
        raise ValueError(f"n_samples must be a whole number >= 2, but got {n_samples!r}.")
    if margin < 0:
        raise ValueError(f"margin must be >= 0, but got {margin!r}.")
    rng = np.random.default_rng(seed)
    labels = np.arange(n_samples) % 2
    points = np.empty((n_samples, 2))
    centres = np.array([[-1.5, -1.5], [1.5, 1.5]])
    for i, label in enumerate(labels):
        while True:
            point = centres[label] + rng.normal(size=2)
            side = (point[0] + point[1]) / np.sqrt(2)  # signed distance to the line
            if (side > margin) == bool(label) and abs(side) > margin:
                break
        points[i] = point
    return points, labels.astype(np.float64)
