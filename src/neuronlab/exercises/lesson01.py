"""Lesson 01, the artificial neuron: a layer's net inputs, batches, firing, the decision line."""

from __future__ import annotations

import numpy as np

from neuronlab.activations import step as _step
from neuronlab.exercises.checks import (
    function_exercise,
    seeded,
    written_without,
)

_W3 = np.array([0.8, 0.1, -0.4])
_GATE_INPUTS = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])  # the four corners


def _layer_net_inputs(x, W, b):
    return np.asarray(W, dtype=float) @ np.asarray(x, dtype=float) + b


_rng = seeded("1.1")
_W_SQUARE = np.array([[0.8, 0.1, -0.4], [-1.0, 2.0, 0.5], [0.3, -0.6, 1.5]])  # x @ W differs
ex1_1 = function_exercise(
    "1.1",
    "the net inputs of a layer of neurons",
    reference=_layer_net_inputs,
    cases=[
        (
            np.array([0.5, -1.2, 2.0]),
            np.array([[0.8, 0.1, -0.4], [1.0, 1.0, 1.0]]),
            np.array([0.3, -1.0]),
        ),
        (
            np.array([1.0, 1.0]),
            np.array([[1.0, 1.0], [1.0, 1.0], [-2.0, 0.5]]),
            np.array([-1.5, -0.5, 0.0]),
        ),
        (np.array([2.0, -1.0, 0.5]), _W_SQUARE, np.array([0.1, -0.2, 0.7])),
        (np.array([0.0, 0.0, 0.0]), _W_SQUARE, np.array([-2.0, 0.0, 2.0])),
        (_rng.normal(size=4), _rng.normal(size=(5, 4)), _rng.normal(size=5)),
    ],
    mistakes=[
        (
            lambda x, W, b: W @ x,
            "the biases are missing: z = W x + b, each neuron adds its own b[j].",
        ),
        (
            lambda x, W, b: W @ x - b,
            "the biases are added, not subtracted: z = W x + b.",
        ),
        (
            lambda x, W, b: x @ W + b,
            "x @ W pairs x with the *columns* of W, but each neuron's weights are a *row* of W: "
            "neuron j's net input is W[j] · x + b[j].",
        ),
        (
            lambda x, W, b: np.sum(W * x) + b,
            "that adds up the products of *every* neuron into one total; sum each neuron's own "
            "products, one row of W at a time (np.sum(..., axis=1) sums along rows).",
        ),
        (
            lambda x, W, b: np.sum(W * x, axis=0) + b,
            "axis=0 sums down the columns, over the neurons; a neuron's net input sums its own "
            "row, over the inputs (axis=1).",
        ),
        (
            lambda x, W, b: W[0] @ x + b[0],
            "that is only the first neuron's net input; return one net input per neuron, "
            "shape (m,). If you wrote a loop, is `return` indented inside it?",
        ),
    ],
    error_hints=[
        (
            "inner sizes do not match",
            "each neuron's weights are a *row* of W, as long as x: W @ x dots every row of W "
            "with x, while x @ W pairs x with the columns of W.",
        ),
        (
            "could not line them up",
            "if you summed W * x: it holds one row of products per neuron, so sum each row "
            "(axis=1), not each column (axis=0), to get one total per neuron, shape (m,).",
        ),
    ],
    hints=[
        "Neuron j alone is the neuron of lesson 01, with weights W[j] (row j) and bias b[j]: "
        "its net input is W[j] · x + b[j]. A loop over the rows works; collect the results "
        "with np.array([...]).",
        "Each row of W is dotted with the same x. Lesson 01's batch X @ w dotted each row of "
        "X with the same w: the shapes (m, n) @ (n,) -> (m,) are the same here, only the rows "
        "mean neurons instead of samples.",
    ],
)


def _net_input_batch(X, w, b):
    return np.asarray(X, dtype=float) @ np.asarray(w, dtype=float) + b


_rng = seeded("1.2")
ex1_2 = function_exercise(
    "1.2",
    "net inputs of a whole batch at once",
    reference=_net_input_batch,
    cases=[
        (_GATE_INPUTS, np.array([1.0, 1.0]), -1.5),
        (_rng.normal(size=(5, 3)), _W3, 0.3),
        (np.array([[2.0, -1.0, 0.5]]), _W3, 0.0),
        (_rng.normal(size=(7, 4)), _rng.normal(size=4), -0.7),
    ],
    mistakes=[
        (lambda X, w, b: X @ w, "the bias b is missing: z = X w + b."),
        (
            lambda X, w, b: np.sum(X * w) + b,
            "that sums over the whole batch; sum over features only, "
            "one net input per row (X @ w, or np.sum(X * w, axis=1)).",
        ),
        (
            lambda X, w, b: (X @ w + b).reshape(-1, 1),
            "return a flat vector of shape (n_samples,), not a column.",
        ),
        (lambda X, w, b: np.sum(X, axis=1) * w.mean() + b, "each feature has its own weight."),
    ],
    hints=[
        "Each row of X is one sample and needs its own net input: its dot product with w, plus b.",
        "Lesson 01 wrote all of a batch's dot products as one matrix product: an (m, n) array "
        "times an (n,) vector gives an (m,) vector.",
    ],
)


def _fires(x, w, b):
    return np.where(_net_input_batch(x, w, b) >= 0, 1.0, 0.0)


_rng = seeded("1.3")
ex1_3 = function_exercise(
    "1.3",
    "a step neuron's output",
    reference=_fires,
    cases=[
        (_GATE_INPUTS, np.array([1.0, 1.0]), -1.5),
        (_GATE_INPUTS, np.array([1.0, 1.0]), -1.0),
        (np.array([[0.5, 0.5], [2.0, -2.0]]), np.array([1.0, 1.0]), -1.0),
        (_rng.normal(size=(6, 3)), _W3, 0.1),
    ],
    mistakes=[
        (
            lambda X, w, b: np.where(X @ w + b > 0, 1.0, 0.0),
            "when the net input is exactly 0 the neuron fires: step(0) = 1 in this course (use >= 0).",
        ),
        (lambda X, w, b: X @ w + b, "that is the net input z; the output is step(z), 0 or 1."),
        (
            lambda X, w, b: np.where(X @ w + b >= 0, 0.0, 1.0),
            "0 and 1 are swapped: it fires (1) when z >= 0.",
        ),
    ],
    prechecks=[written_without(_step)],
    hints=[
        "First the net inputs, as in 1.2; then np.where(condition, value_if_true, value_if_false) "
        "turns them into 0s and 1s, element by element."
    ],
)


def _decision_line(x1, w, b):
    w = np.asarray(w, dtype=float)
    return -(w[0] * np.asarray(x1, dtype=float) + b) / w[1]


ex1_4 = function_exercise(
    "1.4",
    "where the decision line runs",
    reference=_decision_line,
    cases=[
        (np.array([0.0, 0.5, 1.0, 1.5]), np.array([1.0, 1.0]), -1.5),
        (np.array([-1.0, 0.0, 2.0]), np.array([2.0, -0.5]), 0.25),
        (np.array([0.0, 1.0]), np.array([0.0, 4.0]), -2.0),
    ],
    mistakes=[
        (
            lambda x1, w, b: (w[0] * x1 + b) / w[1],
            "check the sign: moving a term to the other side of = flips its sign.",
        ),
        (
            lambda x1, w, b: -(w[0] * x1) / w[1],
            "the bias is missing: it moves the line, so it belongs in the equation you solve.",
        ),
        (
            lambda x1, w, b: -(w[1] * x1 + b) / w[0],
            "the weights are swapped: divide by w2, the weight of x2.",
        ),
        (
            lambda x1, w, b: -(w[0] * x1 + b),
            "that is w2 x2, not x2: divide by w2 at the end.",
        ),
    ],
    hints=[
        "On the line the net input is zero: w1 x1 + w2 x2 + b = 0.",
        "Solve that equation for x2: keep w2 x2 on one side and move every other term to the "
        "other side (its sign flips), then divide.",
    ],
)
