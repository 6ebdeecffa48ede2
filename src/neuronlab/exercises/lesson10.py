"""Lesson 10, putting it together: collapsing linear layers, softmax, cross-entropy and its
gradient, accuracy, the confusion matrix.

The learner's functions take batches with **one row per sample**: scores (logits) ``z`` of
shape (m, K) for m samples and K classes, and integer labels of shape (m,).
"""

from __future__ import annotations

from functools import partial

import numpy as np

from neuronlab.exercises.checks import Mistakes, function_exercise, predict_question, seeded

# This lesson's checks compare float32 answers and known mistakes more tightly than the default.
_exercise = partial(function_exercise, float32_rtol=1e-5, mistake_rtol=1e-6)

# ---------------------------------------------------------------------------------------------
# Reference answers (the package's own versions live in neuronlab.losses)
# ---------------------------------------------------------------------------------------------


def _softmax(z):
    z = np.asarray(z)
    exps = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return exps / np.sum(exps, axis=-1, keepdims=True)


def _log_softmax(z):
    shifted = z - np.max(z, axis=-1, keepdims=True)
    return shifted - np.log(np.sum(np.exp(shifted), axis=-1, keepdims=True))


def _one_hot(labels, n_classes):
    return np.eye(n_classes)[np.asarray(labels)]


# ---------------------------------------------------------------------------------------------
# Exercise 10.1: two linear layers are one
# ---------------------------------------------------------------------------------------------

_rng = seeded("10.1")

_W_MISTAKES: Mistakes = [
    (
        lambda W1, b1, W2, b2: W2 @ W1,
        "the order matters. A row x meets W1 first: (x @ W1) @ W2 = x @ (W1 @ W2).",
    ),
    (
        lambda W1, b1, W2, b2: W1 * W2,
        "use the matrix product @ (rows times columns), not the element-wise *.",
    ),
    (lambda W1, b1, W2, b2: W1 + W2, "layers compose by multiplying their matrices, not adding."),
    (
        lambda W1, b1, W2, b2: (W1 @ W2).T,
        "your W is transposed: with one sample per row, W has one row per input and one column "
        "per output, W1 @ W2.",
    ),
]
_B_MISTAKES: Mistakes = [
    (
        lambda W1, b1, W2, b2: b1 + b2,
        "b1 goes through the second layer too, so it gets multiplied by W2: b = b1 @ W2 + b2.",
    ),
    (lambda W1, b1, W2, b2: b2, "b1 is missing: the first layer's bias also reaches the output."),
    (lambda W1, b1, W2, b2: b1 @ W2, "b2 is missing: the second layer adds its own bias."),
    (
        lambda W1, b1, W2, b2: W2 @ b1 + b2,
        "b1 is a row, like x: it is multiplied as b1 @ W2, not W2 @ b1.",
    ),
]


def _collapse_cases():
    square = (
        _rng.normal(size=(3, 3)),
        _rng.normal(size=3),
        _rng.normal(size=(3, 3)),
        _rng.normal(size=3),
    )
    wide = (
        _rng.normal(size=(4, 5)),
        _rng.normal(size=5),
        _rng.normal(size=(5, 2)),
        _rng.normal(size=2),
    )
    to_one = (
        _rng.normal(size=(2, 6)),
        _rng.normal(size=6),
        _rng.normal(size=(6, 1)),
        np.array([0.5]),
    )
    return [square, wide, to_one]


_COLLAPSE_CASES = _collapse_cases()


def _collapse(W1, b1, W2, b2):
    return W1 @ W2, b1 @ W2 + b2


ex10_1 = function_exercise(
    "10.1",
    "two linear layers are one",
    reference=_collapse,
    cases=_COLLAPSE_CASES,
    outputs=("W", "b"),
    mistakes=[
        *[(lambda *p, f=f: (f(*p), _collapse(*p)[1]), text) for f, text in _W_MISTAKES],
        *[(lambda *p, f=f: (_collapse(*p)[0], f(*p)), text) for f, text in _B_MISTAKES],
    ],
    hints=[
        "Write the second layer's output for one row x: (x @ W1 + b1) @ W2 + b2. Multiply out the "
        "bracket.",
        "Multiplied out, the output is x times one matrix plus a row that does not depend on x: "
        "that matrix is W and that row is b (the bias b1 goes through W2 too).",
    ],
)


# ---------------------------------------------------------------------------------------------
# Exercise 10.2: softmax, stable
# ---------------------------------------------------------------------------------------------

_rng = seeded("10.2")

_SOFTMAX_CASES = [
    (_rng.normal(0.0, 2.0, size=(3, 4)),),
    (np.array([1.0, 2.0, 3.0]),),
    (np.array([0.0, 0.0, 0.0, 0.0]),),
    (np.array([1000.0, 999.0, 0.0]),),
    (np.array([[1000.0, 999.0, 998.0], [-1000.0, -1001.0, -1002.0]]),),
    (np.array([[-3.0, 0.5, 2.0], [1.0, 1.0, -1.0]], dtype=np.float32),),
    (_rng.normal(0.0, 10.0, size=(50, 10)),),
]

_SOFTMAX_MISTAKES: Mistakes = [
    (
        lambda z: np.exp(z - z.max(axis=0)) / np.exp(z - z.max(axis=0)).sum(axis=0),
        "each row (one sample) must sum to 1: take the max and the sum along the last axis "
        "(axis=-1), not axis=0.",
    ),
    (
        lambda z: np.exp(z - z.max()) / np.exp(z - z.max()).sum(),
        "you divided by the sum over the whole batch; divide each row by its own sum "
        "(np.sum(..., axis=-1, keepdims=True)).",
    ),
    (
        lambda z: np.exp(z - z.max(axis=0)) / np.exp(z - z.max(axis=0)).sum(axis=-1, keepdims=True),
        "subtract each row's own maximum (np.max(z, axis=-1, keepdims=True)), not each column's.",
    ),
    (
        lambda z: z / z.sum(axis=-1, keepdims=True),
        "exponentiate first: softmax divides e^(z_k) by the row's sum of e^(z_j).",
    ),
    (
        lambda z: np.exp(z - z.max(axis=-1, keepdims=True)),
        "divide by the row's sum, so that the probabilities of each row add up to 1.",
    ),
]

_SOFTMAX_ERRORS = [
    (
        "overflow",
        "e^1000 is too big for a float. Subtract each row's maximum from z first: softmax does "
        "not change, and the largest power of e becomes e^0 = 1.",
    ),
    (
        "invalid value",
        "a row came out as 0 / 0. Subtract each row's own maximum (axis=-1, keepdims=True), "
        "not the maximum of the whole batch: a row far below it underflows to all zeros.",
    ),
    (
        "out of bounds",
        "use axis=-1 (the last axis), so that a single vector of scores works as well as a batch.",
    ),
    (
        "could not be broadcast",
        "keep the reduced axis with keepdims=True: a column of shape (m, 1) lines up with the "
        "scores of shape (m, K), a vector of shape (m,) does not.",
    ),
]


ex10_2 = _exercise(
    "10.2",
    "softmax, stable",
    reference=_softmax,
    cases=_SOFTMAX_CASES,
    mistakes=_SOFTMAX_MISTAKES,
    error_hints=_SOFTMAX_ERRORS,
    check_dtype=True,
    hints=[
        "softmax(z)_k = e^(z_k) / Σ_j e^(z_j), along each row. Adding a constant to every score "
        "of a row changes nothing.",
        "Subtract each row's maximum (np.max with axis=-1 and keepdims=True) before np.exp, so "
        "the largest power is e^0 = 1; keepdims keeps the shapes lined up when you divide.",
    ],
)


# ---------------------------------------------------------------------------------------------
# Exercise 10.3: categorical cross-entropy from logits
# ---------------------------------------------------------------------------------------------

_rng = seeded("10.3")


def _cross_entropy(z, labels):
    m = z.shape[0]
    return float(-np.mean(_log_softmax(z)[np.arange(m), labels]))


_CE_CASES = [
    (_rng.normal(0.0, 2.0, size=(3, 3)), np.array([0, 2, 1])),
    (_rng.normal(0.0, 2.0, size=(5, 4)), np.array([3, 0, 0, 2, 1])),
    (np.array([[2.0, 1.0, 0.1]]), np.array([0])),
    (np.array([[1000.0, 0.0, -1000.0], [0.0, 0.0, 0.0]]), np.array([2, 1])),
    (np.array([[-1.5, 0.5, 3.0, 0.0], [2.0, -2.0, 0.0, 1.0]], dtype=np.float32), np.array([2, 3])),
    (_rng.normal(0.0, 5.0, size=(40, 10)), _rng.integers(0, 10, size=40)),
]

_CE_MISTAKES: Mistakes = [
    (
        lambda z, y: -np.sum(_log_softmax(z)[np.arange(len(y)), y]),
        "that is the sum over the batch; the loss is the mean: divide by the number of samples m.",
    ),
    (
        lambda z, y: np.mean(_log_softmax(z)[np.arange(len(y)), y]),
        "the sign: the loss is -log p of the true class, which is >= 0.",
    ),
    (
        lambda z, y: -np.mean(_one_hot(y, z.shape[1]) * _log_softmax(z)),
        "np.mean over the whole (m, K) array divides by m·K; divide the sum by the number of "
        "samples m only.",
    ),
    (
        lambda z, y: -_log_softmax(z)[np.arange(len(y)), y],
        "return one number, the mean over the samples, not one loss per sample.",
    ),
    (
        lambda z, y: -np.mean(np.log(np.clip(_softmax(z), 1e-12, 1.0))[np.arange(len(y)), y]),
        "clipping p to avoid log(0) changes the answer for confident mistakes; use log-softmax: "
        "log p_k = (z_k - max) - log Σ_j e^(z_j - max).",
    ),
    (
        lambda z, y: -np.mean((z - z.max(axis=0))[np.arange(len(y)), y]),
        "normalise each row: log softmax(z)_k = z_k - max - log Σ_j e^(z_j - max), along axis=-1.",
    ),
    (
        lambda z, y: -np.mean(_log_softmax(z.T).T[np.arange(len(y)), y]),
        "the softmax runs along each row (axis=-1, one sample's class scores), not down columns.",
    ),
]

_CE_ERRORS = [
    (
        "divide by zero",
        "log(softmax(z)) takes the log of a probability that rounded to 0. Work with logs "
        "throughout: log softmax(z)_k = (z_k - max) - log Σ_j e^(z_j - max).",
    ),
    (
        "overflow",
        "e^1000 is too big for a float: subtract each row's maximum from z before np.exp.",
    ),
    (
        "out of bounds",
        "pick the true class of each row with z[np.arange(m), labels] (labels are class numbers).",
    ),
]


ex10_3 = _exercise(
    "10.3",
    "categorical cross-entropy from logits",
    reference=_cross_entropy,
    cases=_CE_CASES,
    mistakes=_CE_MISTAKES,
    error_hints=_CE_ERRORS,
    hints=[
        "For one sample: loss = -log softmax(z)_y, the minus log-probability of its true class y. "
        "The batch's loss is the mean.",
        "log softmax(z) = z - max - log(Σ e^(z - max)), row by row, never overflows. To pick "
        "each row's entry of its true class, index with two arrays: rows np.arange(m) and "
        "the labels.",
    ],
)


# ---------------------------------------------------------------------------------------------
# Exercise 10.4: its gradient, softmax minus one-hot
# ---------------------------------------------------------------------------------------------

_rng = seeded("10.4")


def _cross_entropy_gradient(z, labels):
    return (_softmax(z) - _one_hot(labels, z.shape[1])) / z.shape[0]


_GRAD_CASES = [
    (_rng.normal(0.0, 2.0, size=(3, 3)), np.array([1, 0, 2])),
    (_rng.normal(0.0, 2.0, size=(4, 5)), np.array([4, 0, 1, 1])),
    (np.array([[0.5, -0.5]]), np.array([1])),
    (np.array([[1000.0, 0.0, -1000.0], [0.0, 0.0, 0.0]]), np.array([1, 0])),
    (np.array([[-1.5, 0.5, 3.0], [2.0, -2.0, 0.0]], dtype=np.float32), np.array([2, 0])),
    (_rng.normal(0.0, 5.0, size=(30, 10)), _rng.integers(0, 10, size=30)),
]

_GRAD_MISTAKES: Mistakes = [
    (
        lambda z, y: _softmax(z) - _one_hot(y, z.shape[1]),
        "the loss is a mean over the m samples, so its gradient is divided by m (z.shape[0]).",
    ),
    (
        lambda z, y: (_softmax(z) - _one_hot(y, z.shape[1])) / z.size,
        "divide by the number of samples m = z.shape[0], not by the number of entries m·K.",
    ),
    (
        lambda z, y: (_one_hot(y, z.shape[1]) - _softmax(z)) / z.shape[0],
        "the sign: the gradient is prediction minus target, softmax(z) - one-hot.",
    ),
    *[
        (
            minus_labels,
            "labels are class numbers; subtract one-hot rows (np.eye(K)[labels]), not the labels.",
        )
        for minus_labels in (
            lambda z, y: (_softmax(z) - y) / z.shape[0],
            lambda z, y: (_softmax(z) - y[:, None]) / z.shape[0],
        )
    ],
    (
        lambda z, y: _softmax(z) / z.shape[0],
        "subtract the one-hot targets: the gradient is (softmax(z) - one-hot) / m.",
    ),
    (
        lambda z, y: (_softmax(z.T).T - _one_hot(y, z.shape[1])) / z.shape[0],
        "the softmax runs along each row (axis=-1), not down the columns.",
    ),
]

_GRAD_ERRORS = [
    (
        "could not be broadcast",
        "labels of shape (m,) do not line up with scores of shape (m, K): turn them into one-hot "
        "rows first (np.eye(K)[labels]).",
    ),
    (
        "overflow",
        "e^1000 is too big for a float: subtract each row's maximum from z before np.exp.",
    ),
]


ex10_4 = _exercise(
    "10.4",
    "the gradient of cross-entropy: softmax minus one-hot",
    reference=_cross_entropy_gradient,
    cases=_GRAD_CASES,
    mistakes=_GRAD_MISTAKES,
    error_hints=_GRAD_ERRORS,
    hints=[
        "Lesson 07 derived it: with a softmax output and the categorical cross-entropy, the "
        "softmax's derivative cancels against the log's 1/p, and each row's error is its "
        "predicted probabilities minus its one-hot target.",
        "The cost C is a mean over the m samples, so its gradient is divided by m = z.shape[0]. "
        "Row i of np.eye(n_classes) is the one-hot vector of class i: indexing it with the "
        "labels gives every target at once.",
    ],
)


# ---------------------------------------------------------------------------------------------
# Exercise 10.5: accuracy, from the largest score
# ---------------------------------------------------------------------------------------------

_rng = seeded("10.5")


def _accuracy(scores, labels):
    return float(np.mean(np.argmax(scores, axis=1) == labels))


_ACC_CASES = [
    (  # square on purpose: argmax along the wrong axis runs, and gives another number
        np.array(
            [
                [0.13, 0.05, 0.06, 0.73, 0.03],
                [0.06, 0.24, 0.18, 0.52, 0.0],
                [0.0, 0.01, 0.74, 0.22, 0.03],
                [0.17, 0.35, 0.21, 0.14, 0.13],
                [0.28, 0.15, 0.2, 0.31, 0.06],
            ]
        ),
        np.array([4, 4, 2, 0, 0]),
    ),
    (_rng.normal(size=(6, 3)), np.array([0, 1, 2, 0, 1, 2])),
    (np.array([[-5.0, -1.0, -3.0], [2.0, 0.0, -1.0]]), np.array([1, 0])),
    (np.array([[0.2, 0.8], [0.9, 0.1], [0.4, 0.6]], dtype=np.float32), np.array([0, 0, 1])),
    (_rng.normal(size=(100, 10)), _rng.integers(0, 10, size=100)),
]

_ACC_MISTAKES: Mistakes = [
    (
        lambda s, y: np.mean(np.argmax(s, axis=0) == y),
        "take the argmax along axis=1: one predicted class per row (sample), the column with the "
        "largest score.",
    ),
    (
        lambda s, y: np.mean(np.argmax(s) == y),
        "without an axis, np.argmax looks at the whole array as one: give axis=1.",
    ),
    (
        lambda s, y: np.mean(np.argmin(s, axis=1) == y),
        "the predicted class has the largest score: np.argmax, not np.argmin.",
    ),
    (
        lambda s, y: np.sum(np.argmax(s, axis=1) == y),
        "return the fraction of correct rows (between 0 and 1), not their number: np.mean.",
    ),
    (
        lambda s, y: np.mean(np.argmax(s, axis=1) != y),
        "that is the error rate, the fraction of wrong rows; accuracy counts the right ones.",
    ),
]

_ACC_ERRORS = [
    (
        "could not be broadcast",
        "the predictions need one entry per row of scores: np.argmax(scores, axis=1).",
    ),
]


ex10_5 = _exercise(
    "10.5",
    "accuracy from the largest score",
    reference=_accuracy,
    cases=_ACC_CASES,
    mistakes=_ACC_MISTAKES,
    error_hints=_ACC_ERRORS,
    hints=[
        "The predicted class of a row is the index of its largest score.",
        "np.argmax with axis=1 gives one class per row; the mean of True/False values is a fraction.",
    ],
)


# ---------------------------------------------------------------------------------------------
# Exercise 10.6: the confusion matrix
# ---------------------------------------------------------------------------------------------

_rng = seeded("10.6")


def _confusion_matrix(labels, predicted, n_classes):
    counts = np.zeros((n_classes, n_classes), dtype=np.int64)
    np.add.at(counts, (labels, predicted), 1)
    return counts


def _counted_once(labels, predicted, n_classes):
    """A learner's shortcut: fancy indexing adds 1 only once for a repeated pair."""
    counts = np.zeros((n_classes, n_classes), dtype=np.int64)
    counts[labels, predicted] += 1
    return counts


_CM_CASES = [
    (np.array([0, 1, 2, 2, 1, 0, 2, 0]), np.array([0, 2, 2, 1, 1, 0, 0, 1]), 3),
    (np.array([0, 1, 1, 0, 2]), np.array([1, 1, 0, 0, 2]), 4),
    (np.array([3, 1, 2, 0]), np.array([3, 1, 2, 0]), 4),
    (_rng.integers(0, 10, size=200), _rng.integers(0, 10, size=200), 10),
]

_CM_MISTAKES: Mistakes = [
    (
        lambda y, p, k: _confusion_matrix(y, p, k).T,
        "rows and columns are swapped: row i is the true class, column j the predicted one, so "
        "a sample adds 1 at C[true, predicted].",
    ),
    (
        _counted_once,
        "C[labels, predicted] += 1 adds 1 only once for a pair that occurs several times; use "
        "np.add.at(C, (labels, predicted), 1), or a loop over the samples.",
    ),
    (
        lambda y, p, k: _confusion_matrix(y, p, int(max(np.max(y), np.max(p))) + 1),
        "use n_classes for the size: a class may be missing from both labels and predictions.",
    ),
    *[
        (divided, "count the samples, do not divide: each entry is a number of samples.")
        for divided in (
            lambda y, p, k: _confusion_matrix(y, p, k) / len(y),
            lambda y, p, k: (
                _confusion_matrix(y, p, k)
                / np.maximum(_confusion_matrix(y, p, k).sum(axis=1, keepdims=True), 1)
            ),
        )
    ],
]

_CM_ERRORS = [
    ("out of bounds", "make the matrix n_classes by n_classes, one row and column per class."),
]


ex10_6 = _exercise(
    "10.6",
    "the confusion matrix",
    reference=_confusion_matrix,
    cases=_CM_CASES,
    mistakes=_CM_MISTAKES,
    error_hints=_CM_ERRORS,
    hints=[
        "Start from np.zeros((n_classes, n_classes), dtype=int). Each sample adds 1 to the entry "
        "in the row of its true class and the column of its predicted class.",
        "A loop over the pairs (true, predicted) with zip works; the fancy-index shortcut "
        "C[labels, predicted] += 1 does not count a repeated pair twice.",
    ],
)


# ---------------------------------------------------------------------------------------------
# 10.8 Transfer: balanced accuracy from a confusion matrix
# ---------------------------------------------------------------------------------------------


def _balanced_accuracy(counts):
    counts = np.asarray(counts, dtype=float)
    return float(np.mean(np.diag(counts) / counts.sum(axis=1)))


ex10_8 = function_exercise(
    "10.8",
    "transfer: balanced accuracy from a confusion matrix",
    reference=_balanced_accuracy,
    cases=[
        (np.array([[5, 0], [0, 5]]),),
        (np.array([[3, 1, 0], [2, 6, 2], [0, 0, 4]]),),  # before a case with an empty column
        (np.array([[90, 0], [10, 0]]),),  # always "class 0": accuracy 0.9, balanced 0.5
        (np.array([[7, 2, 1, 0], [1, 8, 0, 1], [0, 3, 3, 4], [2, 0, 0, 18]]),),
    ],
    mistakes=[
        (
            lambda C: float(np.trace(C) / np.sum(C)),
            "that is the plain accuracy, which a classifier that always answers the most "
            "common class can make look good. Take each class's recall (its row), then the mean.",
        ),
        (
            lambda C: float(np.mean(np.diag(C) / np.sum(C, axis=0))),
            "that divides by the columns (how often each class was *predicted*): the rows are the "
            "true classes, and recall divides by how often each class truly occurs.",
        ),
        (
            lambda C: np.diag(C) / np.sum(C, axis=1),
            "those are the recalls, one per class; return their mean, one number.",
        ),
    ],
    hints=[
        "Row i of the confusion matrix holds the samples whose true class is i; the diagonal "
        "entry counts those predicted right.",
        "A class's recall is its diagonal entry over its row's sum; average over the classes.",
    ],
)


# Predict, then run
ex10_7 = predict_question(
    "10.7",
    "predict: softmax of two huge equal scores",
    answer=0.5,
    explanation="softmax depends only on the differences between the scores, and 1000 - 1000 = 0, "
    "so both classes get e⁰ / (e⁰ + e⁰) = 0.5: a stable softmax subtracts the maximum first "
    "and never overflows.",
    rtol=1e-3,
    hints=["Subtract the largest score from every score: softmax does not change."],
)
