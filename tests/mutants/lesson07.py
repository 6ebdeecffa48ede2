"""Wrong answers that the checks of lesson 07 must reject, each with the message a learner sees.

Each is written the way a learner would type it, and named after the mistake it makes.
"""

from __future__ import annotations

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


# 7.1 the binary cross-entropy ------------------------------------------------------------------


def bce_without_minus(a, y):
    return np.mean(y * np.log(a) + (1 - y) * np.log(1 - a))


def bce_summed(a, y):
    return -np.sum(y * np.log(a) + (1 - y) * np.log(1 - a))


def bce_label_one_term_only(a, y):
    return -np.mean(y * np.log(a))


def bce_with_log10(a, y):
    return -np.mean(y * np.log10(a) + (1 - y) * np.log10(1 - a))


def bce_a_and_one_minus_a_swapped(a, y):
    return -np.mean((1 - y) * np.log(a) + y * np.log(1 - a))


def bce_is_actually_mse(a, y):
    return np.mean((a - y) ** 2)


def bce_with_epsilon_in_the_logs(a, y):
    eps = 1e-7
    return -np.mean(y * np.log(a + eps) + (1 - y) * np.log(1 - a + eps))


def bce_returns_the_array(a, y):
    return -(y * np.log(a) + (1 - y) * np.log(1 - a))


# 7.2 a stable softmax --------------------------------------------------------------------------


def softmax_naive(z):
    return np.exp(z) / np.sum(np.exp(z), axis=-1, keepdims=True)


def softmax_one_max_for_the_whole_batch(z):
    e = np.exp(z - np.max(z))
    return e / e.sum(axis=-1, keepdims=True)


def softmax_sums_columns(z):
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=0)


def softmax_without_keepdims(z):
    e = np.exp(z - np.max(z, axis=-1))
    return e / np.sum(e, axis=-1)


def softmax_divides_by_everything(z):
    e = np.exp(z - z.max())
    return e / e.sum()


def softmax_subtracts_the_minimum(z):
    e = np.exp(z - z.min(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def softmax_along_axis_1(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def softmax_subtracts_the_mean(z):
    e = np.exp(z - z.mean(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


# 7.3 the categorical cross-entropy from logits -------------------------------------------------


def stable_softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def ce_log_of_softmax(z, labels):
    p = stable_softmax(z)
    return -np.mean(np.log(p[np.arange(len(z)), labels]))


def ce_summed_over_samples(z, labels):
    p = stable_softmax(z)
    return -np.sum(np.log(p[np.arange(len(z)), labels]))


def ce_picks_columns(z, labels):
    log_p = z - z.max(axis=1, keepdims=True)
    log_p = log_p - np.log(np.exp(log_p).sum(axis=1, keepdims=True))
    return -np.mean(log_p[:, labels], axis=0)


def ce_forgets_the_log_sum(z, labels):
    shifted = z - z.max(axis=1, keepdims=True)
    return -np.mean(shifted[np.arange(len(z)), labels])


def ce_mean_over_every_entry(z, labels):
    shifted = z - z.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    one_hot = np.eye(z.shape[1])[labels]
    return -np.mean(one_hot * log_p)


def ce_naive_exp(z, labels):
    log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    return -np.mean(log_p[np.arange(len(z)), labels])


def ce_shifted_by_the_mean(z, labels):
    shifted = z - z.mean(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    return -np.mean(log_p[np.arange(len(z)), labels])


def ce_as_a_one_element_array(z, labels):
    shifted = z - z.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    return -np.mean(log_p[np.arange(len(z)), labels], keepdims=True)


# 7.4 one epoch's mini-batches ------------------------------------------------------------------


def batches_not_shuffled(n_samples, batch_size, rng):
    return [np.arange(start, min(start + batch_size, n_samples)) for start in range(0, n_samples, batch_size)]  # fmt: skip


def batches_drop_the_last(n_samples, batch_size, rng):
    order = rng.permutation(n_samples)
    return [order[i * batch_size : (i + 1) * batch_size] for i in range(n_samples // batch_size)]


def batches_with_replacement(n_samples, batch_size, rng):
    return [
        rng.integers(0, n_samples, size=min(batch_size, n_samples - start))
        for start in range(0, n_samples, batch_size)
    ]


def batches_array_split(n_samples, batch_size, rng):
    return np.array_split(rng.permutation(n_samples), batch_size)


def batches_global_generator(n_samples, batch_size, rng):
    order = np.random.permutation(n_samples)  # noqa: NPY002 (the mistake: the global generator)
    return [order[start : start + batch_size] for start in range(0, n_samples, batch_size)]


def batches_own_generator(n_samples, batch_size, rng):
    order = np.random.default_rng(0).permutation(n_samples)
    return [order[start : start + batch_size] for start in range(0, n_samples, batch_size)]


def batches_as_floats(n_samples, batch_size, rng):
    order = rng.permutation(n_samples).astype(float)
    return [order[start : start + batch_size] for start in range(0, n_samples, batch_size)]


def batches_shuffles_the_batches_not_the_samples(n_samples, batch_size, rng):
    batches = [np.arange(start, min(start + batch_size, n_samples)) for start in range(0, n_samples, batch_size)]  # fmt: skip
    rng.shuffle(batches)
    return batches


def batches_shuffles_inside_each_batch(n_samples, batch_size, rng):
    return [rng.permutation(np.arange(start, min(start + batch_size, n_samples))) for start in range(0, n_samples, batch_size)]  # fmt: skip


def batches_rotated_by_a_random_start(n_samples, batch_size, rng):
    order = np.roll(np.arange(n_samples), rng.integers(n_samples))
    return [order[start : start + batch_size] for start in range(0, n_samples, batch_size)]


def batches_cut_once_then_only_reordered(n_samples, batch_size, rng):
    order = np.random.default_rng(42).permutation(n_samples)  # cut once, the same every epoch
    batches = [order[start : start + batch_size] for start in range(0, n_samples, batch_size)]
    rng.shuffle(batches)
    return batches


# 7.5 the output error of a weighted cross-entropy ----------------------------------------------


def delta_ignores_the_weight(z, y, pos_weight):
    return (sigmoid(z) - y) / z.size


def delta_weights_everything(z, y, pos_weight):
    return pos_weight * (sigmoid(z) - y) / z.size


def delta_weight_on_the_target_only(z, y, pos_weight):
    return (sigmoid(z) - pos_weight * y) / z.size


def delta_keeps_sigma_derivative(z, y, pos_weight):
    a = sigmoid(z)
    return ((1 - y) * a - pos_weight * y * (1 - a)) * a * (1 - a) / z.size


def delta_not_averaged(z, y, pos_weight):
    a = sigmoid(z)
    return (1 - y) * a - pos_weight * y * (1 - a)


def delta_upside_down(z, y, pos_weight):
    a = sigmoid(z)
    return (pos_weight * y * (1 - a) - (1 - y) * a) / z.size


# 7.6 predict: the loss of a network that knows nothing ------------------------------------------


def predicts_no_loss_before_training():
    return 0


def predicts_the_chance_accuracy():
    return 0.1


def predicts_log_base_10():
    return 1.0


def predicts_log_nine():
    return 2.197  # -log(1/9): nine classes instead of ten


def predicts_a_round_guess():
    return 2.5


def predicts_a_word():
    return "high"


# exercise id -> [(wrong answer, a piece of the message the learner must see)]
WRONG_ANSWERS = {
    "7.1": [
        (bce_without_minus, "a loss must be >= 0"),
        (bce_summed, "that is the sum"),
        (bce_label_one_term_only, "only the samples with label 1 count"),
        (bce_with_log10, "base-10 logarithm"),
        (bce_a_and_one_minus_a_swapped, "a and 1 - a are swapped"),
        (bce_is_actually_mse, "that is the mean squared error"),
        (bce_returns_the_array, "a loss is one number, the mean: return a float"),
        (bce_with_epsilon_in_the_logs, "a small number (1e-07) is added inside the logs"),
    ],
    "7.2": [
        (softmax_naive, "overflows for z above about 709.78"),
        (softmax_one_max_for_the_whole_batch, "subtract each row's own maximum"),
        (softmax_sums_columns, "the sum runs down the columns"),
        (softmax_without_keepdims, "keepdims=True"),
        (softmax_divides_by_everything, "the sum is over the whole array"),
        (softmax_subtracts_the_minimum, "Subtract each row's maximum first"),
        (softmax_along_axis_1, "which has no axis 1"),
        (softmax_subtracts_the_mean, "the largest power becomes e^0 = 1"),
    ],
    "7.3": [
        (ce_log_of_softmax, "Take the log of the softmax in one go"),
        (ce_summed_over_samples, "that is the sum over the samples"),
        (ce_picks_columns, "z[np.arange(m), labels] picks one entry per row"),
        (ce_as_a_one_element_array, "expected one number, but got an array of shape (1,)"),
        (ce_forgets_the_log_sum, "the log of the softmax's denominator is missing"),
        (ce_mean_over_every_entry, "divides by m × K"),
        (ce_naive_exp, "subtract each row's maximum before np.exp"),
        (ce_shifted_by_the_mean, "subtract each row's maximum before np.exp"),
    ],
    "7.4": [
        (batches_not_shuffled, "they are not shuffled"),
        (batches_drop_the_last, "the last, smaller batch is missing?"),
        (batches_with_replacement, "each sample must be used exactly once"),
        (batches_array_split, "np.array_split(order, k) cuts order into k pieces"),
        (batches_global_generator, "does not draw from the rng it is given"),
        (batches_own_generator, "ignores the rng it is given"),
        (batches_as_floats, "whole-number row indices"),
        (batches_shuffles_the_batches_not_the_samples, "each batch holds neighbouring row numbers"),
        (batches_shuffles_inside_each_batch, "(or the rows inside each batch), not the samples"),
        (batches_rotated_by_a_random_start, "started at a random place (a rotation)"),
        (batches_cut_once_then_only_reordered, "the rows are cut into batches once"),
    ],
    "7.5": [
        (delta_ignores_the_weight, "of the unweighted loss"),
        (delta_weights_everything, "keep weight 1"),
        (delta_weight_on_the_target_only, "a - w y is not it"),
        (delta_keeps_sigma_derivative, "has already cancelled"),
        (delta_not_averaged, "divide by n = z.size"),
        (delta_upside_down, "the sign is flipped"),
    ],
    "7.6": [
        (predicts_no_loss_before_training, "you predicted 0. Run"),
        (predicts_the_chance_accuracy, "you predicted 0.1. Run"),
        (predicts_log_base_10, "you predicted 1. Run"),
        (predicts_log_nine, "you predicted 2.197. Run"),
        (predicts_a_round_guess, "you predicted 2.5. Run"),
        (predicts_a_word, "return a number"),
    ],
}
