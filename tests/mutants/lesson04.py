"""Wrong answers that the checks of lesson 04 must reject, each with the message a learner sees."""

from __future__ import annotations

import numpy as np


def sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(np.asarray(z) >= 0, 1 / (1 + e), e / (1 + e))


# 4.1: the slope of σ(kz), as a learner might write it


def forgets_the_inner_slope_k(z, k):
    s = sigmoid(k * z)
    return s * (1 - s)


def takes_the_outer_slope_at_z(z, k):
    s = sigmoid(z)
    return k * s * (1 - s)


def shortcut_on_the_net_input(z, k):
    u = k * z
    return k * u * (1 - u)


def divides_by_k(z, k):
    s = sigmoid(k * z)
    return s * (1 - s) / k


def naive_exponential_overflows(z, k):
    e = np.exp(-k * z)
    return k * e / (1 + e) ** 2


def takes_the_size_of_k(z, k):
    s = sigmoid(k * z)
    return abs(k) * s * (1 - s)


def turns_float32_into_float64(z, k):
    z = np.asarray(z, dtype=float)
    s = sigmoid(k * z)
    return k * s * (1 - s)


# 4.2: σ'' from the output s


def returns_the_first_derivative(s):
    return s * (1 - s)


def differentiates_with_respect_to_s(s):
    return 1 - 2 * s


def squares_the_first_derivative(s):
    slope = s * (1 - s)
    return slope * slope


def keeps_only_part_of_the_slope(s):
    slope = s * (1 - s)
    return slope * (1 - s)


def applies_the_sigmoid_again(s):
    t = sigmoid(s)
    return t * (1 - t) * (1 - 2 * t)


def second_derivative_without_a_check(s):
    return s * (1 - s) * (1 - 2 * s)


def clips_instead_of_refusing(s):
    s = np.clip(s, 0, 1)
    return s * (1 - s) * (1 - 2 * s)


def asserts_instead_of_raising(s):
    assert np.all((s >= 0) & (s <= 1)), "not a sigmoid output"
    return s * (1 - s) * (1 - 2 * s)


# 4.3: the gradient by centred differences


def forward_difference_per_entry(f, v, h):
    grad = np.zeros(len(v))
    for i in range(len(v)):
        e = np.zeros(len(v))
        e[i] = h
        grad[i] = (f(v + e) - f(v)) / h
    return grad


def moves_every_entry_at_once(f, v, h):
    return (f(v + h) - f(v - h)) / (2 * h)


def moves_every_entry_at_once_into_an_array(f, v, h):
    slope = (f(v + h) - f(v - h)) / (2 * h)
    return np.array([slope] * len(v))


def divides_by_h_not_2h(f, v, h):
    grad = np.zeros(len(v))
    for i in range(len(v)):
        e = np.zeros(len(v))
        e[i] = h
        grad[i] = (f(v + e) - f(v - e)) / h
    return grad


def forgets_to_put_the_entry_back(f, v, h):
    v = v.copy()
    grad = []
    for i in range(len(v)):
        v[i] = v[i] + h
        right = f(v)
        v[i] = v[i] - 2 * h
        left = f(v)
        grad.append((right - left) / (2 * h))
    return np.array(grad)


def subtracts_the_wrong_way_round(f, v, h):
    grad = np.zeros(len(v))
    for i in range(len(v)):
        e = np.zeros(len(v))
        e[i] = h
        grad[i] = (f(v - e) - f(v + e)) / (2 * h)
    return grad


# 4.4: the relative error


def absolute_error(a, b):
    return float(np.max(np.abs(a - b)))


def takes_the_max_before_the_sizes(a, b):
    return float(np.max(np.abs(a - b) / np.maximum(a, b)))


def takes_the_size_of_the_max(a, b):
    return float(np.max(np.abs(a - b) / np.abs(np.maximum(a, b))))


def largest_difference_over_largest_size(a, b):
    largest_difference = np.max(np.abs(a - b))
    largest_size = np.max(np.maximum(np.abs(a), np.abs(b)))
    return float(largest_difference / largest_size)


def divides_into_an_integer_array(a, b):
    top = np.abs(a - b)
    bottom = np.maximum(np.abs(a), np.abs(b))
    return float(np.max(np.divide(top, bottom, out=np.zeros_like(bottom), where=bottom > 0)))


def divides_by_a_alone(a, b):
    return float(np.max(np.abs(a - b) / np.abs(a)))


def divides_by_b_alone(a, b):
    return float(np.max(np.abs(a - b) / np.abs(b)))


def divides_by_the_sum(a, b):
    return float(np.max(np.abs(a - b) / (np.abs(a) + np.abs(b))))


def compares_norms(a, b):
    a, b = np.ravel(a), np.ravel(b)
    return float(np.linalg.norm(a - b) / max(np.linalg.norm(a), np.linalg.norm(b)))


def takes_the_mean(a, b):
    return float(np.mean(np.abs(a - b) / np.maximum(np.abs(a), np.abs(b))))


def divides_zero_by_zero(a, b):
    return float(np.max(np.abs(a - b) / np.maximum(np.abs(a), np.abs(b))))


def returns_every_ratio(a, b):
    return np.abs(a - b) / np.maximum(np.maximum(np.abs(a), np.abs(b)), 1e-300)


# 4.6 and 4.7


def predicts_h():
    return 0.1


def predicts_no_error():
    return 0.0


def predicts_the_estimate():
    return 3.01


def outer_slope_alone(z):
    return 2 * sigmoid(z)


def squares_the_slope(z):
    s = sigmoid(z)
    return (s * (1 - s)) ** 2


def outer_slope_at_z(z):
    s = sigmoid(z)
    return 2 * z * s * (1 - s)


def forgets_the_2(z):
    s = sigmoid(z)
    return s * s * (1 - s)


# 4.5: a learner's gradient descent step on C = (1/2n) Σ (a - y)², with the change it predicts,
# each with one mistake


def copies_the_lessons_step_with_the_2(w, b, X, y, learning_rate):
    a = sigmoid(X @ w + b)
    delta = 2 * (a - y) / len(y) * a * (1 - a)
    grad_w, grad_b = X.T @ delta, delta.sum()
    change = -learning_rate * (grad_w @ grad_w + grad_b**2)
    return w - learning_rate * grad_w, b - learning_rate * grad_b, change


def step_uphill(w, b, X, y, learning_rate):
    a = sigmoid(X @ w + b)
    delta = (a - y) / len(y) * a * (1 - a)
    grad_w, grad_b = X.T @ delta, delta.sum()
    change = -learning_rate * (grad_w @ grad_w + grad_b**2)
    return w + learning_rate * grad_w, b + learning_rate * grad_b, change


def step_with_y_minus_a(w, b, X, y, learning_rate):
    a = sigmoid(X @ w + b)
    delta = (y - a) / len(y) * a * (1 - a)
    grad_w, grad_b = X.T @ delta, delta.sum()
    change = -learning_rate * (grad_w @ grad_w + grad_b**2)
    return w - learning_rate * grad_w, b - learning_rate * grad_b, change


def step_with_z_one_minus_z(w, b, X, y, learning_rate):
    z = X @ w + b
    a = sigmoid(z)
    delta = (a - y) / len(y) * z * (1 - z)
    grad_w, grad_b = X.T @ delta, delta.sum()
    change = -learning_rate * (grad_w @ grad_w + grad_b**2)
    return w - learning_rate * grad_w, b - learning_rate * grad_b, change


def step_without_the_sigmoid_slope(w, b, X, y, learning_rate):
    a = sigmoid(X @ w + b)
    delta = (a - y) / len(y)
    grad_w, grad_b = X.T @ delta, delta.sum()
    change = -learning_rate * (grad_w @ grad_w + grad_b**2)
    return w - learning_rate * grad_w, b - learning_rate * grad_b, change


def step_with_a_sum_not_a_mean(w, b, X, y, learning_rate):
    a = sigmoid(X @ w + b)
    delta = (a - y) * a * (1 - a)
    grad_w, grad_b = X.T @ delta, delta.sum()
    change = -learning_rate * (grad_w @ grad_w + grad_b**2)
    return w - learning_rate * grad_w, b - learning_rate * grad_b, change


def step_keeping_the_half(w, b, X, y, learning_rate):
    a = sigmoid(X @ w + b)
    delta = 0.5 * (a - y) / len(y) * a * (1 - a)
    grad_w, grad_b = X.T @ delta, delta.sum()
    change = -learning_rate * (grad_w @ grad_w + grad_b**2)
    return w - learning_rate * grad_w, b - learning_rate * grad_b, change


def step_that_forgets_the_bias(w, b, X, y, learning_rate):
    a = sigmoid(X @ w + b)
    delta = (a - y) / len(y) * a * (1 - a)
    grad_w = X.T @ delta
    change = -learning_rate * (grad_w @ grad_w)
    return w - learning_rate * grad_w, b, change


def step_that_forgets_the_bias_but_predicts_with_it(w, b, X, y, learning_rate):
    a = sigmoid(X @ w + b)
    delta = (a - y) / len(y) * a * (1 - a)
    grad_w, grad_b = X.T @ delta, delta.sum()
    change = -learning_rate * (grad_w @ grad_w + grad_b**2)
    return w - learning_rate * grad_w, b, change


def step_without_the_learning_rate(w, b, X, y, learning_rate):
    a = sigmoid(X @ w + b)
    delta = (a - y) / len(y) * a * (1 - a)
    grad_w, grad_b = X.T @ delta, delta.sum()
    change = -learning_rate * (grad_w @ grad_w + grad_b**2)
    return w - grad_w, b - grad_b, change


def step_returning_no_prediction(w, b, X, y, learning_rate):
    a = sigmoid(X @ w + b)
    delta = (a - y) / len(y) * a * (1 - a)
    return w - learning_rate * X.T @ delta, b - learning_rate * delta.sum()


def step_one_and_a_half_times_too_far(w, b, X, y, learning_rate):
    a = sigmoid(X @ w + b)
    delta = 1.5 * (a - y) / len(y) * a * (1 - a)
    grad_w, grad_b = X.T @ delta, delta.sum()
    change = -learning_rate * (grad_w @ grad_w + grad_b**2)
    return w - learning_rate * grad_w, b - learning_rate * grad_b, change


def predicts_a_rise(w, b, X, y, learning_rate):
    a = sigmoid(X @ w + b)
    delta = (a - y) / len(y) * a * (1 - a)
    grad_w, grad_b = X.T @ delta, delta.sum()
    change = learning_rate * (grad_w @ grad_w + grad_b**2)
    return w - learning_rate * grad_w, b - learning_rate * grad_b, change


def predicts_without_the_learning_rate(w, b, X, y, learning_rate):
    a = sigmoid(X @ w + b)
    delta = (a - y) / len(y) * a * (1 - a)
    grad_w, grad_b = X.T @ delta, delta.sum()
    change = -(grad_w @ grad_w + grad_b**2)
    return w - learning_rate * grad_w, b - learning_rate * grad_b, change


def predicts_without_the_bias(w, b, X, y, learning_rate):
    a = sigmoid(X @ w + b)
    delta = (a - y) / len(y) * a * (1 - a)
    grad_w, grad_b = X.T @ delta, delta.sum()
    change = -learning_rate * np.sum(grad_w**2)
    return w - learning_rate * grad_w, b - learning_rate * grad_b, change


def predicts_with_the_gradients_length(w, b, X, y, learning_rate):
    a = sigmoid(X @ w + b)
    delta = (a - y) / len(y) * a * (1 - a)
    grad_w, grad_b = X.T @ delta, delta.sum()
    change = -learning_rate * np.linalg.norm(np.append(grad_w, grad_b))
    return w - learning_rate * grad_w, b - learning_rate * grad_b, change


def predicts_with_the_sum_of_the_partials(w, b, X, y, learning_rate):
    a = sigmoid(X @ w + b)
    delta = (a - y) / len(y) * a * (1 - a)
    grad_w, grad_b = X.T @ delta, delta.sum()
    change = -learning_rate * (grad_w.sum() + grad_b)
    return w - learning_rate * grad_w, b - learning_rate * grad_b, change


# exercise id -> [(wrong answer, a piece of the message the learner must see)]
WRONG_ANSWERS = {
    "4.1": [
        (forgets_the_inner_slope_k, "multiplies it by the slope of the inner function u = kz"),
        (takes_the_outer_slope_at_z, "the outer slope is taken at the inner value u = kz"),
        (shortcut_on_the_net_input, "the formula applied to the net input"),
        (divides_by_k, "the inner slope k multiplies the outer slope"),
        (takes_the_size_of_k, "keep k's sign"),
        (naive_exponential_overflows, "np.exp(-z) at z = -1000 is e^1000"),
        (turns_float32_into_float64, "expected dtype float32"),
    ],
    "4.2": [
        (returns_the_first_derivative, "the first derivative"),
        (differentiates_with_respect_to_s, "the chain rule multiplies by s's own slope"),
        (squares_the_first_derivative, "not the square of the slope"),
        (keeps_only_part_of_the_slope, "you kept only part of the slope"),
        (applies_the_sigmoid_again, "do not apply σ to it again"),
    ],
    "4.3": [
        (forward_difference_per_entry, "that is the forward difference"),
        (moves_every_entry_at_once, "expected an array of shape (5,)"),
        (moves_every_entry_at_once_into_an_array, "you moved every entry of v at once"),
        (divides_by_h_not_2h, "a factor 2 too many"),
        (forgets_to_put_the_entry_back, "was left moved by -h"),
        (subtracts_the_wrong_way_round, "the sign is flipped"),
    ],
    "4.4": [
        (absolute_error, "that is the absolute error"),
        (takes_the_max_before_the_sizes, "take |a| and |b| before the max"),
        (takes_the_size_of_the_max, "before the max, not after"),
        (largest_difference_over_largest_size, "divided the largest difference by the largest"),
        (divides_into_an_integer_array, "Turn both into floats first"),
        (divides_by_a_alone, "not by |a| alone"),
        (divides_by_b_alone, "not by |b| alone"),
        (divides_by_the_sum, "not by their sum"),
        (compares_norms, "compares whole vectors by their norms"),
        (takes_the_mean, "not the mean"),
        (divides_zero_by_zero, "the ratio is 0 / 0"),
        (returns_every_ratio, "return one number, the largest ratio"),
    ],
    "4.5": [
        (copies_the_lessons_step_with_the_2, "that is the lesson's step, for the cost without"),
        (step_uphill, "your step goes uphill"),
        (step_with_y_minus_a, "your step goes uphill"),
        (step_with_z_one_minus_z, "you used z (1 - z)"),
        (step_without_the_sigmoid_slope, "the chain rule needs σ'(z)"),
        (step_with_a_sum_not_a_mean, "divide the gradient by n"),
        (step_keeping_the_half, "with no ½ left over"),
        (step_that_forgets_the_bias, "the bias learns too"),
        (step_that_forgets_the_bias_but_predicts_with_it, "the bias learns too"),
        (step_without_the_learning_rate, "the learning rate η is missing"),
        (step_returning_no_prediction, "should return 3 values (new_w, new_b, predicted_change)"),
        (step_one_and_a_half_times_too_far, "measured with centred differences"),
        (predicts_a_rise, "the predicted change has the wrong sign"),
        (predicts_without_the_learning_rate, "the predicted change lacks η"),
        (predicts_without_the_bias, "the predicted change leaves out the bias"),
        (predicts_with_the_gradients_length, "the gradient's length |∇C|, not its square"),
        (predicts_with_the_sum_of_the_partials, "adds the partial derivatives up"),
    ],
    "4.6": [
        (predicts_h, "its error is h²"),
        (predicts_no_error, "you predicted 0"),
        (predicts_the_estimate, "you predicted 3.01"),
    ],
    "4.7": [
        (outer_slope_alone, "multiplies it by the inner derivative"),
        (squares_the_slope, "not the square of the derivative"),
        (outer_slope_at_z, "not 2z"),
        (forgets_the_2, "a factor 2 missing"),
    ],
}

# Optional extras: a correct answer that misses one is told so after its verdict.
OPTIONAL_EXTRAS = {
    "4.2": [
        (second_derivative_without_a_check, "expected a ValueError"),
        (clips_instead_of_refusing, "expected a ValueError"),
        (asserts_instead_of_raising, "AssertionError"),
    ],
}
