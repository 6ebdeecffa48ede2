"""Lesson 05, the chain rule and computational graphs: gates, forks, a tanh neuron.

Most answers here return gradients, one per input of a small graph, as a tuple ``(dx, dy, ...)``.
They are compared with the exact gradients of the chain rule to 12 significant digits: centred
finite differences (the test a library author runs on a backward pass) reach 10 at best, so an
answer that measures the gradients numerically instead of applying the chain rule is named.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from neuronlab.activations import sigmoid, sigmoid_derivative, tanh_derivative
from neuronlab.autodiff import Value
from neuronlab.exercises.checks import (
    Exercise,
    Incorrect,
    call,
    compare_cases,
    describe,
    function_exercise,
    predict_question,
    seeded,
)

_ELEMENTWISE = (
    "`if`, `max()` and `float()` take one number, but here the inputs are arrays; to decide "
    "element by element, use np.where(condition, a, b)."
)


def gradients_exercise(*declaration: Any, **options: Any) -> Exercise:
    """A declaration whose answer returns gradients (named by ``outputs``), exactly."""
    errors = [("float() argument", _ELEMENTWISE), ("Python scalars", _ELEMENTWISE)]
    return function_exercise(*declaration, exact=True, error_hints=errors, **options)


# ---------------------------------------------------------------------------------------------
# 5.1 The divide gate (the lesson worked the multiply gate)
# ---------------------------------------------------------------------------------------------

_rng = seeded("5.1")


def _divide_backward(x, y, upstream):
    return upstream / y, -upstream * x / y**2


ex5_1 = gradients_exercise(
    "5.1",
    "the divide gate's backward pass",
    reference=_divide_backward,
    outputs=("dx", "dy"),
    cases=[
        (3.0, -2.0, 1.0),
        (3.0, 2.0, 2.0),
        (0.0, 5.0, -1.5),
        (
            np.array([-2.0, 0.0, 1.5, 4.0]),
            np.array([3.0, -1.0, 0.5, 0.25]),
            np.array([1.0, -2.0, 0.5, 3.0]),
        ),
        (1e3 * _rng.normal(size=(3, 2)), 1e3 * _rng.normal(size=(3, 2)), _rng.normal(size=(3, 2))),
        (
            _rng.normal(size=5).astype(np.float32),
            (1.0 + _rng.random(size=5)).astype(np.float32),
            np.full(5, -0.5, dtype=np.float32),
        ),
    ],
    mistakes=[
        (
            lambda x, y, g: (y * g, x * g),
            "that is the multiply gate's rule. z = x / y is x times 1/y: its local gradients are "
            "those of x · y^(-1) (lesson 04's power rule, with n = -1).",
        ),
        (
            lambda x, y, g: (g / y, g * x / y**2),
            "the sign of dy: 1/y falls as y grows, so ∂z/∂y is negative.",
        ),
        (
            lambda x, y, g: (g / y, -g / y**2),
            "∂z/∂y is x times the derivative of 1/y: keep the factor x.",
        ),
        (
            lambda x, y, g: (g / y, -g * x / y),
            "the derivative of 1/y is -1/y² (the power rule, n = -1), not -1/y.",
        ),
        (
            lambda x, y, g: (1 / y + 0 * g, -x / y**2 + 0 * g),
            "multiply the local gradients by the upstream gradient (the chain rule).",
        ),
        (
            lambda x, y, g: (g * y, -g * x / y**2),
            "∂z/∂x: z = x / y changes by 1/y for each unit of x, so dx is upstream divided by y.",
        ),
    ],
    hints=[
        "z = x / y. How fast does z change when x moves and y stays put? And when y moves, x fixed?",
        "Write z = x · y^(-1): ∂z/∂x is y^(-1), and ∂z/∂y needs the power rule of lesson 04 "
        "(n = -1). Then the chain rule multiplies each by the upstream gradient ∂L/∂z.",
        "Plain *, / and ** work element by element, so the same two lines serve numbers and arrays.",
    ],
)


# ---------------------------------------------------------------------------------------------
# 5.2 The circuit f = (x - y) z (the lesson worked f = (x + y) z)
# ---------------------------------------------------------------------------------------------

_rng = seeded("5.2")


def _circuit_backward(x, y, z):
    return z, -z, x - y


_TEXTBOOK = (-4.0, -4.0, 3.0)

ex5_2 = gradients_exercise(
    "5.2",
    "backward through the circuit f = (x - y) z",
    reference=_circuit_backward,
    outputs=("dx", "dy", "dz"),
    cases=[
        (-2.0, 5.0, -4.0),
        (1.5, -0.5, 2.0),
        (3.0, -3.0, 7.0),
        (0.0, 0.0, 0.0),
        (
            np.array([-2.0, 0.0, 1.0, 4.0, -0.5]),
            np.array([5.0, 2.0, -1.0, 0.5, -3.0]),
            np.array([-4.0, 1.0, 6.0, -2.0, 0.0]),
        ),
        (
            1e3 * _rng.normal(size=(2, 3)),
            1e3 * _rng.normal(size=(2, 3)),
            1e3 * _rng.normal(size=(2, 3)),
        ),
        tuple(_rng.normal(size=(3, 4)).astype(np.float32) for _ in range(3)),
    ],
    mistakes=[
        (
            lambda x, y, z: _TEXTBOOK,
            "those are the lesson's numbers, for f = (x + y) z at x = -2, y = 5, z = -4; this "
            "circuit subtracts, and its gradients must come from the arguments.",
        ),
        (
            lambda x, y, z: (z, z, x - y),
            "q = x - y is not an add gate: when y grows, q shrinks, so the local gradient of q "
            "with respect to y is -1, not 1.",
        ),
        (
            lambda x, y, z: (x - y, -(x - y), z),
            "the multiply gate swaps: q = x - y gets ∂f/∂q = z (and passes it on to x and y), "
            "while z gets ∂f/∂z = q.",
        ),
        (
            lambda x, y, z: (z, -z, x + y),
            "∂f/∂z is the other input of the multiply gate, q = x - y, not x + y.",
        ),
        (
            lambda x, y, z: (np.ones_like(np.asarray(x)), -np.ones_like(np.asarray(y)), x - y),
            "the local gradients of the subtraction (1 and -1) must be multiplied by the "
            "gradient it receives, ∂f/∂q = z.",
        ),
        (
            lambda x, y, z: (-z, z, x - y),
            "the signs: q = x - y grows with x (local gradient 1) and shrinks with y (-1).",
        ),
    ],
    hints=[
        "Name the middle value q = x - y, so f = q · z. Start at the end: ∂f/∂f = 1.",
        "The multiply gate f = q · z gives ∂f/∂q = z and ∂f/∂z = q.",
        "How does q = x - y change when x grows by a little, y fixed? And when y grows, x fixed? "
        "Those are the local gradients the chain rule multiplies by ∂f/∂q.",
    ],
)


# ---------------------------------------------------------------------------------------------
# 5.3 The chain rule through a tanh neuron (the lesson's neuron was a sigmoid)
# ---------------------------------------------------------------------------------------------

_rng = seeded("5.3")


def _tanh_neuron_backward(x1, x2, w1, w2, b):
    d = tanh_derivative(w1 * x1 + w2 * x2 + b)  # ∂a/∂z, exact even where tanh(z) rounds to ±1
    return d * x1, d * x2, d, d * w1, d * w2


def _with_slope(slope):
    """A wrong answer that uses ``slope(z, a)`` for the tanh gate and the right links after it."""

    def gradients(x1, x2, w1, w2, b):
        z = w1 * x1 + w2 * x2 + b
        d = slope(z, np.tanh(z))
        return d * x1, d * x2, d, d * w1, d * w2

    return gradients


def _sigmoid_neuron_backward(x1, x2, w1, w2, b):
    d = sigmoid_derivative(w1 * x1 + w2 * x2 + b)
    return d * x1, d * x2, d, d * w1, d * w2


ex5_3 = gradients_exercise(
    "5.3",
    "the chain rule through a tanh neuron",
    reference=_tanh_neuron_backward,
    outputs=("dw1", "dw2", "db", "dx1", "dx2"),
    cases=[
        (1.5, 2.0, 0.5, -1.0, 0.3),  # the lesson's numbers: z = -0.95
        (2.0, -1.0, 0.25, 0.5, 0.0),  # z = 0: tanh'(0) = 1
        (-0.5, 3.0, 1.2, 0.4, -0.8),
        tuple(_rng.normal(scale=0.8, size=6) for _ in range(5)),  # |z| < 2.5
        (
            np.array([2.0, -2.0]),
            np.array([3.0, -3.0]),
            np.array([4.0, 4.0]),
            np.array([4.0, 4.0]),
            0.0,
        ),  # z = ±20: saturated, every gradient below 1e-15
    ],
    mistakes=[
        (
            _with_slope(lambda z, a: a * (1 - a)),
            "a (1 − a) is the *sigmoid's* slope pattern, σ(1 − σ); the slope of tanh is "
            "1 − tanh²(z) = 1 − a².",
        ),
        (
            _with_slope(lambda z, a: 1 - a),
            "the slope of tanh is 1 − tanh²(z): square a before subtracting it from 1.",
        ),
        (
            _with_slope(lambda z, a: 1 - z**2),
            "1 − a² squares the tanh gate's *output* a = tanh(z), not the net input z.",
        ),
        (
            _with_slope(lambda z, a: a),
            "the tanh gate passes on its slope 1 − tanh²(z), not its output tanh(z).",
        ),
        (
            lambda x1, x2, w1, w2, b: (lambda d: (d, d, d, d, d))(
                tanh_derivative(w1 * x1 + w2 * x2 + b)
            ),
            "that is ∂a/∂z for every box: the chain rule goes on through the add and multiply "
            "gates inside z = w1 x1 + w2 x2 + b (∂z/∂w1 = x1, ...).",
        ),
        (
            lambda x1, x2, w1, w2, b: (lambda d: (d * x1, d * x2, d, d * x1, d * x2))(
                tanh_derivative(w1 * x1 + w2 * x2 + b)
            ),
            "the inputs' gradients: a multiply gate swaps, so x1 gets w1 (∂z/∂x1 = w1), just as "
            "w1 gets x1.",
        ),
        (
            lambda x1, x2, w1, w2, b: (lambda d: (d * w1, d * w2, d, d * x1, d * x2))(
                tanh_derivative(w1 * x1 + w2 * x2 + b)
            ),
            "the weights' and the inputs' gradients are swapped: ∂z/∂w1 = x1, the input that w1 "
            "multiplies, and ∂z/∂x1 = w1.",
        ),
        (
            lambda x1, x2, w1, w2, b: (lambda d: (d * x1, d * x2, d * b, d * w1, d * w2))(
                tanh_derivative(w1 * x1 + w2 * x2 + b)
            ),
            "b is added, not multiplied: the add gate passes ∂a/∂z on to b unchanged (∂z/∂b = 1).",
        ),
        (
            _sigmoid_neuron_backward,
            "those are the gradients of the lesson's *sigmoid* neuron; this neuron's activation "
            "is tanh, whose slope is 1 − tanh²(z).",
        ),
    ],
    hints=[
        "The graph is the lesson's sigmoid neuron with tanh in the circle: z = w1 x1 + w2 x2 + b, "
        "then a = tanh(z). Each box's gradient is the tanh gate's local gradient times ∂z/∂(box).",
        "The tanh gate's local gradient is 1 − tanh²(z): like σ(1 − σ), it needs only the "
        "output a of the forward pass.",
        "Inside z, the add gate passes the gradient on to b unchanged, and each multiply gate "
        "swaps: w1 gets x1 times the gradient of z, and x1 gets w1 times it.",
    ],
)


# ---------------------------------------------------------------------------------------------
# 5.4 Gradients add at a fork: f = (x + y) · y (the lesson's fork was f = x · y + x)
# ---------------------------------------------------------------------------------------------

_rng = seeded("5.4")


def _fork_backward(x, y):
    return y + 0.0 * x, x + 2.0 * y


_OVERWRITTEN = (
    "overwritten instead of accumulated at a fork: y is used twice (in x + y and in · y), so its "
    "gradient is the sum of both contributions. Add the second one to dy (+=), don't replace it."
)

ex5_4 = gradients_exercise(
    "5.4",
    "gradients add at a fork",
    reference=_fork_backward,
    outputs=("dx", "dy"),
    cases=[
        (2.0, -3.0),
        (0.5, 4.0),
        (-1.0, 0.0),
        (2.0, -1.0),  # dy = 0: y's two paths cancel
        (np.array([-2.0, 0.0, 1.5, 3.0]), np.array([1.0, -1.0, 2.5, -4.0])),
        (1e3 * _rng.normal(size=(3, 3)), 1e3 * _rng.normal(size=(3, 3))),
        (_rng.normal(size=6).astype(np.float32), _rng.normal(size=6).astype(np.float32)),
    ],
    mistakes=[
        (lambda x, y: (y + 0.0 * x, y + 0.0 * x), _OVERWRITTEN),
        (lambda x, y: (y + 0.0 * x, x + y), _OVERWRITTEN),
        (
            lambda x, y: (x + 2.0 * y, x + 2.0 * y),
            "only y sits at a fork; x is used once, in q = x + y, so dx = ∂f/∂q = y.",
        ),
        (
            lambda x, y: (x + y, x + 2.0 * y),
            "the multiply gate f = q · y swaps: q gets the other input, y, and the add gate "
            "passes that on to x unchanged.",
        ),
        (
            lambda x, y: (y + 1.0, x),
            "that is the lesson's fork, f = x · y + x; here f = (x + y) · y.",
        ),
    ],
    hints=[
        "Draw the graph: q = x + y, then f = q · y. How many arrows leave y?",
        "Each use of y sends back a contribution: one through q (the add gate passes ∂f/∂q on) "
        "and one from the multiply gate directly. Its gradient is their sum.",
        "Start with dx = 0 and dy = 0, then add each contribution with +=.",
    ],
)


# ---------------------------------------------------------------------------------------------
# 5.5 The max gate routes, inside a circuit: f = max(x, y) · z
# ---------------------------------------------------------------------------------------------

_rng = seeded("5.5")


def _route(x, y, upstream, x_wins=None):
    """The max gate's backward rule: all of ``upstream`` to the winner (x at a tie)."""
    x_wins = np.asarray(x) >= np.asarray(y) if x_wins is None else x_wins
    return np.where(x_wins, upstream, 0.0), np.where(x_wins, 0.0, upstream)


def _max_circuit_backward(x, y, z):
    return (*_route(x, y, z), np.maximum(x, y))


def _with_dz(route):
    """A learner's max-gate rule ``route(x, y, upstream)``, inside the circuit."""
    return lambda x, y, z: (*route(x, y, z), np.maximum(x, y))


_TIE = (
    "at a tie (x == y) the lesson's max gate sends the whole gradient to x, the first input, "
    "and 0 to y: test x >= y."
)

ex5_5 = gradients_exercise(
    "5.5",
    "the max gate inside a circuit",
    reference=_max_circuit_backward,
    outputs=("dx", "dy", "dz"),
    cases=[
        (3.0, -2.0, 2.0),
        (-1.0, 4.0, 2.0),
        (1.0, 1.0, 3.0),  # a tie
        (0.0, 0.0, -1.5),  # a tie at 0
        (
            np.array([-2.0, 0.0, 5.0, 1.0, 1e3]),
            np.array([3.0, 0.0, -5.0, 1.0, 999.0]),
            np.array([1.0, 2.0, -1.0, 0.5, 4.0]),
        ),
        (_rng.normal(size=(3, 4)), _rng.normal(size=(3, 4)), _rng.normal(size=(3, 4))),
        (
            _rng.normal(size=5).astype(np.float32),
            _rng.normal(size=5).astype(np.float32),
            np.full(5, 2.0, dtype=np.float32),
        ),
    ],
    mistakes=[
        (
            _with_dz(lambda x, y, g: _route(x, y, g, np.asarray(x) <= np.asarray(y))),
            "the gradient goes to the *larger* input (the one max picked), not the smaller.",
        ),
        (
            _with_dz(lambda x, y, g: (g + 0.0 * x, g + 0.0 * y)),
            "that is the add gate; a max gate sends all of the gradient to the larger input "
            "and 0 to the other.",
        ),
        (
            _with_dz(lambda x, y, g: _route(x, y, 1.0 + 0.0 * g)),
            "the max gate's local gradient 1 (or 0) is multiplied by the gradient it receives, "
            "∂f/∂m = z: the winner gets z, not 1.",
        ),
        (_with_dz(lambda x, y, g: _route(x, y, g, np.asarray(x) > np.asarray(y))), _TIE),
        (
            _with_dz(
                lambda x, y, g: (
                    np.where(x > y, g, np.where(x == y, g / 2, 0.0)),
                    np.where(x < y, g, np.where(x == y, g / 2, 0.0)),
                )
            ),
            _TIE,
        ),
        (
            _with_dz(lambda x, y, g: (np.where(x >= y, g, 0.0), np.where(y >= x, g, 0.0))),
            _TIE,
        ),
        (
            _with_dz(lambda x, y, g: (np.where(x >= y, g * x, 0.0), np.where(x >= y, 0.0, g * y))),
            "max passes its winner through unchanged, so the local gradient is 1, not the "
            "winner's value.",
        ),
        (
            lambda x, y, z: (*_route(x, y, np.maximum(x, y)), z + 0.0 * x),
            "the multiply gate swaps: m = max(x, y) gets ∂f/∂m = z (which the max gate routes "
            "on), and z gets ∂f/∂z = m.",
        ),
        (
            lambda x, y, z: (*_route(x, y, z), 1.0 + 0.0 * z),
            "∂f/∂z is the other input of the multiply gate, m = max(x, y), not 1.",
        ),
    ],
    hints=[
        "Name m = max(x, y), so f = m · z. The multiply gate gives ∂f/∂m = z and ∂f/∂z = m.",
        "max(x, y) equals x when x >= y: there it changes exactly as x does (slope 1) and does "
        "not change with y at all (slope 0).",
        "So the larger input gets ∂f/∂m and the other gets 0. np.where(condition, a, b) picks "
        "element by element; np.maximum(x, y) is max element by element.",
    ],
)


# ---------------------------------------------------------------------------------------------
# 5.7 Transfer: a new operation for the scalar engine
# ---------------------------------------------------------------------------------------------


def _softplus_value(v: Value, slope=sigmoid, chain: bool = True, accumulate: bool = True) -> Value:
    """A correct softplus operation for ``Value`` (and, with the keywords, learners' mistakes)."""
    out = Value(float(np.logaddexp(0.0, v.data)), (v,), "softplus")

    def _backward() -> None:
        local = float(slope(v.data)) * (out.grad if chain else 1.0)
        v.grad = v.grad + local if accumulate else local

    out._backward = _backward
    return out


def _through_engine(softplus: Any) -> Any:
    """Run ``softplus`` in a graph that uses x three times: f = softplus(x) · x + softplus(x w)."""

    def run(x: float, w: float) -> tuple[float, float, float]:
        xv, wv = Value(x), Value(w)
        out = softplus(xv) * xv + softplus(xv * wv)
        out.backward()
        return out.data, xv.grad, wv.grad

    return run


_ENGINE_MISTAKES = [
    (
        lambda v: _softplus_value(v, chain=False),
        "the chain rule: multiply the local derivative σ(x) by out.grad, the gradient that "
        "arrives from above.",
    ),
    (
        lambda v: _softplus_value(v, accumulate=False),
        "add to v.grad (+=), don't overwrite it: a Value used in several places collects the "
        "sum of all the paths.",
    ),
    (
        lambda v: _softplus_value(v, slope=sigmoid_derivative),
        "the local derivative of softplus is σ(x) itself, not σ'(x).",
    ),
]


def _test_engine_softplus(answer: Any) -> None:
    """Custom: the answer is an operation, tried inside a graph of the package's engine."""
    out = call(answer, Value(0.5))
    if not isinstance(out, Value):
        raise Incorrect(
            f"softplus(Value(0.5)) returned {describe(out)}, not a Value: build the result with "
            "Value(number, (v,), 'softplus') so that backward() can reach v through it."
        )
    _require_one_new_node(answer)
    compare_cases(
        _through_engine(answer),
        _through_engine(_softplus_value),
        [(0.5, 2.0), (-1.5, 0.3), (0.0, -1.0), (3.0, -2.5), (-20.0, 0.5)],
        [(_through_engine(f), text) for f, text in _ENGINE_MISTAKES],
        outputs=("f", "∂f/∂x", "∂f/∂w"),
        given=lambda a: f"f = softplus(x) · x + softplus(x · w) at x = {a[0]:g}, w = {a[1]:g}",
        rtol=1e-9,
    )


def _require_one_new_node(answer: Any) -> None:
    """The answer must be one new operation: a node whose only child is v, whose own _backward
    moves v.grad (not a composition of the engine's exp and log, which needs no _backward).
    """
    v = Value(0.5)
    out = call(answer, v)
    if not out.children:
        raise Incorrect(
            "softplus(v) returned a Value with no children: pass (v,) when you make it, "
            "Value(number, (v,), 'softplus'), or backward() never reaches v."
        )
    if tuple(out.children) != (v,):
        raise Incorrect(
            "softplus(v) returned a Value whose child is not v itself: it looks built from the "
            "engine's other operations (exp, log, +), which already know their gradients. The "
            "exercise is a new operation: one Value with (v,) as its children and its own "
            "_backward."
        )
    out.grad = 1.0
    out._backward()
    if v.grad == 0.0:
        raise Incorrect(
            "calling out._backward() left v.grad at 0: did you attach your function with "
            "out._backward = _backward (without brackets) before returning out?"
        )


ex5_7 = Exercise(
    "5.7",
    "transfer: a new operation for the scalar engine",
    _test_engine_softplus,
    hints=[
        "Copy the shape of the lesson's value_max: compute the output, make a Value with (v,) "
        "as its children, define _backward, attach it, return the Value.",
        "The exercise gives the local derivative: softplus(x) = log(1 + e^x) has the slope σ(x).",
        "In _backward the child's grad grows by the local derivative times out.grad.",
    ],
)


# Predict, then run
ex5_6 = predict_question(
    "5.6",
    "predict: a gradient at a fork",
    answer=7.0,
    explanation="x is used twice in f = x · x + x, so its gradients add: 3 + 3 from the "
    "product and 1 from the sum, 2x + 1 = 7 at x = 3.",
    rtol=0.0,
    hints=["Count how many times x is used, and what each use sends back to it."],
)
