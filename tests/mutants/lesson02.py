"""Wrong answers that the checks of lesson 02 must reject, each with the message a learner sees."""

from __future__ import annotations

import numpy as np


def step(z):
    return np.where(z >= 0, 1.0, 0.0)


# 2.1


def gates_with_or_weights_everywhere(gate):
    return np.array([1.0, 1.0]), -0.5  # OR, the lesson's gate: for NOR every row is flipped


def gates_with_a_bias_too_negative(gate):
    return np.array([-1.0, -1.0]), -5.0


def gates_with_a_bias_too_large(gate):
    return np.array([-1.0, -1.0]), 5.0


def gates_with_implies_weights_swapped(gate):
    if gate == "NOR":
        return np.array([-1.0, -1.0]), 0.5
    return np.array([1.0, -1.0]), 0.5  # x1 → x2 needs -1 on x1, +1 on x2


def gates_with_two_weights_for_majority(gate):
    if gate == "NOR":
        return np.array([-1.0, -1.0]), 0.5
    if gate == "IMPLIES":
        return np.array([-1.0, 1.0]), 0.5
    return np.array([1.0, 1.0]), -1.5


def gates_with_majority_as_a_three_input_and(gate):
    if gate == "NOR":
        return np.array([-1.0, -1.0]), 0.5
    if gate == "IMPLIES":
        return np.array([-1.0, 1.0]), 0.5
    return np.array([1.0, 1.0, 1.0]), -3.0  # only all three: that is a 3-input AND


def gates_as_one_list(gate):
    return [-1.0, -1.0, 0.5]


def three_weights_for_two_inputs(gate):
    return np.array([1.0, 1.0, 1.0]), -1.5


# 2.2


def epoch_with_strict_step(X, y, w, b, learning_rate):
    mistakes = 0
    for x, target in zip(X, y, strict=True):
        y_hat = 1.0 if w @ x + b > 0 else 0.0  # step(0) taken as 0
        error = target - y_hat
        mistakes += error != 0
        w, b = w + learning_rate * error * x, b + learning_rate * error
    return w, b, mistakes


def epoch_predicting_all_rows_first(X, y, w, b, learning_rate):
    errors = y - step(X @ w + b)  # every row with the starting line
    return w + learning_rate * errors @ X, b + learning_rate * errors.sum(), np.sum(errors != 0)


def epoch_counting_with_the_final_line(X, y, w, b, learning_rate):
    for x, target in zip(X, y, strict=True):
        error = target - step(w @ x + b)
        w, b = w + learning_rate * error * x, b + learning_rate * error
    return w, b, np.sum(step(X @ w + b) != y)


def epoch_in_the_wrong_direction(X, y, w, b, learning_rate):
    mistakes = 0
    for x, target in zip(X, y, strict=True):
        error = step(w @ x + b) - target  # prediction minus target
        mistakes += error != 0
        w, b = w + learning_rate * error * x, b + learning_rate * error
    return w, b, mistakes


def epoch_without_learning_rate(X, y, w, b, learning_rate):
    mistakes = 0
    for x, target in zip(X, y, strict=True):
        error = target - step(w @ x + b)
        mistakes += error != 0
        w, b = w + error * x, b + error
    return w, b, mistakes


def epoch_by_target_not_error(X, y, w, b, learning_rate):
    mistakes = 0
    for x, target in zip(X, y, strict=True):
        mistakes += target != step(w @ x + b)
        w, b = w + learning_rate * target * x, b + learning_rate * target
    return w, b, mistakes


def epoch_with_a_frozen_bias(X, y, w, b, learning_rate):
    mistakes = 0
    for x, target in zip(X, y, strict=True):
        error = target - step(w @ x + b)
        mistakes += error != 0
        w = w + learning_rate * error * x
    return w, b, mistakes


def epoch_predicting_without_bias(X, y, w, b, learning_rate):
    mistakes = 0
    for x, target in zip(X, y, strict=True):
        error = target - step(w @ x)  # the bias left out of the prediction
        mistakes += error != 0
        w, b = w + learning_rate * error * x, b + learning_rate * error
    return w, b, mistakes


def epoch_changing_w_in_place(X, y, w, b, learning_rate):
    mistakes = 0
    for x, target in zip(X, y, strict=True):
        error = target - step(w @ x + b)
        mistakes += error != 0
        w += learning_rate * error * x  # changes the caller's array
        b = b + learning_rate * error
    return w, b, mistakes


def epoch_without_counting(X, y, w, b, learning_rate):
    for x, target in zip(X, y, strict=True):
        error = target - step(w @ x + b)
        w, b = w + learning_rate * error * x, b + learning_rate * error
    return w, b


# 2.3


def separates_if_any_row_right(w, b, X, y):
    return bool(np.any(step(X @ w + b) == y))


def separates_with_strict_step(w, b, X, y):
    return bool(np.all(np.where(X @ w + b > 0, 1.0, 0.0) == y))


def separates_as_fraction_right(w, b, X, y):
    return float(np.mean(step(X @ w + b) == y))


def separates_either_way_round(w, b, X, y):
    p = np.where(X @ w + b >= 0, 1.0, 0.0)
    return bool(np.all(p == y) or np.all(p == 1 - y))


# 2.5


def xnor_with_the_lessons_xor_weights():
    W1 = np.array([[1.0, -1.0], [1.0, -1.0]])  # OR and NAND
    b1 = np.array([-0.5, 1.5])
    return W1, b1, np.array([1.0, 1.0]), -1.5  # AND: that is XOR


def xnor_with_one_row_per_hidden_unit():
    W1 = np.array([[1.0, 1.0], [-1.0, -1.0]])  # row 0: OR, row 1: NAND
    b1 = np.array([-0.5, 1.5])
    return W1, b1, np.array([-1.0, -1.0]), 1.5


def xnor_as_a_function_of_X(X):
    return np.where(X[:, 0] == X[:, 1], 1.0, 0.0)  # no network at all


def xnor_without_the_output_bias():
    W1 = np.array([[1.0, -1.0], [1.0, -1.0]])
    return W1, np.array([-0.5, 1.5]), np.array([-1.0, -1.0])


def xnor_that_always_fires():
    W1 = np.array([[1.0, -1.0], [1.0, -1.0]])
    return W1, np.array([-0.5, 1.5]), np.array([-1.0, -1.0]), 5.0


# 2.4


def predict_one_line():
    return 1


def predict_four_lines():
    return 4


def predict_in_words():
    return "none"


# exercise id -> [(wrong answer, a piece of the message the learner must see)]
WRONG_ANSWERS = {
    "2.1": [
        (gates_with_or_weights_everywhere, "Every answer is flipped"),
        (gates_with_a_bias_too_negative, "It never fires"),
        (gates_with_a_bias_too_large, "It always fires"),
        (gates_with_implies_weights_swapped, "The weights are in the wrong order"),
        (gates_with_two_weights_for_majority, "expected weights of shape (3,)"),
        (
            gates_with_majority_as_a_three_input_and,
            "for MAJORITY but the truth table says [0 0 0 1 0 1 1 1]",
        ),
        (gates_as_one_list, "should return (w, b)"),
        (three_weights_for_two_inputs, "expected weights of shape (2,)"),
    ],
    "2.2": [
        (epoch_with_strict_step, "predict with >= 0, not > 0"),
        (epoch_predicting_all_rows_first, "the line moves after every row"),
        (epoch_counting_with_the_final_line, "not afterwards with the final line"),
        (epoch_in_the_wrong_direction, "goes the wrong way"),
        (epoch_without_learning_rate, "learning rate η is missing"),
        (epoch_by_target_not_error, "not the target y"),
        (epoch_with_a_frozen_bias, "the bias learns too"),
        (epoch_predicting_without_bias, "the prediction ŷ needs the bias too"),
        (epoch_changing_w_in_place, "your function changed w"),
        (epoch_without_counting, "should return 3 values (new_w, new_b, mistakes)"),
    ],
    "2.3": [
        (separates_if_any_row_right, "every row must be right"),
        (separates_with_strict_step, "use >= 0"),
        (separates_as_fraction_right, "return True or False"),
        (separates_either_way_round, "the side matters"),
    ],
    "2.5": [
        (xnor_with_the_lessons_xor_weights, "That network computes XOR"),
        (xnor_with_one_row_per_hidden_unit, "Transpose it"),
        (xnor_as_a_function_of_X, "is not a network"),
        (xnor_without_the_output_bias, "should return four values"),
        (xnor_that_always_fires, "It always outputs 1"),
    ],
    "2.4": [
        (predict_one_line, "you predicted 1"),
        (predict_four_lines, "no line separates XOR"),
        (predict_in_words, "return a number"),
    ],
}
