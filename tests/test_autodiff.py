"""Tests of the scalar autodiff engine ``neuronlab.autodiff``."""

from __future__ import annotations

import math
import re
import warnings
from collections.abc import Callable

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from neuronlab import activations
from neuronlab.autodiff import Value, trace
from neuronlab.gradcheck import numerical_gradient
from neuronlab.plotting import draw_graph


def floats(low: float, high: float) -> st.SearchStrategy[float]:
    return st.floats(low, high, allow_nan=False, allow_infinity=False)


def away_from_zero(low: float, high: float) -> st.SearchStrategy[float]:
    """Numbers with ``low <= |x| <= high``, of either sign."""
    return st.one_of(floats(low, high), floats(-high, -low))


def gradients(f: Callable[..., Value], *numbers: float) -> list[float]:
    """The engine's gradient of ``f`` at ``numbers``: one Value per number, then backward()."""
    values = [Value(x) for x in numbers]
    f(*values).backward()
    return [v.grad for v in values]


# ---------------------------------------------------------------------------------------------
# The textbook circuit and a neuron, against hand-computed numbers
# ---------------------------------------------------------------------------------------------


def test_textbook_circuit():
    # f = (x + y) · z: q = x + y = 3, f = q · z = -12.
    # ∂f/∂z = q = 3; ∂f/∂q = z = -4, and the add gate passes it on: ∂f/∂x = ∂f/∂y = -4.
    x, y, z = Value(-2.0, label="x"), Value(5.0, label="y"), Value(-4.0, label="z")
    q = x + y
    f = q * z
    f.backward()
    assert f.data == -12.0
    assert (x.grad, y.grad, z.grad) == (-4.0, -4.0, 3.0)
    assert q.grad == -4.0
    assert f.grad == 1.0
    assert repr(f) == "Value(data=-12, grad=1)"


def test_neuron_with_tanh():
    # Karpathy's micrograd lecture: o = tanh(x1·w1 + x2·w2 + b). The bias is chosen so that
    # n = x1·w1 + x2·w2 + b = atanh(1/√2), so o = 1/√2 and do/dn = 1 - o² = 1/2 exactly.
    x1, x2 = Value(2.0, label="x1"), Value(0.0, label="x2")
    w1, w2 = Value(-3.0, label="w1"), Value(1.0, label="w2")
    b = Value(6.8813735870195432, label="b")
    n = x1 * w1 + x2 * w2 + b
    o = n.tanh()
    o.backward()
    assert o.data == pytest.approx(1 / math.sqrt(2), rel=1e-12)
    assert n.grad == pytest.approx(0.5, rel=1e-12)
    # Each weight's gradient is its input times do/dn, each input's is its weight times do/dn.
    assert w1.grad == pytest.approx(2.0 * 0.5, rel=1e-12)
    assert w2.grad == pytest.approx(0.0, abs=1e-15)
    assert x1.grad == pytest.approx(-3.0 * 0.5, rel=1e-12)
    assert x2.grad == pytest.approx(1.0 * 0.5, rel=1e-12)
    assert b.grad == pytest.approx(0.5, rel=1e-12)


def test_micrograd_sanity_check_expression():
    # micrograd's test_engine.py, with the numbers worked out by hand instead of by PyTorch.
    # z = 3x + 2 = -10; q = relu(z) + z·x = 0 + 40; h = relu(z²) = 100; y = h + q + q·x = -20.
    # With z < 0, q = (3x + 2)·x = 3x² + 2x, so
    # dy/dx = dh/dx + dq/dx + q + x·dq/dx = 6z + (6x + 2) + q + x(6x + 2) = -60 - 22 + 40 + 88 = 46.
    x = Value(-4.0)
    z = 2 * x + 2 + x
    q = z.relu() + z * x
    h = (z * z).relu()
    y = h + q + q * x
    y.backward()
    assert y.data == -20.0
    assert x.grad == 46.0


# ---------------------------------------------------------------------------------------------
# Every operation against centred finite differences
# ---------------------------------------------------------------------------------------------


def _sigmoid(x: float) -> float:
    return float(activations.sigmoid(x))


def _plus(a, b):
    return a + b


def _minus(a, b):
    return a - b


def _times(a, b):
    return a * b


def _divide(a, b):
    return a / b


def _power(a, n):
    return a**n


X = floats(-10, 10)  # the usual range of a Value or a constant


# name: (function of Values, the same on plain floats, strategies of the Values it
# differentiates, strategies of the plain-number constants passed after them)
OPERATIONS: dict[str, tuple[Callable[..., Value], Callable[..., float], list, list]] = {
    "a + b": (_plus, _plus, [X, X], []),
    "a - b": (_minus, _minus, [X, X], []),
    "a * b": (_times, _times, [X, X], []),
    "a / b": (_divide, _divide, [X, away_from_zero(0.5, 10)], []),
    "-a": (lambda a: -a, lambda a: -a, [X], []),
    "a + c": (_plus, _plus, [X], [X]),
    "c + a": (lambda a, c: c + a, lambda a, c: c + a, [X], [X]),
    "a - c": (_minus, _minus, [X], [X]),
    "c - a": (lambda a, c: c - a, lambda a, c: c - a, [X], [X]),
    "a * c": (_times, _times, [X], [X]),
    "c * a": (lambda a, c: c * a, lambda a, c: c * a, [X], [X]),
    "a / c": (_divide, _divide, [X], [away_from_zero(0.5, 10)]),
    "c / a": (lambda a, c: c / a, lambda a, c: c / a, [away_from_zero(0.5, 10)], [X]),
    "a ** float n": (_power, _power, [floats(0.2, 5)], [floats(-3, 3)]),
    "a ** int n": (_power, _power, [away_from_zero(0.2, 5)], [st.integers(-3, 4)]),
    "exp": (lambda a: a.exp(), math.exp, [X], []),
    "log": (lambda a: a.log(), math.log, [floats(0.1, 100)], []),
    "tanh": (lambda a: a.tanh(), math.tanh, [floats(-5, 5)], []),
    "sigmoid": (lambda a: a.sigmoid(), _sigmoid, [X], []),
    # Away from the kink at 0, where the derivative jumps and a centred difference straddles it.
    "relu": (lambda a: a.relu(), lambda a: max(a, 0.0), [away_from_zero(1e-3, 10)], []),
    # Compositions with forks: a and b are each used several times.
    "(a·b + a).tanh() · a / (1 + b²)": (
        lambda a, b: (a * b + a).tanh() * a / (1 + b**2),
        lambda a, b: math.tanh(a * b + a) * a / (1 + b**2),
        [floats(-3, 3), floats(-3, 3)],
        [],
    ),
    "σ(a)·log(1 + e^b) - relu(a - b)": (
        lambda a, b: a.sigmoid() * (1 + b.exp()).log() - (a - b).relu(),
        lambda a, b: _sigmoid(a) * math.log(1 + math.exp(b)) - max(a - b, 0.0),
        [floats(-5, 5), floats(-5, 5)],
        [],
    ),
}


@pytest.mark.parametrize("name", OPERATIONS)
@given(data=st.data())
@settings(max_examples=60, deadline=None)
def test_operation_value_and_gradient(name, data):
    """The forward value matches plain floats; the gradient matches centred differences."""
    f, reference, variable_strategies, constant_strategies = OPERATIONS[name]
    xs = [data.draw(s, label="variable") for s in variable_strategies]
    cs = [data.draw(s, label="constant") for s in constant_strategies]
    if "relu(a - b)" in name:
        assume(abs(xs[0] - xs[1]) > 1e-3)  # keep the finite difference off relu's kink

    out = f(*(Value(x) for x in xs), *cs)
    assert out.data == pytest.approx(reference(*xs, *cs), rel=1e-12, abs=1e-12)

    analytic = gradients(lambda *values: f(*values, *cs), *xs)
    numeric = numerical_gradient(lambda arr: f(*(Value(x) for x in arr), *cs).data, xs)
    np.testing.assert_allclose(analytic, numeric, rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize(
    ("method", "derivative"),
    [
        ("sigmoid", activations.sigmoid_derivative),
        ("tanh", activations.tanh_derivative),
        ("relu", activations.relu_derivative),
    ],
)
@pytest.mark.parametrize("z", [-1000.0, -40.0, -1.0, -1e-9, 0.0, 1e-9, 1.0, 40.0, 1000.0])
def test_activations_agree_with_the_package(method, derivative, z):
    """Same values and derivatives as neuronlab.activations, also far in the tails."""
    v = Value(z)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = getattr(v, method)()
        out.backward()
    assert out.data == pytest.approx(float(getattr(activations, method)(z)), rel=1e-14, abs=0)
    assert v.grad == pytest.approx(float(derivative(z)), rel=1e-14, abs=0)


def test_relu_derivative_at_zero_is_zero():
    x = Value(0.0)
    x.relu().backward()
    assert x.grad == 0.0


def test_extreme_inputs_do_not_overflow():
    assert Value(-1000.0).sigmoid().data == 0.0
    assert Value(1000.0).sigmoid().data == 1.0
    big = Value(1000.0)
    e = big.exp()
    e.backward()
    assert e.data == math.inf
    assert big.grad == math.inf


def test_nan_passes_through():
    for method in ("relu", "sigmoid", "tanh", "exp", "log"):
        assert math.isnan(getattr(Value(math.nan), method)().data), method


def test_power_edge_cases():
    x = Value(-2.0)
    (x**3).backward()
    assert x.grad == 12.0  # 3 · (-2)²
    x = Value(5.0)
    y = x**0
    y.backward()
    assert (y.data, x.grad) == (1.0, 0.0)
    x = Value(0.0)
    y = x**0.5
    y.backward()
    assert (y.data, x.grad) == (0.0, math.inf)  # √a is vertical at 0
    x = Value(0.0)
    y = x**0
    y.backward()
    assert (y.data, x.grad) == (1.0, 0.0)  # 0 ** 0 = 1, and a ** 0 is flat even at 0
    x = Value(0.0)
    y = x**1
    y.backward()
    assert (y.data, x.grad) == (0.0, 1.0)


def test_an_operation_written_by_hand_joins_the_graph():
    """Lesson 05 adds max (and exercise 5.7 softplus) as children plus a _backward closure."""

    def value_max(a: Value, b: Value) -> Value:
        out = Value(max(a.data, b.data), (a, b), "max")

        def _backward() -> None:
            winner = a if a.data >= b.data else b
            winner.grad += out.grad

        out._backward = _backward
        return out

    x, y = Value(3.0), Value(-2.0)
    f = value_max(x * 2, y) * x  # f = max(2x, y) · x = 2x² while 2x >= y
    f.backward()
    assert (f.data, x.grad, y.grad) == (18.0, 12.0, 0.0)
    f.backward()  # a hand-written operation is reset like the built-in ones
    assert (x.grad, y.grad) == (12.0, 0.0)


# ---------------------------------------------------------------------------------------------
# Forks: gradients add up
# ---------------------------------------------------------------------------------------------


@given(floats(-10, 10))
def test_gradients_add_at_forks(x0):
    x = Value(x0)
    (x * x).backward()
    assert x.grad == pytest.approx(2 * x0)

    x = Value(x0)
    (x + x).backward()
    assert x.grad == 2.0

    # y is used three times; x reaches the output along four paths.
    # f = y + y·y + x with y = 3x: df/dx = 3(1 + 2y) + 1.
    x = Value(x0)
    y = 3 * x
    f = y + y * y + x
    f.backward()
    assert y.grad == pytest.approx(1 + 2 * y.data)
    assert x.grad == pytest.approx(3 * (1 + 2 * y.data) + 1)


# ---------------------------------------------------------------------------------------------
# A second backward() starts afresh
# ---------------------------------------------------------------------------------------------


def test_second_backward_gives_the_same_grads():
    x, y, z = Value(-2.0), Value(5.0), Value(-4.0)
    q = x + y
    f = q * z
    f.backward()
    first = [v.grad for v in (x, y, z, q, f)]
    f.backward()
    assert [v.grad for v in (x, y, z, q, f)] == first == [-4.0, -4.0, 3.0, -4.0, 1.0]


def test_backward_clears_stale_grads():
    x = Value(3.0)
    f = x * x
    x.grad = 100.0  # left over from somewhere else
    f.grad = 7.0
    f.backward()
    assert (x.grad, f.grad) == (6.0, 1.0)


def test_backward_on_another_output_resets_shared_inputs():
    # The documented consequence: grads are those of the Value backward() was last called on.
    x = Value(2.0)
    f1 = x * x  # df1/dx = 4
    f2 = 3 * x  # df2/dx = 3
    f1.backward()
    f2.backward()
    assert x.grad == 3.0
    (f1 + f2).backward()  # the gradient of the sum
    assert x.grad == 7.0


def test_long_chain_does_not_hit_the_recursion_limit():
    xs = [Value(float(i)) for i in range(5000)]
    total = Value(0.0)
    for x in xs:
        total = total + x * 2
    total.backward()
    assert total.data == 2 * sum(range(5000))
    assert all(x.grad == 2.0 for x in xs)


# ---------------------------------------------------------------------------------------------
# The graph
# ---------------------------------------------------------------------------------------------


def test_trace_nodes_in_topological_order_and_edges_per_use():
    x, y = Value(2.0, label="x"), Value(3.0, label="y")
    s = x * x
    f = s + y
    nodes, edges = trace(f)
    assert len(nodes) == len({id(n) for n in nodes}) == 4
    assert nodes[-1] is f
    position = {id(n): i for i, n in enumerate(nodes)}
    for node in nodes:  # every node after its children
        assert all(position[id(c)] < position[id(node)] for c in node.children)
    assert [(c.label or c.op, p.op) for c, p in edges] == [
        ("x", "*"),
        ("x", "*"),
        ("*", "+"),
        ("y", "+"),
    ]
    assert (f.op, f.children) == ("+", (s, y))
    assert (x.op, x.children) == ("", ())


def test_trace_of_a_single_value():
    x = Value(1.0)
    assert trace(x) == ([x], [])


def test_draw_graph_shows_every_value_and_operation():
    from matplotlib.figure import Figure

    x, y, z = Value(-2.0, label="x"), Value(5.0, label="y"), Value(-4.0, label="z")
    f = (x + y) * z
    f.label = "f"
    f.backward()
    ax = Figure().subplots()
    assert draw_graph(f, ax=ax) is ax
    texts = [t.get_text() for t in ax.texts]
    for expected in (
        "x = -2\ngrad -4",
        "y = 5\ngrad -4",
        "z = -4\ngrad 3",
        "3\ngrad -4",
        "f = -12\ngrad 1",
        "+",
        "*",
    ):
        assert expected in texts
    nodes, edges = trace(f)
    operations = sum(1 for n in nodes if n.op)
    # annotate("") draws the arrows: one per edge, one from each operation to its result
    arrows = [t for t in ax.texts if t.get_text() == "" and getattr(t, "arrow_patch", None)]
    assert len(arrows) == len(edges) + operations


def test_draw_graph_makes_its_own_axes():
    import matplotlib.pyplot as plt

    x = Value(1.0, label="x")
    ax = draw_graph((x * x).tanh())
    try:
        assert any(t.get_text() == "tanh" for t in ax.texts)
    finally:
        plt.close(ax.figure)


# ---------------------------------------------------------------------------------------------
# Clear errors
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("bad", ["2.0", None, [1.0], 1 + 2j, True, np.array([1.0, 2.0])])
def test_value_refuses_non_numbers(bad):
    with pytest.raises(TypeError, match="real number") as info:
        Value(bad)
    assert type(bad).__name__ in str(info.value)


def test_value_of_a_value_says_so():
    with pytest.raises(TypeError, match="already a Value"):
        Value(Value(1.0))
    with pytest.raises(TypeError) as info:
        Value(2.0) + np.array([1.0])
    assert "'+' takes a number or another Value, but got ndarray" in str(info.value)
    assert "already a Value" not in str(info.value)  # the advice is for a Value only


def test_numpy_scalars_are_numbers():
    x = Value(np.float32(2.0))
    assert type(x.data) is float
    assert (np.float64(3.0) * x).data == 6.0
    assert (x - np.int64(1)).data == 1.0


@pytest.mark.parametrize(
    "operation",
    [
        lambda x: x + "1",
        lambda x: "1" + x,
        lambda x: x * "1",
        lambda x: "1" * x,
        lambda x: x - "1",
        lambda x: "1" - x,
        lambda x: x / "1",
        lambda x: "1" / x,
    ],
)
def test_operations_refuse_non_numbers(operation):
    with pytest.raises(TypeError, match=r"number or another Value, but got str '1'"):
        operation(Value(2.0))


def test_value_exponent_is_refused():
    x = Value(2.0)
    with pytest.raises(TypeError, match=r"constant exponent.*Value.*\.exp\(\)"):
        x ** Value(3.0)
    with pytest.raises(TypeError, match=r"constant exponent.*Value.*\.exp\(\)"):
        2.0**x
    with pytest.raises(TypeError, match=r"constant exponent.*str '3'"):
        x ** "3"
    with pytest.raises(TypeError, match=r"but got float 2\.0 \*\* Value\(data=2"):
        2.0**x  # the message shows the expression that was refused


@pytest.mark.parametrize("bad", [0.0, -1.0, -2.5])
def test_log_of_a_non_positive_number(bad):
    with pytest.raises(ValueError, match=re.escape(f"positive number, but got {bad:g}")):
        Value(bad).log()


def test_division_by_zero_and_impossible_powers():
    with pytest.raises(ZeroDivisionError, match="division by zero"):
        Value(1.0) / 0
    with pytest.raises(ZeroDivisionError, match="division by zero"):
        1.0 / Value(0.0)
    with pytest.raises(ZeroDivisionError, match="0 \\*\\* -1"):
        Value(0.0) ** -1
    with pytest.raises(ValueError, match="not a real number"):
        Value(-2.0) ** 0.5


def test_trace_refuses_non_values():
    with pytest.raises(TypeError, match=r"expects a Value, but got float 1\.0"):
        trace(1.0)


def test_repr():
    x = Value(2.0)
    assert repr(x) == "Value(data=2, grad=0)"
    y = x.sigmoid()
    y.backward()
    assert repr(y) == "Value(data=0.8808, grad=1)"
    assert repr(x) == "Value(data=2, grad=0.105)"
