"""Lesson 02, the step function and the perceptron: gates, the learning rule, XOR."""

from __future__ import annotations

import numpy as np

from neuronlab.datasets import logic_gate
from neuronlab.exercises.checks import (
    Exercise,
    Incorrect,
    call,
    describe,
    function_exercise,
    predict_question,
)

_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])


def _step_outputs(w, b):
    return np.where(_X @ np.asarray(w, dtype=float) + float(b) >= 0, 1.0, 0.0)


def _test_gates(answer):
    """Custom: many (w, b) are right, so the answer is judged by what the neuron computes."""
    for gate in ("AND", "OR", "NAND"):
        result = call(answer, gate)
        try:
            w, b = result
            w = np.asarray(w, dtype=float)
            b = float(b)
        except (TypeError, ValueError):
            raise Incorrect(
                f"gate_parameters({gate!r}) should return (w, b), a pair of weights and a "
                f"bias, but returned {describe(result)}."
            ) from None
        if w.shape != (2,):
            raise Incorrect(
                f"For {gate} the weights should have shape (2,), but have shape {w.shape}."
            )
        _, target = logic_gate(gate)
        output = _step_outputs(w, b)
        if not np.array_equal(output, target):
            wrong = [tuple(int(v) for v in _X[i]) for i in np.flatnonzero(output != target)]
            hint = ""
            if np.all(output == 1):
                hint = " It always fires: the bias is too large (try a more negative b)."
            elif np.all(output == 0):
                hint = " It never fires: the bias is too negative."
            elif np.array_equal(output, 1 - target):
                hint = " Every answer is flipped: try negating the weights and the bias."
            raise Incorrect(
                f"with w = {describe(w)}, b = {b:g} the neuron gives {output.astype(int)} "
                f"for {gate} but the truth table says {target.astype(int)} "
                f"(wrong on inputs {wrong}).{hint}"
            )


ex2_1 = Exercise(
    "2.1",
    "weights and bias for AND, OR and NAND",
    _test_gates,
    hints=[
        "Draw the four inputs on paper: which side of your line must (1, 1) be on?",
        "With w = (1, 1) the weighted sums are 0, 1, 1 and 2. Choose b = -threshold so that only the "
        "right rows reach 0.",
        "NAND is NOT AND: negating AND's weights and bias flips every output, as long as no "
        "input sits exactly on the line (z = 0 fires either way, step(0) = 1): pick AND's "
        "threshold strictly inside, like 1.5, before you negate.",
    ],
)


def _update(x, y, w, b, learning_rate):
    prediction = 1.0 if np.dot(w, x) + b >= 0 else 0.0  # step(0) = 1, the course's convention
    error = y - prediction
    return np.asarray(w, dtype=float) + learning_rate * error * np.asarray(
        x, dtype=float
    ), b + learning_rate * error


def _update_with(predict, direction=1.0, bias_in_prediction=True):
    """The rule with another prediction ``predict(z)`` or direction: learners' mistakes."""

    def update(x, y, w, b, rate):
        error = direction * (y - predict(np.dot(w, x) + (b if bias_in_prediction else 0.0)))
        return w + rate * error * x, b + rate * error

    return update


ex2_2 = function_exercise(
    "2.2",
    "one step of the perceptron rule",
    reference=_update,
    cases=[  # (x, y, w, b, learning_rate)
        (np.array([1.0, 1.0]), 1, np.array([-0.5, 0.2]), -0.1, 1.0),  # misses a 1
        (np.array([0.0, 1.0]), 0, np.array([0.5, 0.5]), 0.0, 1.0),  # fires on a 0
        (np.array([1.0, 0.0]), 0, np.array([-1.0, 1.0]), 0.0, 1.0),  # already right
        (np.array([2.0, -1.0, 0.5]), 1, np.array([0.1, 0.4, -0.2]), -1.0, 0.1),  # small rate
        (np.array([0.0, 1.0]), 1, np.zeros(2), 0.0, 1.0),  # all-zero start: z = 0, fires
        (np.array([1.0, 0.0]), 0, np.zeros(2), 0.0, 1.0),  # all-zero start, target 0
        (np.array([1.0, 0.0]), 0, np.array([0.5, 0.5]), -1.0, 1.0),  # right only thanks to b
    ],
    outputs=("new_w", "new_b"),
    mistakes=[
        (
            _update_with(lambda z: float(z > 0)),
            "at w · x + b = 0 exactly, the step neuron fires: step(0) = 1 in this course, so "
            "predict with >= 0, not > 0. Training starts from all-zero weights, where every z is 0.",
        ),
        (
            _update_with(lambda z: float(z >= 0), direction=-1.0),
            "the update goes the wrong way: add η (y - ŷ) x, so the line moves towards a missed example.",
        ),
        (
            lambda x, y, w, b, r: _update(x, y, w, b, 1.0),
            "the learning rate η is missing: both updates are multiplied by it.",
        ),
        (
            lambda x, y, w, b, r: (w + r * y * x, b + r * y),
            "use the error y - ŷ, not the target y: a correct prediction must change nothing.",
        ),
        (
            lambda x, y, w, b, r: (_update(x, y, w, b, r)[0], b),
            "the bias learns too: b ← b + η (y - ŷ).",
        ),
        (
            _update_with(lambda z: float(z >= 0), bias_in_prediction=False),
            "the prediction ŷ needs the bias too: the neuron's net input is w · x + b.",
        ),
    ],
    hints=[
        "First predict with the step neuron of the lesson; then the error is y - ŷ (-1, 0 or 1).",
        "Predict ŷ = 1 if w · x + b >= 0 else 0 (step(0) = 1). A correct prediction gives error "
        "0 and changes nothing; a wrong one moves w by η times the error times x.",
        "The bias is a weight whose input is always 1: it moves by η times the error.",
    ],
)


def _separates(w, b, X, y):
    return bool(
        np.all(np.where(np.asarray(X) @ np.asarray(w, dtype=float) + b >= 0, 1.0, 0.0) == y)
    )


_X_AND, _Y_AND = logic_gate("AND")
_X_XOR, _Y_XOR = logic_gate("XOR")


def _separates_with(predict, combine=np.all):
    """The test with another step (``predict(z)``) or another way to combine the rows."""
    return lambda w, b, X, y: bool(combine(predict(X @ w + b) == y))


ex2_3 = function_exercise(
    "2.3",
    "does a line separate the classes?",
    reference=_separates,
    cases=[  # ordered so that each known mistake shows up on a case that tells them apart
        (np.array([1.0, 1.0]), -1.5, _X_AND, _Y_AND),  # separates AND
        (np.array([1.0, 1.0]), -2.0, _X_AND, _Y_AND),  # (1,1) sits on the line: step(0) = 1
        (np.array([1.0, 1.0]), -0.5, _X_XOR, _Y_XOR),  # OR's line on XOR: 3 of 4
        (np.array([1.0, 1.0]), -1.0, _X_AND, _Y_AND),  # 2 of 4: (0,1) and (1,0) wrong
        (np.array([-1.0, -1.0]), 1.5, _X_AND, 1 - _Y_AND),  # NAND
        (np.array([0.0, 0.0]), -1.0, _X_XOR, _Y_XOR),  # never fires
        (np.array([-1.0, -1.0]), 1.5, _X_AND, _Y_AND),  # AND's line, but the wrong side fires
    ],
    mistakes=[
        (
            _separates_with(lambda z: np.where(z > 0, 1.0, 0.0)),
            "a point on the line has z = 0, and the step neuron fires there: use >= 0.",
        ),
        (
            _separates_with(lambda z: np.where(z >= 0, 1.0, 0.0), np.any),
            "every row must be right (np.all), not just some of them.",
        ),
        (
            lambda w, b, X, y: _separates(w, b, X, y) or _separates(w, b, X, 1 - y),
            "the side matters: the neuron must fire (z >= 0) on the class-1 rows; a line whose "
            "neuron gets every row backwards does not separate them as asked.",
        ),
    ],
    hints=[
        "Predict every row with the step neuron, then compare with y.",
        "np.all(predictions == y) is True only when every row matches.",
    ],
)


def _xor_network(X):
    X = np.asarray(X, dtype=float)
    hidden_or = np.where(X @ np.array([1.0, 1.0]) - 0.5 >= 0, 1.0, 0.0)
    hidden_nand = np.where(X @ np.array([-1.0, -1.0]) + 1.5 >= 0, 1.0, 0.0)
    return np.where(hidden_or + hidden_nand - 1.5 >= 0, 1.0, 0.0)


ex2_5 = function_exercise(
    "2.5",
    "a 2-2-1 step network that computes XOR",
    reference=_xor_network,
    cases=[(_X.copy(),), (_X[::-1].copy(),), (np.array([[1.0, 1.0], [1.0, 1.0], [0.0, 1.0]]),)],
    mistakes=[
        (
            lambda X: np.where(X.sum(axis=1) - 0.5 >= 0, 1.0, 0.0),
            "that is OR alone; XOR also needs NOT AND (NAND): combine both hidden units with AND.",
        ),
        (
            lambda X: np.where(X.sum(axis=1) - 1.5 >= 0, 1.0, 0.0),
            "that is AND; XOR is 1 when exactly one input is 1.",
        ),
        (
            lambda X: np.where(-X.sum(axis=1) + 1.5 >= 0, 1.0, 0.0),
            "that is NAND alone; the output unit should AND it with OR.",
        ),
        (
            lambda X: (
                np.where(X.sum(axis=1) - 0.5 >= 0, 1.0, 0.0)
                + np.where(-X.sum(axis=1) + 1.5 >= 0, 1.0, 0.0)
            ),
            "the hidden units are right, but the output must pass their sum through a step with a bias "
            "(fire only when both are 1).",
        ),
    ],
    hints=[
        "XOR(a, b) = AND(OR(a, b), NAND(a, b)).",
        "Hidden layer: one step unit for OR and one for NAND (your answers to 2.1). Output: a step unit "
        "for AND over the two hidden outputs.",
    ],
)


# Predict, then run
ex2_4 = predict_question(
    "2.4",
    "predict: how many lines separate XOR?",
    answer=0,
    explanation="no line separates XOR: whatever w and b, one of the four points is on the "
    "wrong side (Minsky and Papert, 1969). A finer grid would not help.",
    rtol=0.0,
    hints=[
        "Draw the four points of XOR and try to put (0, 1) and (1, 0) on one side of a line, "
        "(0, 0) and (1, 1) on the other."
    ],
)
