"""Lesson 02, the step function and the perceptron: gates, the learning rule, XOR."""

from __future__ import annotations

import numpy as np

from neuronlab.datasets import logic_gate
from neuronlab.exercises.checks import (
    Exercise,
    Incorrect,
    call,
    describe,
    expect_shape,
    function_exercise,
    predict_question,
    seeded,
)

_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])


_X3 = np.array([[a, b, c] for a in (0.0, 1.0) for b in (0.0, 1.0) for c in (0.0, 1.0)])
_GATES = {  # the gates of 2.1 (the lesson built AND, OR and NAND): inputs, truth table
    "NOR": (_X, np.array([1.0, 0.0, 0.0, 0.0])),
    "IMPLIES": (_X, np.array([1.0, 1.0, 0.0, 1.0])),  # 0 only for x1 = 1, x2 = 0
    "MAJORITY": (_X3, (_X3.sum(axis=1) >= 2).astype(float)),  # at least 2 of 3 inputs
}


def _step_outputs(X, w, b):
    return np.where(X @ np.asarray(w, dtype=float) + float(b) >= 0, 1.0, 0.0)


def _test_gates(answer):
    """Custom: many (w, b) are right, so the answer is judged by what the neuron computes."""
    for gate, (X, target) in _GATES.items():
        result = call(answer, gate)
        try:
            w, b = result
            b = float(b)
        except (TypeError, ValueError):
            raise Incorrect(
                f"gate_parameters({gate!r}) should return (w, b), a pair of weights and a "
                f"bias, but returned {describe(result)}."
            ) from None
        inputs = X.shape[1]
        given = f"gate = {gate!r} ({inputs} inputs)"
        w = expect_shape(w, (inputs,), given, name="weights").astype(float)
        output = _step_outputs(X, w, b)
        if not np.array_equal(output, target):
            wrong = [tuple(int(v) for v in X[i]) for i in np.flatnonzero(output != target)]
            hint = ""
            if np.all(output == 1):
                hint = " It always fires: the bias is too large (try a more negative b)."
            elif np.all(output == 0):
                hint = " It never fires: the bias is too negative."
            elif np.array_equal(output, 1 - target):
                hint = " Every answer is flipped: try negating the weights and the bias."
            elif np.array_equal(_step_outputs(X, w[::-1], b), target):
                hint = " The weights are in the wrong order: w[0] multiplies x1, w[1] x2."
            raise Incorrect(
                f"with w = {describe(w)}, b = {b:g} the neuron gives {output.astype(int)} "
                f"for {gate} but the truth table says {target.astype(int)} "
                f"(wrong on inputs {wrong}).{hint}"
            )


ex2_1 = Exercise(
    "2.1",
    "weights for NOR, IMPLIES and a 3-input majority",
    _test_gates,
    hints=[
        "Write each truth table out and mark the rows where the neuron must fire: which "
        "weighted sums must reach the threshold, and which must stay below it?",
        "An input that should make the neuron fire gets a positive weight, one that should stop "
        "it a negative weight. Then choose b = -threshold strictly between the sums that must "
        "fire and those that must not (no input exactly on the line, where step(0) = 1).",
        "For the majority, with all weights 1 the weighted sums are the number of active inputs, "
        "0 to 3: which counts must fire?",
    ],
)


def _epoch(
    X,
    y,
    w,
    b,
    learning_rate,
    *,
    strict=False,
    bias_in_prediction=True,
    with_rate=True,
    bias_learns=True,
    direction=1.0,
    by_target=False,
):
    """One epoch of the perceptron rule, row by row (and, with the keywords, learners' mistakes)."""
    w, b, mistakes = np.asarray(w, dtype=float), float(b), 0
    for x_i, y_i in zip(np.asarray(X, dtype=float), y, strict=True):
        z = np.dot(w, x_i) + (b if bias_in_prediction else 0.0)
        error = y_i - (float(z > 0) if strict else float(z >= 0))  # step(0) = 1 in this course
        mistakes += int(error != 0)
        change = (learning_rate if with_rate else 1.0) * direction * (y_i if by_target else error)
        w = w + change * x_i
        b = b + change if bias_learns else b
    return w, b, mistakes


def _epoch_all_at_once(X, y, w, b, rate):
    """A mistake: every row predicted with the starting line, then one summed update."""
    errors = y - np.where(X @ w + b >= 0, 1.0, 0.0)
    return w + rate * errors @ X, b + rate * errors.sum(), int(np.count_nonzero(errors))


def _epoch_counted_afterwards(X, y, w, b, rate):
    """A mistake: the mistakes counted with the final line, not as the line moved."""
    w, b, _ = _epoch(X, y, w, b, rate)
    return w, b, int(np.count_nonzero(np.where(X @ w + b >= 0, 1.0, 0.0) != y))


_X_AND, _Y_AND = logic_gate("AND")
_X_XOR, _Y_XOR = logic_gate("XOR")
_rng = seeded("2.2")
_X_OR, _Y_OR = logic_gate("OR")
_X_BLOBS = _rng.normal(size=(8, 2))
_X_3 = _rng.normal(size=(6, 3))

ex2_2 = function_exercise(
    "2.2",
    "one epoch of the perceptron rule",
    reference=_epoch,
    cases=[  # (X, y, w, b, learning_rate)
        (_X_AND, _Y_AND, np.zeros(2), 0.0, 1.0),  # the all-zero start: z = 0 on the first row
        (_X_OR, _Y_OR, np.array([-1.0, 0.5]), 0.2, 0.5),
        (np.array([[1.0, 0.0]]), np.array([0.0]), np.array([0.5, 0.5]), -1.0, 1.0),  # b decides
        (
            _X_BLOBS,
            np.where(_X_BLOBS @ np.array([1.0, -1.0]) + 0.3 >= 0, 1.0, 0.0),
            np.array([0.5, 0.5]),
            -1.0,
            0.1,
        ),
        (_X_3, np.where(_X_3 @ np.array([1.0, 2.0, -1.0]) >= 0, 1.0, 0.0), np.zeros(3), 0.0, 0.1),
        (_X_XOR, _Y_XOR, np.zeros(2), 0.0, 1.0),
    ],
    outputs=("new_w", "new_b", "mistakes"),
    mistakes=[
        (
            lambda *args: _epoch(*args, strict=True),
            "at w · x + b = 0 exactly, the step neuron fires: step(0) = 1 in this course, so "
            "predict with >= 0, not > 0. Training starts from all-zero weights, where every z is 0.",
        ),
        (
            _epoch_all_at_once,
            "the line moves after every row: predict each row with w and b as they are after "
            "the rows before it, not every row with the starting line.",
        ),
        (
            _epoch_counted_afterwards,
            "count a mistake when a row is predicted wrong on the way, while the line moves, "
            "not afterwards with the final line.",
        ),
        (
            lambda *args: _epoch(*args, direction=-1.0),
            "the update goes the wrong way: add η (y - ŷ) x, so the line moves towards a missed example.",
        ),
        (
            lambda *args: _epoch(*args, with_rate=False),
            "the learning rate η is missing: both updates are multiplied by it.",
        ),
        (
            lambda *args: _epoch(*args, by_target=True),
            "use the error y - ŷ, not the target y: a correct prediction must change nothing.",
        ),
        (
            lambda *args: _epoch(*args, bias_learns=False),
            "the bias learns too: b ← b + η (y - ŷ).",
        ),
        (
            lambda *args: _epoch(*args, bias_in_prediction=False),
            "the prediction ŷ needs the bias too: the neuron's net input is w · x + b.",
        ),
    ],
    hints=[
        "One row at a time: predict it with the w and b you have now (step(0) = 1), then apply "
        "the lesson's rule before you look at the next row.",
        "Count a mistake whenever a prediction differs from its target, at the moment you "
        "predict it; the error y - ŷ is then -1 or 1.",
        "A correct prediction has error 0 and changes nothing. Build new arrays (w = w + ...) "
        "so that the caller's w stays as it was.",
    ],
)


def _separates(w, b, X, y):
    return bool(
        np.all(np.where(np.asarray(X) @ np.asarray(w, dtype=float) + b >= 0, 1.0, 0.0) == y)
    )


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


_GATE_TABLES = {  # outputs on the rows (0,0), (0,1), (1,0), (1,1)
    "XOR": (0, 1, 1, 0),
    "AND": (0, 0, 0, 1),
    "OR": (0, 1, 1, 1),
    "NAND": (1, 1, 1, 0),
    "NOR": (1, 0, 0, 0),
}
_XNOR = np.array([1.0, 0.0, 0.0, 1.0])


def _two_layer_outputs(W1, b1, w2, b2):
    """The 2-2-1 step network of the lesson: hidden = step(X W1 + b1), one column per unit."""
    hidden = np.where(_X @ W1 + b1 >= 0, 1.0, 0.0)
    return np.where(hidden @ w2 + b2 >= 0, 1.0, 0.0)


def _as_parameters(result):
    """(W1, b1, w2, b2) as float arrays of shapes (2, 2), (2,), (2,), (); Incorrect if not."""
    if isinstance(result, np.ndarray) or not isinstance(result, tuple | list) or len(result) != 4:
        got = (
            f"{len(result)} values"
            if isinstance(result, tuple | list) and not isinstance(result, np.ndarray)
            else describe(result)
        )
        raise Incorrect(
            f"xnor_parameters() should return four values (W1, b1, w2, b2), but returned {got}."
        )
    try:
        W1, b1, w2, b2 = (np.asarray(part, dtype=float) for part in result)
    except (TypeError, ValueError):
        raise Incorrect(
            f"xnor_parameters() should return four arrays of numbers, but returned {describe(result)}."
        ) from None
    w2, b2 = w2.reshape(-1) if w2.size == 2 else w2, b2.reshape(()) if b2.size == 1 else b2
    for name, part, shape in (
        ("W1", W1, (2, 2)),
        ("b1", b1, (2,)),
        ("w2", w2, (2,)),
        ("b2", b2, ()),
    ):
        if part.shape != shape:
            raise Incorrect(
                f"{name} should have shape {shape} (2 inputs, 2 hidden units, 1 output), but has "
                f"shape {part.shape}."
            )
    return W1, b1, w2, b2


def _test_xnor_network(answer):
    """Custom: many networks are right, so the answer is judged by what its network computes."""
    try:
        result = call(answer)
    except Incorrect as error:
        if "required positional argument" not in str(error):
            raise
        raise Incorrect(
            "xnor_parameters() takes no inputs: return the weights and biases (W1, b1, w2, b2), "
            "which the check puts into its own step network; a function of X that computes "
            "XNOR some other way is not a network."
        ) from None
    W1, b1, w2, b2 = _as_parameters(result)
    output = _two_layer_outputs(W1, b1, w2, b2)
    if np.array_equal(output, _XNOR):
        return
    hint = ""
    table = tuple(int(v) for v in output)
    named = [gate for gate, outputs in _GATE_TABLES.items() if outputs == table]
    if np.array_equal(_two_layer_outputs(W1.T, b1, w2, b2), _XNOR):
        hint = (
            " W1 has one *column* per hidden unit (the hidden layer is step(X @ W1 + b1), as in "
            "the lesson): you wrote one row per unit. Transpose it."
        )
    elif named == ["XOR"]:
        hint = (
            " That network computes XOR; XNOR is its opposite (1 when both inputs are equal). "
            "Which neuron would you change to flip every output?"
        )
    elif named:
        hint = f" That network computes {named[0]}, a single gate; XNOR needs both layers."
    elif len(set(table)) == 1:
        hint = f" It always outputs {table[0]}: look at the output neuron's bias b2."
    raise Incorrect(
        f"your network outputs {list(table)} on the inputs (0,0), (0,1), (1,0), (1,1), but XNOR "
        f"is [1, 0, 0, 1].{hint}"
    )


ex2_5 = Exercise(
    "2.5",
    "weights for a 2-2-1 step network that computes XNOR",
    _test_xnor_network,
    hints=[
        "XNOR(a, b) is 1 when a and b are equal: it is NOT XOR. Start from the lesson's XOR "
        "network.",
        "NOT of an AND neuron is a NAND neuron: negate its weights and bias (no input sits on "
        "its line, so every output flips).",
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
