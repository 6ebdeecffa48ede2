"""Lesson 07, output activations, losses and SGD: the binary cross-entropy, a stable softmax, the
categorical cross-entropy from logits, an epoch's mini-batches, and the output error of a
weighted binary cross-entropy (a transfer task: the lesson derives only the unweighted one).

Losses are means: the binary cross-entropy over all ``n`` entries, the categorical one over the
``m`` rows (samples). The checks use seeded random arrays of several shapes, square ones where a
wrong axis would still give the right shape, and logits of ±1000 where a naive formula overflows.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from neuronlab.activations import sigmoid as _sigmoid
from neuronlab.exercises.checks import (
    Exercise,
    Incorrect,
    Mistakes,
    call,
    describe,
    function_exercise,
    predict_question,
)
from neuronlab.losses import categorical_cross_entropy_from_logits, log_softmax
from neuronlab.losses import softmax as _softmax

_rng = np.random.default_rng(717)

ONE_NUMBER = "a loss is one number, the mean: return a float."


def _probabilities(shape: tuple[int, ...]) -> np.ndarray:
    """Seeded sigmoid outputs strictly between 0 and 1 (about 0.02 to 0.98)."""
    return _sigmoid(_rng.normal(scale=1.5, size=shape))


def _labels(shape: tuple[int, ...]) -> np.ndarray:
    return _rng.integers(0, 2, size=shape).astype(float)


# ---------------------------------------------------------------------------------------------
# 7.1 The binary cross-entropy, from probabilities
# ---------------------------------------------------------------------------------------------


def _bce(a, y):
    return float(-np.mean(y * np.log(a) + (1.0 - y) * np.log(1.0 - a)))


BCE_CASES = [
    (np.array([0.9, 0.2, 0.6, 0.01]), np.array([1.0, 0.0, 1.0, 1.0])),
    (np.array([0.5]), np.array([0.0])),
    (_probabilities((3, 2)), _labels((3, 2))),
    (np.array([[0.999999], [1e-6], [0.3]]), np.array([[0.0], [1.0], [0.0]])),  # sure and wrong
    (_probabilities((5, 4)), _labels((5, 4))),
]

_BCE_TERMS = "-[y log a + (1 - y) log(1 - a)]"

BCE_MISTAKES: Mistakes = [
    (
        lambda a, y: float(np.mean(y * np.log(a) + (1 - y) * np.log(1 - a))),
        "the sign: log of a probability is negative, and a loss must be >= 0. The cost is minus "
        "the mean log-probability of the labels.",
    ),
    (
        lambda a, y: float(-np.sum(y * np.log(a) + (1 - y) * np.log(1 - a))),
        "that is the sum; the cost is the mean over all n entries (np.mean), so that its size "
        "does not grow with the batch.",
    ),
    (
        lambda a, y: float(-np.mean(y * np.log(a))),
        "only the samples with label 1 count there. A sample with label 0 pays -log(1 - a): "
        f"each entry costs {_BCE_TERMS}.",
    ),
    (
        lambda a, y: float(-np.mean(y * np.log(1 - a) + (1 - y) * np.log(a))),
        "a and 1 - a are swapped: a is the probability of label 1, so y = 1 pays -log a.",
    ),
    (
        lambda a, y: float(-np.mean(y * np.log10(a) + (1 - y) * np.log10(1 - a))),
        "np.log10 is the base-10 logarithm; the lesson's log is the natural one, np.log.",
    ),
    (
        lambda a, y: float(-np.mean(y * np.log2(a) + (1 - y) * np.log2(1 - a))),
        "np.log2 is the base-2 logarithm; the lesson's log is the natural one, np.log.",
    ),
    (
        lambda a, y: float(-np.mean(np.sum(y * np.log(a) + (1 - y) * np.log(1 - a), axis=-1))),
        "the binary cross-entropy is the mean over every entry, not a sum along rows averaged "
        "over the rows: np.mean of the whole array.",
    ),
    (
        lambda a, y: float(np.mean((a - y) ** 2)),
        "that is the mean squared error. The cross-entropy takes logarithms: "
        f"the mean of {_BCE_TERMS}.",
    ),
    *[
        (
            lambda a, y, eps=eps: float(
                -np.mean(y * np.log(a + eps) + (1 - y) * np.log(1 - a + eps))
            ),
            f"a small number ({eps:g}) is added inside the logs. That habit guards against "
            "log(0), but it changes the cost most where it matters most, for outputs near 0 "
            "or 1 (sure, and maybe wrong). These a are never 0 or 1: take np.log(a) and "
            "np.log(1 - a) as they are (the package works from the logits instead).",
        )
        for eps in (1e-7, 1e-8, 1e-9, 1e-10, 1e-12, 1e-15)
    ],
]


ex7_1 = function_exercise(
    "7.1",
    "the binary cross-entropy",
    _bce,
    BCE_CASES,
    BCE_MISTAKES,
    error_hints=[
        (
            "divide by zero",
            "log(0) is -inf, and a and 1 - a are never 0 in these cases: take the logs "
            "of the probabilities a and 1 - a only, never of y or 1 - y.",
        )
    ],
    names=("a", "y"),
    rtol=1e-6,
    mistake_rtol=1e-8,  # a loss is one number: a known mistake must match it closely
    shape_hint=f"{ONE_NUMBER} Take np.mean of the per-entry costs.",
    hints=[
        "Each entry pays minus the log of the probability the network gave to its label: -log a "
        "where y = 1, -log(1 - a) where y = 0. One formula covers both: "
        f"{_BCE_TERMS}.",
        "Compute that array with np.log, element by element, then take np.mean over all entries "
        "and return it as a float.",
    ],
)


# ---------------------------------------------------------------------------------------------
# 7.2 A numerically stable softmax, row by row
# ---------------------------------------------------------------------------------------------

SOFTMAX_CASES = [
    (np.array([2.0, 1.0, 0.1]),),
    (np.array([[1.0, 2.0, 3.0], [1.0, 1.0, 1.0], [-1.0, 0.0, 5.0]]),),  # square: axis mistakes
    (np.round(_rng.normal(scale=2.0, size=(4, 5)), 3),),
    (np.array([3.0]),),  # one class: probability 1
    (np.array([1000.0, 999.0, 998.0]),),  # overflows without the shift
    (np.array([[1000.0, 999.0], [0.0, -1.0]]),),  # rows far apart: one shift for all fails
    (np.array([[-1000.0, -1000.0, -1001.0], [5.0, 5.0, 5.0], [0.5, -0.5, 0.0]]),),
    (np.array([[-800.0, 0.0, 5.0], [2.0, 2.0, 2.0]]),),  # a row wider than e's range
    (np.array([[1000.0, -1000.0, 0.0]]),),  # shifting by the mean or the minimum overflows
]

_PER_ROW = (
    "subtract each row's own maximum, np.max(z, axis=-1, keepdims=True): one maximum for the "
    "whole array leaves a row whose logits are all far below it with e^(z - max) = 0 everywhere, "
    "and 0 / 0."
)
_KEEPDIMS = (
    "np.max(z, axis=-1) has one number per row, shape (m,); to subtract it from every entry of "
    "its row it must have shape (m, 1): keepdims=True (the same for the sum)."
)

SOFTMAX_MISTAKES: Mistakes = [
    (
        lambda z: (
            np.exp(z - z.max(axis=-1, keepdims=True))
            / np.exp(z - z.max(axis=-1, keepdims=True)).sum(axis=0, keepdims=True)
        ),
        "the sum runs down the columns (axis=0); each row is one sample's distribution, so sum "
        "along the last axis: axis=-1, keepdims=True.",
    ),
    (
        lambda z: (
            np.exp(z - z.max(axis=0, keepdims=True))
            / np.exp(z - z.max(axis=0, keepdims=True)).sum(axis=0, keepdims=True)
        ),
        "that normalises each column; each row is one sample's distribution: use axis=-1.",
    ),
    (
        lambda z: np.exp(z - z.max()) / np.exp(z - z.max()).sum(),
        "the sum is over the whole array, so the rows do not each add up to 1: sum along the "
        "last axis, axis=-1, keepdims=True.",
    ),
    (
        lambda z: np.exp(z - z.max(axis=-1)) / np.exp(z - z.max(axis=-1)).sum(axis=-1),
        _KEEPDIMS,
    ),
    (
        lambda z: np.exp(z - z.max(axis=-1, keepdims=True)),
        "those are the exponentials, not yet divided by their row's sum.",
    ),
    (
        lambda z: z / z.sum(axis=-1, keepdims=True),
        "the softmax divides e^z by the sum of e^z, not z by the sum of z.",
    ),
]

SOFTMAX_ERRORS = [
    (
        "overflow",
        "e^z overflows for z above about 709.78. Subtract each row's maximum first: the "
        "answer is the same, and the largest power becomes e^0 = 1.",
    ),
    ("invalid value", _PER_ROW),
    ("broadcast", _KEEPDIMS),
    (
        "out of bounds",
        "z may be a single row of shape (K,), which has no axis 1: use axis=-1, the last "
        "axis, which is the class axis for both shapes.",
    ),
]


ex7_2 = function_exercise(
    "7.2",
    "a stable softmax",
    _softmax,
    SOFTMAX_CASES,
    SOFTMAX_MISTAKES,
    error_hints=SOFTMAX_ERRORS,
    rtol=1e-9,
    hints=[
        "softmax(z)_k = e^(z_k) / Σ_j e^(z_j), along each row (the last axis). Adding the same "
        "number to every logit of a row changes nothing, so subtract the row's largest one first.",
        "Work along the last axis (axis=-1), so that one row (K,) and a batch (m, K) both work, "
        "and keep that axis (keepdims=True) in the maximum and in the sum, so that one number "
        "per row meets its whole row.",
    ],
)


# ---------------------------------------------------------------------------------------------
# 7.3 The categorical cross-entropy from logits and integer labels
# ---------------------------------------------------------------------------------------------


def _cross_entropy(z, labels):
    return categorical_cross_entropy_from_logits(z, labels)


CE_CASES = [
    (
        np.array([[2.0, 1.0, 0.1], [0.5, 2.5, -1.0], [1.0, 1.0, 1.0], [-1.0, 0.0, 3.0]]),
        np.array([2, 0, 1, 2]),
    ),
    (np.round(_rng.normal(scale=2.0, size=(3, 3)), 3), np.array([0, 2, 2])),  # square
    (np.round(_rng.normal(scale=2.0, size=(5, 2)), 3), np.array([1, 0, 0, 1, 1])),
    (np.array([[0.3, -1.2, 2.0, 0.0]]), np.array([3])),  # a single sample
    (np.array([[1000.0, 0.0, -5.0, 3.0], [0.0, 1000.0, 0.0, 0.0]]), np.array([1, 1])),
    (np.array([[-1000.0, -1002.0], [40.0, -40.0]]), np.array([1, 1])),
    (np.array([[1000.0, -1000.0, 0.0], [3.0, 1.0, 2.0]]), np.array([2, 0])),  # mean shift fails
]


def _rows(z: np.ndarray) -> np.ndarray:
    return np.arange(z.shape[0])


CE_MISTAKES: Mistakes = [
    (
        lambda z, labels: float(-np.sum(log_softmax(z)[_rows(z), labels])),
        "that is the sum over the samples; the cost is their mean, divided by m, the number of "
        "rows.",
    ),
    (
        lambda z, labels: float(-np.mean(np.eye(z.shape[1])[labels] * log_softmax(z))),
        "np.mean of the one-hot product divides by m × K, every entry; the cost is the mean over "
        "the m rows only: each row is one sample.",
    ),
    (
        lambda z, labels: float(np.mean(log_softmax(z)[_rows(z), labels])),
        "the sign: log-probabilities are negative, and the cost is minus their mean.",
    ),
    (
        lambda z, labels: float(-np.mean(np.max(log_softmax(z), axis=1))),
        "that scores the class the network likes best; the cost is about the true class of each "
        "row, the one given by labels.",
    ),
    (
        lambda z, labels: float(-np.mean(z[_rows(z), labels])),
        "those are the logits of the true classes, not their log-probabilities: "
        "log softmax(z)_k = (z_k - z_max) - log Σ_j e^(z_j - z_max), with z_max the row's maximum.",
    ),
    (
        lambda z, labels: float(-np.mean((z - z.max(axis=1, keepdims=True))[_rows(z), labels])),
        "the log of the softmax's denominator is missing: log softmax(z)_k = (z_k - z_max) - "
        "log Σ_j e^(z_j - z_max).",
    ),
    (
        lambda z, labels: float(-np.mean(np.log(_softmax(z.T).T)[_rows(z), labels])),
        "the softmax runs down the columns; each row's logits make one distribution (axis=-1).",
    ),
]

CE_ERRORS = [
    (
        "divide by zero",
        "softmax rounds a tiny probability to 0 and log(0) = -inf. Take the log of the "
        "softmax in one go, the log-softmax: (z - z_max) - log Σ_j e^(z_j - z_max), with z_max "
        "each row's maximum; no log of 0 ever happens.",
    ),
    ("overflow", "subtract each row's maximum before np.exp, as in the stable softmax."),
    (
        "invalid value",
        "a NaN appeared (0/0 or inf - inf): subtract each row's own maximum before np.exp.",
    ),
]


ex7_3 = function_exercise(
    "7.3",
    "the categorical cross-entropy from logits",
    _cross_entropy,
    CE_CASES,
    CE_MISTAKES,
    error_hints=CE_ERRORS,
    names=("z", "labels"),
    rtol=1e-7,
    mistake_rtol=1e-9,
    shape_hint=(
        f"{ONE_NUMBER} (z[:, labels] picks whole columns, a table of m × m numbers; "
        "z[np.arange(m), labels] picks one entry per row.)"
    ),
    hints=[
        "For each row i, the cost is -log softmax(z_i)[labels[i]]: minus the log-probability of "
        "the true class. Compute log softmax directly, (z - z_max) - log Σ_j e^(z_j - z_max) with "
        "z_max the row's maximum, so that a tiny probability never becomes log(0).",
        "Build the whole table of log-probabilities, shape (m, K). Then you need one entry per "
        "row, row i's column labels[i]: z[:, labels] would pick whole columns; indexing with two "
        "arrays, table[rows, columns], picks one entry per pair.",
    ],
)


# ---------------------------------------------------------------------------------------------
# 7.4 One epoch's mini-batches
# ---------------------------------------------------------------------------------------------

BATCH_CASES = [(23, 5), (20, 5), (7, 10), (50, 1), (64, 16)]

_PERMUTE = (
    "shuffle the row numbers with the generator you are given (rng.permutation), then cut the "
    "shuffled order into consecutive pieces of batch_size."
)


def _batches_of(answer: Any, n_samples: int, batch_size: int, seed: int) -> list[np.ndarray]:
    """The answer's batches for one call with a fresh generator, as a list of integer arrays."""
    given = f"n_samples = {n_samples}, batch_size = {batch_size}"
    got = call(answer, n_samples, batch_size, np.random.default_rng(seed))
    if got is None:
        raise Incorrect(f"For {given} your function returned None. Did you forget `return`?")
    try:
        batches = [np.asarray(batch) for batch in got]
    except TypeError:
        raise Incorrect(
            f"For {given} it should return a list of index arrays, but returned {describe(got)}."
        ) from None
    for batch in batches:
        if batch.ndim != 1 or batch.dtype.kind not in "iu":
            raise Incorrect(
                f"For {given} a batch is {describe(batch)}: each batch must be a 1-D array of "
                "whole-number row indices (X[batch] picks those rows), e.g. a slice of "
                "rng.permutation(n_samples)."
            )
    return batches


def _neighbours_share(batches: list[np.ndarray]) -> float:
    """The fraction of the pairs next to each other in a sorted batch that are consecutive row
    numbers (5 and 6): about b / n for a shuffled epoch, 1 for runs such as [5 6 7 8 9].
    """
    steps = np.concatenate([np.diff(np.sort(batch)) for batch in batches])
    return float(np.mean(steps == 1)) if steps.size else 0.0


def _partition(batches: list[np.ndarray]) -> list[tuple[int, ...]]:
    """Which rows share a batch, whatever the order of the batches and of the rows in them."""
    return sorted(tuple(sorted(int(row) for row in batch)) for batch in batches)


def _test_minibatches(answer: Any) -> None:
    for n_samples, batch_size in BATCH_CASES:
        given = f"n_samples = {n_samples}, batch_size = {batch_size}"
        batches = _batches_of(answer, n_samples, batch_size, seed=0)
        together = np.concatenate(batches) if batches else np.array([], dtype=int)
        outside = together[(together < 0) | (together >= n_samples)]
        if outside.size:
            raise Incorrect(
                f"For {given} the index {int(outside[0])} is not a row: the rows are numbered "
                f"0 to {n_samples - 1}."
            )
        counts = np.bincount(together, minlength=n_samples)
        if np.any(counts > 1):
            raise Incorrect(
                f"For {given} sample {int(np.argmax(counts > 1))} appears {int(counts.max())} times "
                "in one epoch; each sample must be used exactly once. Hint: drawing random "
                "indices (rng.integers, rng.choice with replacement) repeats some and skips "
                f"others; {_PERMUTE}"
            )
        if together.size < n_samples:
            missing = n_samples - together.size
            drop = (
                " the last, smaller batch is missing?" if missing == n_samples % batch_size else ""
            )
            raise Incorrect(
                f"For {given} {missing} of the {n_samples} samples never appear in a batch;"
                f"{drop} Every sample must be used once per epoch: when batch_size does not "
                "divide n_samples, the last batch is smaller."
            )
        if n_samples >= 20 and np.array_equal(together, np.arange(n_samples)):
            raise Incorrect(
                f"For {given} the samples come in their stored order, 0, 1, 2, ...: they are not "
                f"shuffled. Hint: {_PERMUTE}"
            )
        if n_samples >= 20 and np.all(np.diff(together) % n_samples == 1):
            raise Incorrect(
                f"For {given} the order is {', '.join(map(str, together[:3]))}, ...: the stored "
                "order 0, 1, 2, ... started at a random place (a rotation). Every row keeps the "
                "same neighbours, so the same rows share a batch epoch after epoch. Hint: "
                f"{_PERMUTE}"
            )
        if batch_size > 1 and n_samples >= 20 and _neighbours_share(batches) > 0.9:
            raise Incorrect(
                f"For {given} each batch holds neighbouring row numbers, e.g. "
                f"{np.sort(batches[0]).tolist()}: the order of the batches is shuffled (or the "
                "rows inside each batch), not the samples, so the same rows share a batch "
                "every epoch, and rows stored next to each other (often similar ones) are never "
                f"apart. Hint: {_PERMUTE}"
            )
        again = _batches_of(answer, n_samples, batch_size, seed=0)
        other = _batches_of(answer, n_samples, batch_size, seed=1)
        if not np.array_equal(together, np.concatenate(again)):
            raise Incorrect(
                f"For {given}, two generators made with the same seed gave different batches: "
                "your function does not draw from the rng it is given (np.random.permutation "
                f"uses numpy's global generator). Hint: {_PERMUTE}"
            )
        if n_samples >= 20 and np.array_equal(together, np.concatenate(other)):
            raise Incorrect(
                f"For {given}, generators with different seeds gave the same batches: your "
                "function ignores the rng it is given (a new np.random.default_rng(0) inside "
                f"gives the same order every epoch). Hint: {_PERMUTE}"
            )
        if batch_size > 1 and n_samples >= 20 and _partition(batches) == _partition(other):
            raise Incorrect(
                f"For {given}, generators with different seeds gave the same batches in another "
                "order: the rows are cut into batches once, then only the batches (or the rows "
                "inside them) are reordered, so the same rows share a batch every epoch. Hint: "
                f"{_PERMUTE}"
            )
        sizes = [len(batch) for batch in batches]
        n_full, rest = divmod(n_samples, batch_size)
        wanted = [batch_size] * n_full + ([rest] if rest else [])
        if sizes != wanted:
            split = [len(piece) for piece in np.array_split(np.arange(n_samples), batch_size)]
            hint = (
                " Hint: np.array_split(order, k) cuts order into k pieces of nearly equal size; "
                "here every batch but the last has exactly batch_size rows: take slices."
                if sizes == split
                else ""
            )
            raise Incorrect(
                f"For {given} expected {len(wanted)} batches of sizes {wanted}, but got "
                f"{len(sizes)} of sizes {sizes}.{hint}"
            )


ex7_4 = Exercise(
    "7.4",
    "one epoch's mini-batches",
    _test_minibatches,
    hints=[
        "An epoch uses every sample exactly once, in a random order: shuffle the row numbers "
        "0 .. n_samples - 1 with the rng you are given, then cut them into consecutive batches.",
        "rng.permutation(n_samples) gives the row numbers in a random order. Cut that array "
        "into consecutive slices of batch_size: which start positions do you need (range takes "
        "a step)? A slice that runs past the end of an array is simply shorter.",
    ],
)


# ---------------------------------------------------------------------------------------------
# 7.5 Transfer: the output error of a weighted binary cross-entropy
# ---------------------------------------------------------------------------------------------


def _weighted_delta(z, y, pos_weight):
    a = _sigmoid(z)
    return ((1.0 - y) * a - pos_weight * y * (1.0 - a)) / z.size


def _weighted_case(shape: tuple[int, ...], pos_weight: float) -> tuple[Any, ...]:
    return np.round(_rng.normal(scale=3.0, size=shape), 3), _labels(shape), pos_weight


WEIGHTED_CASES = [
    (np.array([[-2.0], [0.0], [1.5], [3.0]]), np.array([[1.0], [0.0], [1.0], [0.0]]), 3.0),
    (np.array([[-2.0], [0.0], [1.5], [3.0]]), np.array([[1.0], [0.0], [1.0], [0.0]]), 1.0),
    _weighted_case((5, 2), 0.5),
    (np.array([[-30.0], [30.0], [-30.0], [30.0]]), np.array([[1.0], [1.0], [0.0], [0.0]]), 4.0),
    _weighted_case((3, 4), 10.0),
]

WEIGHTED_MISTAKES: Mistakes = [
    (
        lambda z, y, w: (_sigmoid(z) - y) / z.size,
        "that is δ = (a - y) / n of the unweighted loss; with pos_weight ≠ 1 the label-1 term "
        "w y log a brings its own factor w. Differentiate each of the two terms again.",
    ),
    (
        lambda z, y, w: w * (_sigmoid(z) - y) / z.size,
        "the weight multiplies only the term of the samples with label 1, y log a; the samples "
        "with label 0 keep weight 1.",
    ),
    (
        lambda z, y, w: (_sigmoid(z) - w * y) / z.size,
        "a - w y is not it: for a sample with y = 1 the term -w log a has slope -w (1 - a) in z, "
        "which is w a - w, not a - w.",
    ),
    (
        lambda z, y, w: (1 - y) * _sigmoid(z) - w * y * (1 - _sigmoid(z)),
        "the cost is a mean over the n entries: divide by n = z.size.",
    ),
    (
        lambda z, y, w: (w * y * (1 - _sigmoid(z)) - (1 - y) * _sigmoid(z)) / z.size,
        "the sign is flipped: δ = ∂C/∂z is positive when the output is too large (a sample with "
        "label 0 and a > 0 should push z down).",
    ),
    (
        lambda z, y, w: (
            ((1 - y) * _sigmoid(z) - w * y * (1 - _sigmoid(z)))
            * _sigmoid(z)
            * (1 - _sigmoid(z))
            / z.size
        ),
        "the derivative σ'(z) = a (1 - a) has already cancelled against the logs' 1/a and "
        "1/(1 - a); do not multiply by it again.",
    ),
    (
        lambda z, y, w: ((1 - y) * _sigmoid(z) - w * y * (1 - _sigmoid(z))) / len(z),
        "the loss averages over all n entries (z.size), not over the rows only.",
    ),
]


ex7_5 = function_exercise(
    "7.5",
    "the output error of a weighted cross-entropy",
    _weighted_delta,
    WEIGHTED_CASES,
    WEIGHTED_MISTAKES,
    error_hints=[("overflow", "use the package's stable sigmoid (imported in the cell) for a.")],
    names=("z", "y", "pos_weight"),
    hints=[
        "Work on one entry first, C = -[w y log a + (1 - y) log(1 - a)] with a = σ(z), and "
        "follow the lesson's four steps with w in the first term: ∂C/∂a first, then multiply "
        "by σ'(z) = a(1 - a).",
        "By the chain rule, d/dz log σ(z) = σ'(z) / σ(z) = 1 - a and d/dz log(1 - σ(z)) = -a. "
        "Put the two slopes into C, minding the minus sign in front of the bracket: the label-1 "
        "term gives a multiple of (1 - a), the label-0 term a multiple of a. For the mean over "
        "the batch divide by n = z.size. With w = 1 your result must reduce to a - y, the "
        "lesson's result: a check on your algebra.",
    ],
)


# ---------------------------------------------------------------------------------------------
# 7.6 Predict: the categorical cross-entropy of a network that has not learnt anything yet
# ---------------------------------------------------------------------------------------------

ex7_6 = predict_question(
    "7.6",
    "predict: the loss of a network that knows nothing",
    answer=float(np.log(10.0)),
    explanation="equal logits give every class the probability 1/10 (the softmax of equal "
    "numbers), so every sample pays -log(1/10) = log 10 ≈ 2.303, the 2.303 of the lesson's "
    "table for a = 0.1. A loss above log K after training means worse than guessing.",
    rtol=0.03,  # log 9 = 2.197 (nine classes) and round guesses such as 2.5 are not log 10
    hints=[
        "What probabilities does the softmax give when all K logits are equal?",
        "Each sample then pays minus the log of the probability given to its true class; the "
        "lesson's table of -log a has the number you need.",
    ],
)
