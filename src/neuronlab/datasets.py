"""Small data sets for the lessons: logic gates, XOR, and seeded 2-D point clouds.

Every generator takes a ``seed`` and uses ``np.random.default_rng(seed)``, so the same call
gives the same points on every machine.
"""

from __future__ import annotations

import numpy as np

from neuronlab._validation import as_real_number, as_whole_number

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
    n_samples = as_whole_number(n_samples, "n_samples", minimum=2)
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


# ---------------------------------------------------------------------------------------------
# Point clouds that no straight line separates (lessons 06-10)
# ---------------------------------------------------------------------------------------------


def _check_cloud_arguments(n_samples: int, noise: float) -> None:
    as_whole_number(n_samples, "n_samples", minimum=2)
    if as_real_number(noise, "noise") < 0:
        raise ValueError(f"noise must be >= 0 (the spread of the points), but got {noise!r}.")


def moons(n_samples: int = 200, noise: float = 0.1, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Two interleaving half circles ("moons") in the plane, labels 0 and 1.

    ``noise`` is the standard deviation of the Gaussian noise added to each point. A thin
    wrapper around scikit-learn's ``make_moons`` (``random_state=seed``); returns ``X`` of
    shape (n_samples, 2) and ``y`` of shape (n_samples,), both float64.
    """
    from sklearn.datasets import make_moons

    _check_cloud_arguments(n_samples, noise)
    X, y = make_moons(n_samples=n_samples, noise=noise, random_state=seed)
    return X.astype(np.float64), y.astype(np.float64)


def circles(
    n_samples: int = 200, noise: float = 0.05, factor: float = 0.5, seed: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """A small circle (label 1) inside a larger one (label 0), centred at the origin.

    ``factor`` is the ratio of the radii, inner over outer (outer radius 1), between 0 and 1.
    A thin wrapper around scikit-learn's ``make_circles`` (``random_state=seed``).
    """
    from sklearn.datasets import make_circles

    _check_cloud_arguments(n_samples, noise)
    if not 0 < as_real_number(factor, "factor") < 1:
        raise ValueError(f"factor (inner radius / outer radius) must be in (0, 1), got {factor!r}.")
    X, y = make_circles(n_samples=n_samples, noise=noise, factor=factor, random_state=seed)
    return X.astype(np.float64), y.astype(np.float64)


def spirals(
    n_samples: int = 200, noise: float = 0.05, seed: int = 0, n_turns: float = 1.0
) -> tuple[np.ndarray, np.ndarray]:
    """Two intertwined spirals, labels 0 and 1: a hard problem for a small network.

    Point ``i`` of a class sits at radius ``r = t`` and angle ``θ = 2π n_turns t + π · label``,
    with ``t`` evenly spaced from 0.1 to 1, so the second spiral is the first turned by half a
    turn. Gaussian noise of standard deviation ``noise`` is added to both coordinates and the
    rows are shuffled, all with ``np.random.default_rng(seed)``.
    """
    _check_cloud_arguments(n_samples, noise)
    if not as_real_number(n_turns, "n_turns") > 0:
        raise ValueError(f"n_turns must be a positive number of turns, got {n_turns!r}.")
    rng = np.random.default_rng(seed)
    labels = np.arange(n_samples) % 2  # alternate, so the classes differ in size by at most 1
    t = np.empty(n_samples)
    for label in (0, 1):
        in_class = labels == label
        t[in_class] = np.linspace(0.1, 1.0, np.count_nonzero(in_class))
    angle = 2.0 * np.pi * n_turns * t + np.pi * labels
    X = np.column_stack([t * np.cos(angle), t * np.sin(angle)])
    X += rng.normal(0.0, noise, size=X.shape)
    order = rng.permutation(n_samples)
    return X[order], labels[order].astype(np.float64)


# ---------------------------------------------------------------------------------------------
# Real data: scikit-learn's 8x8 handwritten digits (lesson 10)
# ---------------------------------------------------------------------------------------------


def digits(
    test_size: float = 0.25, seed: int = 0
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The 1797 handwritten digits bundled with scikit-learn (no download), split for training.

    Each image is 8x8 pixels with grey levels 0 to 16, flattened to 64 features and divided by
    16, so every feature lies in [0, 1]. The split is stratified (every digit is as frequent in
    both parts) and fixed by ``seed``. Returns ``X_train, X_test, y_train, y_test``: features of
    shape (n, 64), float64, and labels 0-9 of shape (n,), int64.
    """
    from sklearn.datasets import load_digits
    from sklearn.model_selection import train_test_split

    test_size = as_real_number(test_size, "test_size")
    if not 0 < test_size < 1:
        raise ValueError(f"test_size must be a fraction between 0 and 1, got {test_size!r}.")
    data = load_digits()
    X = data.data.astype(np.float64) / 16.0
    y = data.target.astype(np.int64)
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=test_size, random_state=seed, stratify=y
    )
    return X_train, X_test, y_train, y_test
