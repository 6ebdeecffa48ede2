"""Lesson 05, the chain rule and computational graphs: gates, forks, a sigmoid neuron.

Most answers here return gradients, one per input of a small graph, as a tuple ``(dx, dy, ...)``.
Where the graph has a forward function (the circuit, the neuron, the fork), the expected
gradients are *centred finite differences* of that function (:mod:`neuronlab.gradcheck`), the
same test a library author runs on a backward pass; the two gates given an upstream gradient are
compared with their local rule.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from neuronlab.activations import sigmoid, sigmoid_prime
from neuronlab.exercises.checks import Exercise, Incorrect, call, describe, predict_question
from neuronlab.gradcheck import numerical_derivative

_rng = np.random.default_rng(505)

# Tolerances for a comparison with centred differences (h = 1e-5): their error is far smaller
# than any mistake, far larger than rounding.
_FD_RTOL, _FD_ATOL = 1e-5, 1e-8


def _partials(f: Callable[..., Any], args: tuple[Any, ...]) -> tuple[np.ndarray, ...]:
    """``∂f/∂(each argument)``, element-wise, by centred differences: one argument moves at a
    time while the others stay fixed."""
    found = []
    for i in range(len(args)):

        def along(t, i=i):
            return f(*args[:i], t, *args[i + 1 :])

        found.append(numerical_derivative(along, args[i]))
    return tuple(found)


def _diagnose(got: tuple, args: tuple, mistakes: Sequence[tuple[Callable[..., Any], str]]) -> str:
    """The hint of the first known mistake whose gradients all equal the learner's."""
    for wrong, message in mistakes:
        try:
            with np.errstate(all="ignore"):
                wrong_values = [np.asarray(v, dtype=float) for v in wrong(*args)]
            got_values = [np.asarray(v, dtype=float) for v in got]
        except Exception:  # a mistake that does not run on this case is not the one
            continue
        if len(wrong_values) == len(got_values) and all(
            w.shape == g.shape and np.allclose(g, w, rtol=1e-6, atol=1e-12, equal_nan=True)
            for w, g in zip(wrong_values, got_values, strict=True)
        ):
            return f" Hint: {message}"
    return ""


def _compare(
    got: Any,
    expected: tuple[np.ndarray, ...],
    outputs: Sequence[str],
    given: str,
    source: str,
    rtol: float,
    atol: float,
) -> tuple[np.ndarray, ...]:
    """Each returned gradient against the expected one; raise Incorrect naming the first that
    differs (``dx``, ``dy``, ...) and where."""
    wanted = "(" + ", ".join(outputs) + ")"
    if got is None:
        raise Incorrect(
            f"For {given}: your function returned None. Did you forget `return {wanted[1:-1]}`?"
        )
    if not isinstance(got, tuple | list) or len(got) != len(outputs):
        raise Incorrect(
            f"For {given}: it should return the {len(outputs)} gradients {wanted}, "
            f"but returned {describe(got)}."
        )
    values = []
    for name, value, want in zip(outputs, got, expected, strict=True):
        if value is None:
            raise Incorrect(
                f"For {given}: {name} is None. Did you forget `return`, or to compute {name}?"
            )
        try:
            array = np.asarray(value, dtype=float)
        except (TypeError, ValueError):
            raise Incorrect(
                f"For {given}: {name} should be a number or an array, but is {describe(value)}."
            ) from None
        want = np.asarray(want, dtype=float)
        if array.shape != want.shape:
            raise Incorrect(
                f"For {given}: {name} should have the inputs' shape {want.shape}, but has shape "
                f"{array.shape}: work element by element."
            )
        close = np.isclose(array, want, rtol=rtol, atol=atol, equal_nan=True)
        if not close.all():
            bad = np.unravel_index(np.argmin(close), want.shape)
            where = f" (at index {tuple(int(i) for i in bad)})" if want.ndim else ""
            raise Incorrect(
                f"For {given}: expected {name} = {describe(want[bad])}{where}{source}, "
                f"but got {name} = {describe(array[bad])}."
            )
        values.append(array)
    return tuple(values)


def _call(answer: Callable[..., Any], args: tuple[Any, ...]) -> Any:
    """Call the learner's function on copies of the arguments; explain an `if` on arrays."""
    try:
        return call(answer, *(a.copy() if isinstance(a, np.ndarray) else a for a in args))
    except Incorrect as error:
        text = str(error)
        if "truth value of an array" in text or "can be converted to Python scalars" in text:
            raise Incorrect(
                f"{text.rstrip('.')}. Hint: `if`, `max()` and `float()` take one number, but "
                "here the inputs are arrays; to decide element by element, use "
                "np.where(condition, a, b)."
            ) from None
        raise


def gradients_exercise(
    exercise_id: str,
    title: str,
    reference: Callable[..., tuple],
    outputs: Sequence[str],
    cases: Sequence[tuple[Any, ...]],
    mistakes: Sequence[tuple[Callable[..., Any], str]] = (),
    hints: Sequence[str] = (),
    forward: Callable[..., Any] | None = None,
) -> Exercise:
    """An exercise whose answer returns a tuple of gradients named ``outputs``.

    With ``forward``, the expected gradients are centred differences of ``forward`` (and
    ``reference`` is only used to name the parameters); without, they are ``reference(*args)``.
    """
    names = list(inspect.signature(reference).parameters)

    def test(answer: Any) -> None:
        if not callable(answer):
            raise Incorrect(
                f"pass your function itself, e.g. check(my_function) without (), "
                f"not {describe(answer)}."
            )
        for args in cases:
            given = ", ".join(f"{n} = {describe(a)}" for n, a in zip(names, args, strict=True))
            if forward is None:
                expected, source, rtol, atol = reference(*args), "", 1e-6, 1e-12
            else:
                expected = _partials(forward, args)
                source, rtol, atol = " (a centred finite difference)", _FD_RTOL, _FD_ATOL
            got = _call(answer, args)
            try:
                _compare(got, expected, outputs, given, source, rtol, atol)
            except Incorrect as error:
                hint = _diagnose(got, args, mistakes) if isinstance(got, tuple | list) else ""
                raise Incorrect(f"{error}{hint}") from None

    return Exercise(exercise_id, title, test, hints)


# ---------------------------------------------------------------------------------------------
# 5.1 The multiply gate
# ---------------------------------------------------------------------------------------------


def _multiply_backward(x, y, upstream):
    return y * upstream, x * upstream


ex5_1 = gradients_exercise(
    "5.1",
    "the multiply gate's backward pass",
    reference=_multiply_backward,
    outputs=("dx", "dy"),
    cases=[
        (3.0, -2.0, 1.0),
        (3.0, -2.0, 2.0),
        (0.0, 5.0, -1.5),
        (
            np.array([-2.0, 0.0, 1.5, 4.0]),
            np.array([3.0, -1.0, 0.0, 0.5]),
            np.array([1.0, -2.0, 0.5, 3.0]),
        ),
        (1e3 * _rng.normal(size=(3, 2)), 1e3 * _rng.normal(size=(3, 2)), _rng.normal(size=(3, 2))),
        (
            _rng.normal(size=5).astype(np.float32),
            _rng.normal(size=5).astype(np.float32),
            np.full(5, -0.5, dtype=np.float32),
        ),
    ],
    mistakes=[
        (
            lambda x, y, g: (x * g, y * g),
            "the multiply gate swaps its inputs: x's gradient is the *other* input, y, times "
            "the upstream gradient (and y's is x times it).",
        ),
        (
            lambda x, y, g: (y, x),
            "multiply the local gradients by the upstream gradient (the chain rule): "
            "dx = y · upstream, dy = x · upstream.",
        ),
        (
            lambda x, y, g: (g * np.ones_like(np.asarray(x)), g * np.ones_like(np.asarray(y))),
            "that is the add gate's rule (both inputs get the upstream gradient); a multiply "
            "gate's local gradient with respect to x is y.",
        ),
        (
            lambda x, y, g: (x * y * g, x * y * g),
            "the local gradient of x · y with respect to x is y, not the product x · y.",
        ),
    ],
    hints=[
        "z = x · y. How fast does z change when x moves and y stays put? That is ∂z/∂x.",
        "∂z/∂x = y and ∂z/∂y = x. The chain rule multiplies each by the upstream gradient ∂L/∂z.",
        "Plain * works element by element, so the same two lines serve numbers and arrays.",
    ],
)


# ---------------------------------------------------------------------------------------------
# 5.2 The circuit f = (x + y) z
# ---------------------------------------------------------------------------------------------


def _circuit(x, y, z):
    return (x + y) * z


def _circuit_backward(x, y, z):
    return z, z, x + y


_TEXTBOOK = (-4.0, -4.0, 3.0)

ex5_2 = gradients_exercise(
    "5.2",
    "backward through the circuit f = (x + y) z",
    reference=_circuit_backward,
    forward=_circuit,
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
            "those are the lesson's numbers for x = -2, y = 5, z = -4; compute the gradients "
            "from the arguments, so they are right for every x, y, z.",
        ),
        (
            lambda x, y, z: (x + y, x + y, z),
            "the multiply gate swaps: q = x + y gets ∂f/∂q = z (and passes it on to x and y), "
            "while z gets ∂f/∂z = q = x + y.",
        ),
        (
            lambda x, y, z: (z, z, x * y),
            "∂f/∂z is the other input of the multiply gate, q = x + y, not x · y.",
        ),
        (
            lambda x, y, z: (np.ones_like(np.asarray(x)), np.ones_like(np.asarray(y)), x + y),
            "the add gate's local gradient 1 must be multiplied by the gradient it receives, "
            "∂f/∂q = z: dx = ∂f/∂q · 1.",
        ),
        (
            lambda x, y, z: (z * y, z * x, x + y),
            "q = x + y is an add gate, not a multiply gate: its local gradients are 1, so x and "
            "y both get ∂f/∂q = z unchanged.",
        ),
    ],
    hints=[
        "Name the middle value q = x + y, so f = q · z. Start at the end: ∂f/∂f = 1.",
        "The multiply gate f = q · z gives ∂f/∂q = z and ∂f/∂z = q.",
        "The add gate q = x + y passes ∂f/∂q on unchanged: ∂f/∂x = ∂f/∂y = ∂f/∂q.",
    ],
)


# ---------------------------------------------------------------------------------------------
# 5.3 The chain rule through a sigmoid neuron
# ---------------------------------------------------------------------------------------------


def _neuron(w, x, b):
    return sigmoid(w * x + b)


def _neuron_dw(w, x, b):
    return sigmoid_prime(w * x + b) * x


_NEURON_CASES = [
    (0.5, 2.0, -1.0),  # z = 0: σ'(z) = 0.25
    (1.5, -2.0, 0.5),
    (-0.3, 0.0, 2.0),  # x = 0: the weight has no effect
    (np.array([-2.0, -0.5, 0.0, 1.0, 3.0]), np.array([1.5, -1.0, 2.0, 0.0, -0.7]), 0.3),
    (np.array([0.1, -0.1, 0.25]), np.array([10.0, 10.0, -8.0]), np.array([-1.0, 1.0, 4.0])),
    (np.array([50.0, -50.0, 800.0]), np.array([20.0, 20.0, -1.0]), 0.0),  # saturated: z = ±1000
    (
        _rng.normal(size=(2, 3)).astype(np.float32),
        _rng.normal(size=(2, 3)).astype(np.float32),
        np.float32(-0.5),
    ),
]

_NEURON_MISTAKES = [
    (
        lambda w, x, b: (sigmoid_prime(w * x + b),),
        "you forgot the inner derivative: z = w x + b changes at the rate ∂z/∂w = x, so "
        "multiply σ'(z) by x.",
    ),
    (
        lambda w, x, b: ((w * x + b) * (1 - (w * x + b)) * x,),
        "σ(1 − σ) takes the sigmoid's *output* σ(z), not the net input z: σ'(z) = σ(z)(1 − σ(z)).",
    ),
    (
        lambda w, x, b: (sigmoid(w * x + b) * x,),
        "the outer derivative is σ'(z) = σ(z)(1 − σ(z)), not σ(z) itself.",
    ),
    (
        lambda w, x, b: (sigmoid_prime(w * x + b) * w,),
        "∂z/∂w = x, the input that w multiplies; σ'(z) · w is the derivative with respect to x.",
    ),
    (
        lambda w, x, b: (sigmoid_prime(w) * x,),
        "evaluate the outer derivative at the inner function's value, the net input "
        "z = w x + b, not at w.",
    ),
]


def _test_neuron_dw(answer: Any) -> None:
    """Like the other gradients, but the answer returns one gradient, not a tuple."""
    if not callable(answer):
        raise Incorrect(
            f"pass your function itself, e.g. check(my_function) without (), not {describe(answer)}."
        )
    for w, x, b in _NEURON_CASES:
        given = f"w = {describe(w)}, x = {describe(x)}, b = {describe(b)}"
        try:
            got = _call(answer, (w, x, b))
        except Incorrect as error:
            if "overflow" in str(error):
                raise Incorrect(
                    f"{error} Hint: the net input here is very negative, and e^(-z) overflows. "
                    "Use the stable sigmoid of lesson 03 (from neuronlab.activations import "
                    "sigmoid)."
                ) from None
            raise
        if got is None:
            raise Incorrect(f"For {given}: your function returned None. Did you forget `return`?")
        if isinstance(got, tuple | list) and len(got) == 1:
            got = got[0]
        expected = _partials(lambda w_, x=x, b=b: _neuron(w_, x, b), (w,))
        try:
            _compare(
                (got,),
                expected,
                ("∂a/∂w",),
                given,
                " (a centred finite difference)",
                _FD_RTOL,
                _FD_ATOL,
            )
        except Incorrect as error:
            raise Incorrect(f"{error}{_diagnose((got,), (w, x, b), _NEURON_MISTAKES)}") from None


ex5_3 = Exercise(
    "5.3",
    "the chain rule through a sigmoid neuron",
    _test_neuron_dw,
    hints=[
        "Two links: the inner z = w x + b, then the outer a = σ(z). Multiply their local derivatives.",
        "∂z/∂w = x, and ∂a/∂z = σ'(z) = σ(z)(1 − σ(z)), evaluated at the net input z.",
        "Compute z first, then σ(z) once with the package's sigmoid, and multiply the two links.",
    ],
)


# ---------------------------------------------------------------------------------------------
# 5.4 Gradients add at a fork: f = x · y + x
# ---------------------------------------------------------------------------------------------


def _fork(x, y):
    return x * y + x


def _fork_backward(x, y):
    return y + 1.0, x


_OVERWRITTEN = (
    "overwritten instead of accumulated at a fork: x is used twice (in x · y and in + x), so its "
    "gradient is the sum of both contributions. Add the second one to dx (+=), don't replace it."
)

ex5_4 = gradients_exercise(
    "5.4",
    "gradients add at a fork",
    reference=_fork_backward,
    forward=_fork,
    outputs=("dx", "dy"),
    cases=[
        (2.0, -3.0),
        (0.5, 4.0),
        (-1.0, 0.0),
        (0.0, -1.0),  # dx = 0: the two paths cancel
        (np.array([-2.0, 0.0, 1.5, 3.0]), np.array([1.0, -1.0, 2.5, -4.0])),
        (1e3 * _rng.normal(size=(3, 3)), 1e3 * _rng.normal(size=(3, 3))),
        (_rng.normal(size=6).astype(np.float32), _rng.normal(size=6).astype(np.float32)),
    ],
    mistakes=[
        (lambda x, y: (y, x), _OVERWRITTEN),
        (lambda x, y: (np.ones_like(np.asarray(x)), x), _OVERWRITTEN),
        (
            lambda x, y: (y + 1.0, x + 1.0),
            "only x sits at a fork; y is used once, in x · y, so dy = x.",
        ),
        (
            lambda x, y: (y + 1.0, y),
            "the multiply gate swaps: y's gradient is the other input, x.",
        ),
        (
            lambda x, y: (x + 1.0, y),
            "the multiply gate swaps: the path through x · y gives x the other input, y.",
        ),
    ],
    hints=[
        "Draw the graph: q = x · y, then f = q + x. How many arrows leave x?",
        "Each use of x sends back a contribution: y · ∂f/∂q from the multiply gate and ∂f/∂f "
        "from the add gate. Its gradient is their sum.",
        "Start with dx = 0 and dy = 0, then add each contribution with +=.",
    ],
)


# ---------------------------------------------------------------------------------------------
# 5.5 The max gate routes
# ---------------------------------------------------------------------------------------------


def _max_backward(x, y, upstream):
    x_wins = np.asarray(x) >= np.asarray(y)
    return np.where(x_wins, upstream, 0.0), np.where(x_wins, 0.0, upstream)


_TIE = (
    "at a tie (x == y) the lesson's max gate sends the whole gradient to x, the first input, "
    "and 0 to y: test x >= y."
)

ex5_5 = gradients_exercise(
    "5.5",
    "the max gate routes the gradient",
    reference=_max_backward,
    outputs=("dx", "dy"),
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
            lambda x, y, g: (np.where(x <= y, g, 0.0), np.where(x <= y, 0.0, g)),
            "the gradient goes to the *larger* input (the one max picked), not the smaller.",
        ),
        (
            lambda x, y, g: (g * np.ones_like(np.asarray(x)), g * np.ones_like(np.asarray(y))),
            "that is the add gate; a max gate sends all of the gradient to the larger input "
            "and 0 to the other.",
        ),
        (
            lambda x, y, g: (
                np.where(x >= y, 1.0, 0.0) * np.ones_like(np.asarray(g)),
                np.where(x >= y, 0.0, 1.0) * np.ones_like(np.asarray(g)),
            ),
            "the local gradient 1 (or 0) is multiplied by the upstream gradient: the winner "
            "gets upstream, not 1.",
        ),
        (lambda x, y, g: (np.where(x > y, g, 0.0), np.where(x > y, 0.0, g)), _TIE),
        (
            lambda x, y, g: (
                np.where(x > y, g, np.where(x == y, g / 2, 0.0)),
                np.where(x < y, g, np.where(x == y, g / 2, 0.0)),
            ),
            _TIE,
        ),
        (
            lambda x, y, g: (np.where(x >= y, g * x, 0.0), np.where(x >= y, 0.0, g * y)),
            "max passes its winner through unchanged, so the local gradient is 1, not the "
            "winner's value.",
        ),
    ],
    hints=[
        "max(x, y) equals x when x >= y: there it changes exactly as x does (slope 1) and does "
        "not change with y at all (slope 0).",
        "So the larger input gets the upstream gradient and the other gets 0. np.where(x >= y, "
        "upstream, 0.0) picks element by element.",
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
