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


# 10.1


def collapse_in_wrong_order(W1, b1, W2, b2):
    return (W2 @ W1, b1 @ W2 + b2)


def collapse_elementwise(W1, b1, W2, b2):
    return (W1 * W2, b1 @ W2 + b2)


def collapse_biases_added(W1, b1, W2, b2):
    return (W1 @ W2, b1 + b2)


def collapse_without_b1(W1, b1, W2, b2):
    return (W1 @ W2, b2)


def collapse_without_b2(W1, b1, W2, b2):
    return (W1 @ W2, b1 @ W2)


def collapse_bias_as_column(W1, b1, W2, b2):
    return (W1 @ W2, W2 @ b1 + b2)


def collapse_w_transposed(W1, b1, W2, b2):
    return ((W1 @ W2).T, b1 @ W2 + b2)


def collapse_without_bias(W1, b1, W2, b2):
    return W1 @ W2


# 10.2


def softmax_over_columns(z):
    return np.exp(z - z.max(axis=0)) / np.exp(z - z.max(axis=0)).sum(axis=0)


def softmax_over_whole_batch(z):
    return np.exp(z - z.max()) / np.exp(z - z.max()).sum()


def softmax_batch_maximum(z):
    return np.exp(z - z.max()) / np.exp(z - z.max()).sum(axis=-1, keepdims=True)


def softmax_on_axis_one(z):
    return np.exp(z - z.max(axis=1, keepdims=True)) / np.exp(z - z.max(axis=1, keepdims=True)).sum(
        axis=1, keepdims=True
    )


def softmax_without_keepdims(z):
    return np.exp(z - z.max(axis=-1)) / np.exp(z - z.max(axis=-1)).sum(axis=-1)


def softmax_not_normalised(z):
    return np.exp(z - z.max(axis=-1, keepdims=True))


def softmax_without_exp(z):
    return z / z.sum(axis=-1, keepdims=True)


def softmax_cast_to_float64(z):
    return _stable_softmax(z.astype(np.float64))


# 10.3


def cross_entropy_summed(z, y):
    return -np.sum(np.log(_stable_softmax(z))[np.arange(len(y)), y])


def cross_entropy_sign_flipped(z, y):
    return np.mean(np.log(_stable_softmax(z))[np.arange(len(y)), y])


def cross_entropy_mean_over_all_entries(z, y):
    return -np.mean(_one_hot(y, z.shape[1]) * np.log(_stable_softmax(z)))


def cross_entropy_per_sample(z, y):
    return -np.log(_stable_softmax(z))[np.arange(len(y)), y]


def cross_entropy_log_of_softmax(z, y):
    return -np.mean(np.log(_stable_softmax(z))[np.arange(len(y)), y])


def cross_entropy_naive_softmax(z, y):
    return -np.mean(np.log(_naive_softmax(z))[np.arange(len(y)), y])


def cross_entropy_clipped(z, y):
    return -np.mean(np.log(np.clip(_stable_softmax(z), 1e-12, 1))[np.arange(len(y)), y])


# 10.4


def ce_gradient_not_averaged(z, y):
    return _stable_softmax(z) - _one_hot(y, z.shape[1])


def ce_gradient_over_all_entries(z, y):
    return (_stable_softmax(z) - _one_hot(y, z.shape[1])) / z.size


def ce_gradient_sign_flipped(z, y):
    return (_one_hot(y, z.shape[1]) - _stable_softmax(z)) / len(z)


def ce_gradient_minus_labels(z, y):
    return (_stable_softmax(z) - y) / len(z)


def ce_gradient_without_targets(z, y):
    return _stable_softmax(z) / len(z)


def ce_gradient_naive_softmax(z, y):
    return (_naive_softmax(z) - _one_hot(y, z.shape[1])) / len(z)


# 10.5


def accuracy_argmax_over_rows(s, y):
    return np.mean(np.argmax(s, axis=0) == y)


def accuracy_argmax_without_axis(s, y):
    return np.mean(np.argmax(s) == y)


def accuracy_with_argmin(s, y):
    return np.mean(np.argmin(s, axis=1) == y)


def accuracy_as_count(s, y):
    return int(np.sum(np.argmax(s, axis=1) == y))


def accuracy_as_error_rate(s, y):
    return np.mean(np.argmax(s, axis=1) != y)


# 10.7


def predict_overflow_to_one():
    return 1.0


def predict_nan():
    return float("nan")


def predict_zero():
    return 0.0


# 10.8


def balanced_as_plain_accuracy(C):
    return np.trace(C) / np.sum(C)


def balanced_over_columns(C):
    return np.mean(np.diag(C) / C.sum(axis=0))


def balanced_recalls_not_averaged(C):
    return np.diag(C) / C.sum(axis=1)


# exercise id -> [(wrong answer, a piece of the message the learner must see)]
WRONG_ANSWERS = {
    "10.1": [
        (collapse_in_wrong_order, "the order matters"),
        (collapse_elementwise, "not the element-wise *"),
        (collapse_biases_added, "b = b1 @ W2 + b2"),
        (collapse_without_b1, "b1 is missing"),
        (collapse_without_b2, "b2 is missing"),
        (collapse_bias_as_column, "not W2 @ b1"),
        (collapse_w_transposed, "your W is transposed"),
        (collapse_without_bias, "should return 2 values (W, b)"),
    ],
    "10.2": [
        (_naive_softmax, "Subtract each row's maximum"),
        (
            softmax_over_columns,
            "not axis=0",
        ),
        (softmax_over_whole_batch, "sum over the whole batch"),
        (
            softmax_batch_maximum,
            "not the maximum of the whole batch",
        ),
        (
            softmax_on_axis_one,
            "use axis=-1",
        ),
        (
            softmax_without_keepdims,
            "keepdims=True",
        ),
        (softmax_not_normalised, "add up to 1"),
        (softmax_without_exp, "exponentiate first"),
        (softmax_cast_to_float64, "expected dtype float32"),
    ],
    "10.3": [
        (
            cross_entropy_summed,
            "divide by the number of samples m",
        ),
        (
            cross_entropy_sign_flipped,
            "the sign",
        ),
        (cross_entropy_mean_over_all_entries, "m·K"),
        (
            cross_entropy_per_sample,
            "not one loss per sample",
        ),
        (
            cross_entropy_log_of_softmax,
            "Work with logs throughout",
        ),
        (
            cross_entropy_naive_softmax,
            "subtract each row's maximum",
        ),
        (
            cross_entropy_clipped,
            "clipping p",
        ),
    ],
    "10.4": [
        (ce_gradient_not_averaged, "divided by m"),
        (ce_gradient_over_all_entries, "not by the number"),
        (ce_gradient_sign_flipped, "the sign"),
        (ce_gradient_minus_labels, "not the labels"),
        (ce_gradient_without_targets, "subtract the one-hot targets"),
        (
            ce_gradient_naive_softmax,
            "subtract each row's maximum",
        ),
    ],
    "10.5": [
        (accuracy_argmax_over_rows, "along axis=1"),
        (accuracy_argmax_without_axis, "without an axis"),
        (accuracy_with_argmin, "not np.argmin"),
        (accuracy_as_count, "not their number"),
        (accuracy_as_error_rate, "error rate"),
    ],
    "10.6": [
        (_transposed_confusion, "rows and columns are swapped"),
        (_fancy_confusion, "np.add.at"),
        (_sized_by_data, "use n_classes for the size"),
        (_normalised_confusion, "do not divide"),
    ],
    "10.7": [
        (predict_overflow_to_one, "softmax depends only on the differences"),
        (predict_nan, "you predicted nan"),
        (predict_zero, "never overflows"),
    ],
    "10.8": [
        (balanced_as_plain_accuracy, "that is the plain accuracy"),
        (balanced_over_columns, "divides by the columns"),
        (balanced_recalls_not_averaged, "return their mean, one number"),
    ],
}
