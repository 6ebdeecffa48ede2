"""Wrong answers that the checks of lesson 01 must reject, each with the message a learner sees."""

from __future__ import annotations

import numpy as np

import neuronlab.activations


def step_neuron_with_the_course_step(X, w, b):
    from neuronlab.activations import step

    return step(X @ w + b)


def step_neuron_with_the_course_module(X, w, b):
    return neuronlab.activations.step(X @ w + b)


def decision_line_not_divided(x1, w, b):
    return -(w[0] * x1 + b)  # forgot to divide by w2


# exercise id -> [(wrong answer, a piece of the message the learner must see)]
WRONG_ANSWERS = {
    "1.1": [
        (lambda x, w, b: np.dot(w, x), "the bias b is missing"),
        (lambda x, w, b: np.dot(w, x) - b, "added, not subtracted"),
        (lambda x, w, b: np.sum(x) + b, "its own weight"),
        (lambda x, w, b: x * w + b, "then *sum* the products"),
    ],
    "1.2": [
        (lambda X, w, b: X @ w, "the bias b is missing"),
        (lambda X, w, b: np.sum(X * w) + b, "sums over the whole batch"),
        (lambda X, w, b: (X @ w + b).reshape(-1, 1), "not a column"),
        (lambda X, w, b: X.T @ w + b, "raised ValueError"),
    ],
    "1.3": [
        (lambda X, w, b: np.where(X @ w + b > 0, 1.0, 0.0), "use >= 0"),
        (lambda X, w, b: X @ w + b, "that is the net input z"),
        (lambda X, w, b: np.where(X @ w + b >= 0, 0.0, 1.0), "0 and 1 are swapped"),
        (step_neuron_with_the_course_step, "calls the course's own step"),
        (step_neuron_with_the_course_module, "calls the course's own step"),
    ],
    "1.4": [
        (lambda x1, w, b: (w[0] * x1 + b) / w[1], "check the sign"),
        (lambda x1, w, b: -(w[0] * x1) / w[1], "the bias is missing"),
        (lambda x1, w, b: -(w[1] * x1 + b) / w[0], "the weights are swapped"),
        (decision_line_not_divided, "divide by w2 at the end"),
    ],
}
