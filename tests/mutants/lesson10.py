"""Wrong answers that the checks of lesson 10 must reject, each with the message a learner sees."""

from __future__ import annotations

import numpy as np


def _stable_softmax(z):
    exps = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return exps / np.sum(exps, axis=-1, keepdims=True)


def _naive_softmax(z):
    return np.exp(z) / np.sum(np.exp(z), axis=-1, keepdims=True)


def _one_hot(labels, n_classes):
    return np.eye(n_classes)[labels]


def _fancy_confusion(labels, predicted, n_classes):
    counts = np.zeros((n_classes, n_classes), dtype=int)
    counts[labels, predicted] += 1  # a repeated pair is counted once
    return counts


def _transposed_confusion(labels, predicted, n_classes):
    counts = np.zeros((n_classes, n_classes), dtype=int)
    for true, guess in zip(labels, predicted, strict=True):
        counts[guess, true] += 1
    return counts


def _sized_by_data(labels, predicted, n_classes):
    size = max(labels.max(), predicted.max()) + 1
    counts = np.zeros((size, size), dtype=int)
    np.add.at(counts, (labels, predicted), 1)
    return counts


def _normalised_confusion(labels, predicted, n_classes):
    counts = np.zeros((n_classes, n_classes))
    np.add.at(counts, (labels, predicted), 1)
    return counts / len(labels)


# exercise id -> [(wrong answer, a piece of the message the learner must see)]
WRONG_ANSWERS = {
    "10.1": [
        (lambda W1, b1, W2, b2: (W2 @ W1, b1 @ W2 + b2), "the order matters"),
        (lambda W1, b1, W2, b2: (W1 * W2, b1 @ W2 + b2), "not the element-wise *"),
        (lambda W1, b1, W2, b2: (W1 @ W2, b1 + b2), "b = b1 @ W2 + b2"),
        (lambda W1, b1, W2, b2: (W1 @ W2, b2), "b1 is missing"),
        (lambda W1, b1, W2, b2: (W1 @ W2, b1 @ W2), "b2 is missing"),
        (lambda W1, b1, W2, b2: (W1 @ W2, W2 @ b1 + b2), "not W2 @ b1"),
        (lambda W1, b1, W2, b2: ((W1 @ W2).T, b1 @ W2 + b2), "your W is transposed"),
        (lambda W1, b1, W2, b2: W1 @ W2, "should return 2 values (W, b)"),
    ],
    "10.2": [
        (_naive_softmax, "Subtract each row's maximum"),
        (
            lambda z: np.exp(z - z.max(axis=0)) / np.exp(z - z.max(axis=0)).sum(axis=0),
            "not axis=0",
        ),
        (lambda z: np.exp(z - z.max()) / np.exp(z - z.max()).sum(), "sum over the whole batch"),
        (
            lambda z: np.exp(z - z.max()) / np.exp(z - z.max()).sum(axis=-1, keepdims=True),
            "not the maximum of the whole batch",
        ),
        (
            lambda z: (
                np.exp(z - z.max(axis=1, keepdims=True))
                / np.exp(z - z.max(axis=1, keepdims=True)).sum(axis=1, keepdims=True)
            ),
            "use axis=-1",
        ),
        (
            lambda z: np.exp(z - z.max(axis=-1)) / np.exp(z - z.max(axis=-1)).sum(axis=-1),
            "keepdims=True",
        ),
        (lambda z: np.exp(z - z.max(axis=-1, keepdims=True)), "add up to 1"),
        (lambda z: z / z.sum(axis=-1, keepdims=True), "exponentiate first"),
        (lambda z: _stable_softmax(z.astype(np.float64)), "expected dtype float32"),
    ],
    "10.3": [
        (
            lambda z, y: -np.sum(np.log(_stable_softmax(z))[np.arange(len(y)), y]),
            "divide by the number of samples m",
        ),
        (
            lambda z, y: np.mean(np.log(_stable_softmax(z))[np.arange(len(y)), y]),
            "the sign",
        ),
        (lambda z, y: -np.mean(_one_hot(y, z.shape[1]) * np.log(_stable_softmax(z))), "m·K"),
        (
            lambda z, y: -np.log(_stable_softmax(z))[np.arange(len(y)), y],
            "not one loss per sample",
        ),
        (
            lambda z, y: -np.mean(np.log(_stable_softmax(z))[np.arange(len(y)), y]),
            "Work with logs throughout",
        ),
        (
            lambda z, y: -np.mean(np.log(_naive_softmax(z))[np.arange(len(y)), y]),
            "subtract each row's maximum",
        ),
        (
            lambda z, y: (
                -np.mean(np.log(np.clip(_stable_softmax(z), 1e-12, 1))[np.arange(len(y)), y])
            ),
            "clipping p",
        ),
    ],
    "10.4": [
        (lambda z, y: _stable_softmax(z) - _one_hot(y, z.shape[1]), "divided by m"),
        (lambda z, y: (_stable_softmax(z) - _one_hot(y, z.shape[1])) / z.size, "not by the number"),
        (lambda z, y: (_one_hot(y, z.shape[1]) - _stable_softmax(z)) / len(z), "the sign"),
        (lambda z, y: (_stable_softmax(z) - y) / len(z), "not the labels"),
        (lambda z, y: _stable_softmax(z) / len(z), "subtract the one-hot targets"),
        (
            lambda z, y: (_naive_softmax(z) - _one_hot(y, z.shape[1])) / len(z),
            "subtract each row's maximum",
        ),
    ],
    "10.5": [
        (lambda s, y: np.mean(np.argmax(s, axis=0) == y), "along axis=1"),
        (lambda s, y: np.mean(np.argmax(s) == y), "without an axis"),
        (lambda s, y: np.mean(np.argmin(s, axis=1) == y), "not np.argmin"),
        (lambda s, y: int(np.sum(np.argmax(s, axis=1) == y)), "not their number"),
        (lambda s, y: np.mean(np.argmax(s, axis=1) != y), "error rate"),
    ],
    "10.6": [
        (_transposed_confusion, "rows and columns are swapped"),
        (_fancy_confusion, "np.add.at"),
        (_sized_by_data, "use n_classes for the size"),
        (_normalised_confusion, "do not divide"),
    ],
    "10.7": [
        (lambda: 1.0, "softmax depends only on the differences"),
        (lambda: float("nan"), "you predicted nan"),
        (lambda: 0.0, "never overflows"),
    ],
    "10.8": [
        (lambda C: np.trace(C) / np.sum(C), "that is the plain accuracy"),
        (lambda C: np.mean(np.diag(C) / C.sum(axis=0)), "divides by the columns"),
        (lambda C: np.diag(C) / C.sum(axis=1), "return their mean, one number"),
    ],
}
