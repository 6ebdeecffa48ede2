"""Lesson 10, putting it together: collapsing linear layers, choosing on validation and
reporting the test score once, the share of a deep network no linear layer reproduces (1 - R²),
the gradient of cross-entropy, accuracy, the confusion matrix.

The learner's functions take batches with **one row per sample**: scores (logits) ``z`` of
shape (m, K) for m samples and K classes, and integer labels of shape (m,).
"""

from __future__ import annotations

import itertools
from functools import partial

import numpy as np

from neuronlab.exercises.checks import (
    Incorrect,
    Mistakes,
    call,
    function_exercise,
    predict_question,
    seeded,
    written_without,
)
from neuronlab.losses import softmax as _package_softmax

# This lesson's checks compare float32 answers and known mistakes more tightly than the default.
_exercise = partial(function_exercise, float32_rtol=1e-5, mistake_rtol=1e-6)

# ---------------------------------------------------------------------------------------------
# Reference answers (the package's own versions live in neuronlab.losses)
# ---------------------------------------------------------------------------------------------


def _softmax(z):
    z = np.asarray(z)
    exps = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return exps / np.sum(exps, axis=-1, keepdims=True)


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
# Exercise 10.2: choose on validation, test once
# ---------------------------------------------------------------------------------------------

_rng = seeded("10.2")


def _choose_and_report(val_accuracy, test_accuracy):
    val_means = np.mean(val_accuracy, axis=1)  # one mean per setting, over its seeds
    chosen = int(np.argmax(val_means))  # the first of equals, as np.argmax does
    return chosen, float(np.mean(test_accuracy[chosen]))


def _random_scores(n_settings, n_seeds):
    return np.round(_rng.uniform(0.80, 0.98, size=(n_settings, n_seeds)), 3)


_CHOICE_CASES = [
    (  # the best mean on validation (row 2), the best single run (row 1), the best on test (row 0)
        np.array([[0.90, 0.92, 0.91, 0.95], [0.97, 0.85, 0.86, 0.90], [0.93, 0.93, 0.92, 0.96]]),
        np.array([[0.94, 0.93, 0.95, 0.94], [0.90, 0.91, 0.89, 0.90], [0.92, 0.91, 0.90, 0.91]]),
    ),
    (  # rows 0 and 2 tie on validation: the first is kept
        np.array([[0.9, 0.8], [0.7, 0.7], [0.8, 0.9]]),
        np.array([[0.80, 0.82], [0.90, 0.90], [0.85, 0.87]]),
    ),
    (np.array([[0.95], [0.91], [0.96], [0.93]]), np.array([[0.94], [0.95], [0.92], [0.90]])),
    (_random_scores(6, 5), _random_scores(6, 5)),
    (_random_scores(12, 3), _random_scores(12, 3)),
    (  # the best mean (row 0), the best median (row 1) and the best worst seed (row 2) differ
        np.array([[0.99, 0.70, 0.70], [0.60, 0.80, 0.80], [0.75, 0.75, 0.75]]),
        np.array([[0.91, 0.92, 0.93], [0.50, 0.52, 0.54], [0.60, 0.62, 0.64]]),
    ),
]


def _chosen_by(score):
    """A learner's choice made with ``score(val, test)`` per setting; the test mean reported."""

    def choose(val, test):
        chosen = int(np.argmax(score(val, test)))
        return chosen, float(np.mean(test[chosen]))

    return choose


def _last_of_equals(val, test):
    means = np.mean(val, axis=1)
    chosen = len(means) - 1 - int(np.argmax(means[::-1]))
    return chosen, float(np.mean(test[chosen]))


_CHOICE_MISTAKES: Mistakes = [
    (
        _chosen_by(lambda v, t: t.mean(axis=1)),
        "you chose with the test scores. The test set plays no part in the choice: choose the "
        "setting with the highest mean validation accuracy, then read its test accuracy.",
    ),
    (
        _chosen_by(lambda v, t: v.mean(axis=1) + t.mean(axis=1)),
        "the test scores went into your choice (added to the validation scores). Choose on "
        "validation alone; the test score is only read, once, for the chosen setting.",
    ),
    (
        lambda v, t: (_choose_and_report(v, t)[0], float(np.max(t.mean(axis=1)))),
        "report the test accuracy of the setting you chose, not the best test accuracy of any "
        "setting: picking the best test score is choosing on the test set again.",
    ),
    (
        lambda v, t: (_choose_and_report(v, t)[0], float(np.mean(v[_choose_and_report(v, t)[0]]))),
        "you reported the chosen setting's validation accuracy. It is the score you chose on, so "
        "it is optimistic; report the chosen setting's test accuracy.",
    ),
    (
        _chosen_by(lambda v, t: v.max(axis=1)),
        "you chose the setting of the single best run. A setting is judged by its mean over "
        "its seeds: one lucky seed does not make a better setting (picking one trained network, "
        "as the lesson's last step does, is another choice).",
    ),
    (
        _chosen_by(lambda v, t: np.median(v, axis=1)),
        "you chose by each setting's median over its seeds; the protocol chooses by the mean "
        "(np.mean along axis=1).",
    ),
    (
        _chosen_by(lambda v, t: v.min(axis=1)),
        "you chose by each setting's worst seed; the protocol chooses by the mean over the "
        "seeds (np.mean along axis=1).",
    ),
    (
        lambda v, t: (_choose_and_report(v, t)[0], float(np.max(t[_choose_and_report(v, t)[0]]))),
        "report the chosen setting's mean test accuracy over its seeds, not its best seed.",
    ),
    (
        _chosen_by(lambda v, t: -v.mean(axis=1)),
        "the best setting has the highest validation accuracy: np.argmax, not np.argmin.",
    ),
    (
        _last_of_equals,
        "two settings tie on validation here: keep the first of them (as np.argmax does).",
    ),
]

_CHOICE_ERRORS = [
    (
        "out of bounds",
        "one row per setting, one column per seed: the mean over the seeds runs along axis=1, "
        "and the chosen setting is a row number.",
    ),
]


ex10_2 = function_exercise(
    "10.2",
    "choose on validation, test once",
    reference=_choose_and_report,
    cases=_CHOICE_CASES,
    outputs=("chosen", "reported"),
    mistakes=_CHOICE_MISTAKES,
    error_hints=_CHOICE_ERRORS,
    hints=[
        "Two steps, and the test scores belong only to the second: first pick a row using the "
        "validation array alone, then look up one number in the test array.",
        "A setting's score is the mean over its seeds (a row's mean). Which numpy function "
        "returns the position of the largest entry, and which one of equal entries does it keep?",
    ],
)


# ---------------------------------------------------------------------------------------------
# Exercise 10.3: what no single linear layer can reproduce (1 - R²)
# ---------------------------------------------------------------------------------------------

_rng = seeded("10.3")


def relu(z):
    """max(z, 0), the activation a case passes as a function."""
    return np.maximum(z, 0.0)


def linear(z):
    """The identity: returns z unchanged, no activation at all."""
    return z


def _forward(weights, biases, activation, X):
    a = X
    for W, b in zip(weights[:-1], biases[:-1], strict=True):
        a = activation(a @ W + b)
    return a @ weights[-1] + biases[-1]  # the output layer is linear


def _misses(outputs, X, with_bias=True, around=lambda y: y.mean(axis=0), squared=True):
    columns = np.column_stack([X, np.ones(len(X))]) if with_bias else X
    coefficients, *_ = np.linalg.lstsq(columns, outputs, rcond=None)
    residual = columns @ coefficients - outputs
    deviation = outputs - around(outputs)
    if not squared:
        return float(np.linalg.norm(residual) / np.linalg.norm(deviation))
    return float(np.sum(residual**2) / np.sum(deviation**2))


def _share_missed(weights, biases, activation, X):
    return _misses(_forward(weights, biases, activation, X), X)


def _stack(sizes, n_samples):
    weights = [
        _rng.normal(0.0, 1.0 / np.sqrt(n), size=(n, k)) for n, k in itertools.pairwise(sizes)
    ]
    biases = [_rng.normal(size=k) for k in sizes[1:]]
    return weights, biases, _rng.normal(size=(n_samples, sizes[0]))


def _stack_case(sizes, activation, n_samples=200):
    weights, biases, X = _stack(sizes, n_samples)
    return weights, biases, activation, X


_MISSED_CASES = [
    _stack_case([3, 12, 12, 12, 2], np.tanh),
    _stack_case([2, 8, 8, 8, 1], relu),
    _stack_case([4, 16, 16, 16, 3], linear),  # no activation: the stack is one linear map
    _stack_case([3, 10, 10, 10, 10, 2], relu, n_samples=300),
]


def _activation_everywhere(weights, biases, activation, X):
    a = X
    for W, b in zip(weights, biases, strict=True):
        a = activation(a @ W + b)
    return _misses(a, X)


_MISSED_MISTAKES: Mistakes = [
    (
        _activation_everywhere,
        "the output layer is linear: apply the activation after every layer except the last.",
    ),
    (
        lambda W, b, g, X: _misses(_forward(W, b, linear, X), X),
        "the activation never acted: apply it after each hidden layer. Without it the stack is "
        "one linear map, and the best linear layer misses nothing.",
    ),
    (
        lambda W, b, g, X: _misses(_forward(W, b, g, X), X, with_bias=False),
        "the single linear layer has a bias too: fit X @ W + b, with a column of ones next to "
        "X (as in section 1), not X @ W alone.",
    ),
    (
        lambda W, b, g, X: 1.0 - _share_missed(W, b, g, X),
        "that is R², the share the linear layer explains; return the share it misses, 1 - R².",
    ),
    (
        lambda W, b, g, X: _misses(_forward(W, b, g, X), X, around=lambda y: 0.0),
        "the total is each output's squared deviation from its own mean (outputs.mean(axis=0)), "
        "not from 0.",
    ),
    (
        lambda W, b, g, X: _misses(_forward(W, b, g, X), X, around=lambda y: y.mean()),
        "subtract each output column's own mean (axis=0), not one mean of the whole array.",
    ),
    (
        lambda W, b, g, X: _misses(_forward(W, b, g, X), X, squared=False),
        "square before you add: 1 - R² divides sums of squares, not norms (their square roots).",
    ),
]


def _describe_stack(args):
    weights, _, activation, X = args
    sizes = [weights[0].shape[0]] + [W.shape[1] for W in weights]
    return (
        f"a stack of layers of sizes {sizes} with activation {activation.__name__} and X of "
        f"shape {X.shape}"
    )


_MISSED_ERRORS = [
    (
        "could not be broadcast",
        "the column of ones must have one entry per sample: np.ones(len(X)), stacked next to X "
        "with np.column_stack.",
    ),
]


ex10_3 = function_exercise(
    "10.3",
    "what no single linear layer can reproduce",
    reference=_share_missed,
    cases=_MISSED_CASES,
    mistakes=_MISSED_MISTAKES,
    error_hints=_MISSED_ERRORS,
    given=_describe_stack,
    rtol=1e-6,
    atol=1e-9,
    hints=[
        "First the network's outputs: a loop over the layers, a = a @ W + b, with the activation "
        "after each hidden layer only. Then the fit, exactly as section 1 of the lesson.",
        "np.linalg.lstsq(A, outputs, rcond=None)[0] gives the coefficients of the best fit of "
        "A @ coefficients to the outputs; A is X with a column of ones. Compare the squared "
        "residuals with the outputs' squared deviations from their column means.",
    ],
)


# ---------------------------------------------------------------------------------------------
# Exercise 10.4: the gradient of cross-entropy
# ---------------------------------------------------------------------------------------------

_rng = seeded("10.4")


def _cross_entropy_gradient(z, labels):
    return (_softmax(z) - _one_hot(labels, z.shape[1])) / z.shape[0]


_GRAD_SQUARE = (_rng.normal(0.0, 2.0, size=(3, 3)), np.array([1, 0, 2]))
_GRAD_CASES = [  # not square first: a shape mistake fails loudly before it can pass by chance
    (_rng.normal(0.0, 2.0, size=(4, 5)), np.array([4, 0, 1, 1])),
    _GRAD_SQUARE,
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
        "a row's maximum or sum must keep its axis (keepdims=True) to line up with scores of "
        "shape (m, K), and labels of shape (m,) must become one-hot rows first "
        "(np.eye(K)[labels]).",
    ),
    (
        "overflow",
        "e^1000 is too big for a float: subtract each row's maximum from z before np.exp.",
    ),
]


ex10_4 = _exercise(
    "10.4",
    "the gradient of cross-entropy",
    reference=_cross_entropy_gradient,
    cases=_GRAD_CASES,
    mistakes=_GRAD_MISTAKES,
    error_hints=_GRAD_ERRORS,
    prechecks=[written_without(_package_softmax)],
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


def _counts_are_whole_numbers(answer):
    counts = np.asarray(call(answer, *_CM_CASES[0]))
    if counts.dtype.kind not in "iu":
        raise Incorrect(
            f"the counts came back as {counts.dtype} numbers; a count is a whole number: make "
            "the matrix an integer array, e.g. np.zeros((n_classes, n_classes), dtype=int)."
        )


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
    postchecks=[_counts_are_whole_numbers],
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
