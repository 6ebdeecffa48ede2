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


# 10.2 (val_accuracy, test_accuracy: one row per setting, one column per seed)


def choose_on_test(val_accuracy, test_accuracy):
    chosen = np.argmax(test_accuracy.mean(axis=1))
    return chosen, test_accuracy[chosen].mean()


def choose_on_validation_plus_test(val_accuracy, test_accuracy):
    both = val_accuracy.mean(axis=1) + test_accuracy.mean(axis=1)
    chosen = np.argmax(both)
    return chosen, test_accuracy[chosen].mean()


def report_best_test_score(val_accuracy, test_accuracy):
    chosen = np.argmax(val_accuracy.mean(axis=1))
    return chosen, test_accuracy.mean(axis=1).max()


def report_validation_score(val_accuracy, test_accuracy):
    chosen = np.argmax(val_accuracy.mean(axis=1))
    return chosen, val_accuracy[chosen].mean()


def choose_by_the_median_seed(val_accuracy, test_accuracy):
    chosen = np.argmax(np.median(val_accuracy, axis=1))
    return chosen, test_accuracy[chosen].mean()


def choose_by_the_worst_seed(val_accuracy, test_accuracy):
    chosen = np.argmax(val_accuracy.min(axis=1))
    return chosen, test_accuracy[chosen].mean()


def choose_best_single_run(val_accuracy, test_accuracy):
    row, _ = np.unravel_index(np.argmax(val_accuracy), val_accuracy.shape)
    return row, test_accuracy[row].mean()


def report_best_seed(val_accuracy, test_accuracy):
    chosen = np.argmax(val_accuracy.mean(axis=1))
    return chosen, test_accuracy[chosen].max()


def choose_with_argmin(val_accuracy, test_accuracy):
    chosen = np.argmin(val_accuracy.mean(axis=1))
    return chosen, test_accuracy[chosen].mean()


def choose_last_of_equals(val_accuracy, test_accuracy):
    best, chosen = -1.0, 0
    for k, row in enumerate(val_accuracy):
        if row.mean() >= best:
            best, chosen = row.mean(), k
    return chosen, test_accuracy[chosen].mean()


def choose_with_mean_over_settings(val_accuracy, test_accuracy):
    chosen = np.argmax(val_accuracy.mean(axis=0))
    return chosen, test_accuracy[chosen].mean()


def choose_without_reporting(val_accuracy, test_accuracy):
    return np.argmax(val_accuracy.mean(axis=1))


# 10.3 (weights, biases, activation, X)


def _fit_misses(outputs, X):
    X1 = np.column_stack([X, np.ones(len(X))])
    coefficients = np.linalg.lstsq(X1, outputs, rcond=None)[0]
    residual = X1 @ coefficients - outputs
    return np.sum(residual**2) / np.sum((outputs - outputs.mean(axis=0)) ** 2)


def _outputs(weights, biases, activation, X):
    a = X
    for W, b in zip(weights[:-1], biases[:-1], strict=True):
        a = activation(a @ W + b)
    return a @ weights[-1] + biases[-1]


def missed_with_activation_on_output(weights, biases, activation, X):
    a = X
    for W, b in zip(weights, biases, strict=True):
        a = activation(a @ W + b)
    return _fit_misses(a, X)


def missed_without_activation(weights, biases, activation, X):
    a = X
    for W, b in zip(weights, biases, strict=True):
        a = a @ W + b
    return _fit_misses(a, X)


def missed_fit_without_bias(weights, biases, activation, X):
    outputs = _outputs(weights, biases, activation, X)
    coefficients = np.linalg.lstsq(X, outputs, rcond=None)[0]
    residual = X @ coefficients - outputs
    return np.sum(residual**2) / np.sum((outputs - outputs.mean(axis=0)) ** 2)


def missed_as_r_squared(weights, biases, activation, X):
    return 1 - _fit_misses(_outputs(weights, biases, activation, X), X)


def missed_over_squares_from_zero(weights, biases, activation, X):
    outputs = _outputs(weights, biases, activation, X)
    X1 = np.column_stack([X, np.ones(len(X))])
    residual = X1 @ np.linalg.lstsq(X1, outputs, rcond=None)[0] - outputs
    return np.sum(residual**2) / np.sum(outputs**2)


def missed_with_one_overall_mean(weights, biases, activation, X):
    outputs = _outputs(weights, biases, activation, X)
    X1 = np.column_stack([X, np.ones(len(X))])
    residual = X1 @ np.linalg.lstsq(X1, outputs, rcond=None)[0] - outputs
    return np.sum(residual**2) / np.sum((outputs - outputs.mean()) ** 2)


def missed_as_ratio_of_norms(weights, biases, activation, X):
    outputs = _outputs(weights, biases, activation, X)
    X1 = np.column_stack([X, np.ones(len(X))])
    residual = X1 @ np.linalg.lstsq(X1, outputs, rcond=None)[0] - outputs
    return np.linalg.norm(residual) / np.linalg.norm(outputs - outputs.mean(axis=0))


def missed_with_weights_on_the_left(weights, biases, activation, X):
    a = X
    for W, b in zip(weights[:-1], biases[:-1], strict=True):
        a = activation(W @ a + b)
    return _fit_misses(W @ a + b, X)


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


def ce_gradient_mean_shifted_softmax(z, y):
    exps = np.exp(z - z.mean(axis=-1, keepdims=True))  # overflows on [1000, 0, -1000]
    return (exps / exps.sum(axis=-1, keepdims=True) - _one_hot(y, z.shape[1])) / len(z)


def ce_gradient_with_package_softmax(z, y):
    from neuronlab.losses import softmax

    return (softmax(z) - np.eye(z.shape[1])[y]) / len(z)


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


def _float_confusion(labels, predicted, n_classes):
    counts = np.zeros((n_classes, n_classes))  # float zeros: counts of 1.0, 2.0, ...
    for true, guess in zip(labels, predicted, strict=True):
        counts[true, guess] += 1
    return counts


def _histogram_confusion(labels, predicted, n_classes):
    edges = np.arange(n_classes + 1) - 0.5
    return np.histogram2d(labels, predicted, bins=[edges, edges])[0]


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
        (choose_on_test, "you chose with the test scores"),
        (choose_on_validation_plus_test, "the test scores went into your choice"),
        (report_best_test_score, "not the best test accuracy of any setting"),
        (report_validation_score, "you reported the chosen setting's validation accuracy"),
        (choose_best_single_run, "the setting of the single best run"),
        (choose_by_the_median_seed, "each setting's median over its seeds"),
        (choose_by_the_worst_seed, "each setting's worst seed"),
        (report_best_seed, "not its best seed"),
        (choose_with_argmin, "not np.argmin"),
        (choose_last_of_equals, "keep the first of them"),
        (choose_with_mean_over_settings, "runs along axis=1"),
        (choose_without_reporting, "should return 2 values (chosen, reported)"),
    ],
    "10.3": [
        (missed_with_activation_on_output, "except the last"),
        (missed_without_activation, "the activation never acted"),
        (missed_fit_without_bias, "a column of ones"),
        (missed_as_r_squared, "that is R²"),
        (missed_over_squares_from_zero, "not from 0"),
        (missed_with_one_overall_mean, "not one mean of the whole array"),
        (missed_as_ratio_of_norms, "not norms"),
        (missed_with_weights_on_the_left, "X @ w, not w @ X"),
    ],
    "10.4": [
        (ce_gradient_not_averaged, "divided by m"),
        (ce_gradient_over_all_entries, "not by the number"),
        (ce_gradient_sign_flipped, "the sign"),
        (ce_gradient_minus_labels, "must become one-hot rows first"),
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
        (_float_confusion, "a count is a whole number"),
        (_histogram_confusion, "a count is a whole number"),
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
