"""The claims of lesson 07 that its outputs do not print, tested on the package: the learning
slowdown's factor 2a(1 - a), the cancellation δ = a - y for sigmoid + binary cross-entropy and
softmax + categorical cross-entropy (in the losses and inside MLP's backward pass), the stable
softmax, an epoch of mini-batches, and the lesson's explorer.
"""

from __future__ import annotations

import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from neuronlab.activations import sigmoid
from neuronlab.gradcheck import numerical_gradient, relative_error
from neuronlab.losses import (
    binary_cross_entropy_from_logits,
    categorical_cross_entropy_from_logits,
    log_softmax,
    one_hot,
    softmax,
)
from neuronlab.network import MLP
from neuronlab.widgets import draw_minibatch_training

LOGITS = st.floats(-30.0, 30.0, allow_nan=False)


# ---------------------------------------------------------------------------------------------
# The learning slowdown of a sigmoid output with the MSE
# ---------------------------------------------------------------------------------------------


def test_mse_error_is_at_most_half_the_cross_entropy_error_and_equal_halves_at_one_half():
    """'δ_MSE = 2a(1 - a) · δ_BCE, and 2a(1 - a) is at most 0.5 (at a = 0.5)': the reason the
    MSE gets twice the learning rate in the lesson's fair race.
    """
    a = np.linspace(0.0, 1.0, 100_001)
    factor = 2 * a * (1 - a)
    assert factor.max() == pytest.approx(0.5)
    assert a[np.argmax(factor)] == pytest.approx(0.5)
    for y in (0.0, 1.0):
        assert np.allclose(2 * (a - y) * a * (1 - a), factor * (a - y))


def test_the_lessons_ratios_of_costs_and_signals():
    """'the confident mistake costs 0.9801, less than four times what ... 0.5 would' and
    'a unit at 0.5 gets δ = 0.25 ... 0.001996, more than a hundred times less'.
    """
    assert 3 < (1 - 0.01) ** 2 / (1 - 0.5) ** 2 < 4
    delta = lambda a: 2 * a * a * (1 - a)  # noqa: E731  (label 0)
    assert delta(0.5) == 0.25
    assert delta(0.999) == pytest.approx(0.001996, abs=5e-7)
    assert delta(0.5) / delta(0.999) > 100


@settings(max_examples=60, deadline=None)
@given(arrays(np.float64, (5, 1), elements=LOGITS), arrays(np.float64, (5, 1), elements=st.sampled_from([0.0, 1.0])))  # fmt: skip
def test_binary_cross_entropy_from_logits_has_error_a_minus_y(z, y):
    """'δ = (a - y) / n' for a sigmoid output with the binary cross-entropy, at any logits."""
    numeric = numerical_gradient(lambda v: binary_cross_entropy_from_logits(v, y), z)
    assert np.allclose(numeric, (sigmoid(z) - y) / z.size, atol=1e-8)


@settings(max_examples=60, deadline=None)
@given(arrays(np.float64, (4, 3), elements=LOGITS), st.lists(st.integers(0, 2), min_size=4, max_size=4))  # fmt: skip
def test_softmax_cross_entropy_has_error_a_minus_y(z, labels):
    """'δ = (a - y) / m' for a softmax output with the categorical cross-entropy."""
    Y = one_hot(np.array(labels), 3)
    numeric = numerical_gradient(lambda v: categorical_cross_entropy_from_logits(v, Y), z)
    assert np.allclose(numeric, (softmax(z) - Y) / len(z), atol=1e-8)


@pytest.mark.parametrize(
    ("sizes", "activation", "loss", "y"),
    [
        ([3, 1], "sigmoid", "bce", np.array([1.0, 0.0, 1.0, 0.0, 0.0])),
        ([3, 4], "softmax", "cross_entropy", np.array([0, 3, 1, 1, 2])),
    ],
)
def test_mlp_starts_backprop_from_a_minus_y_for_the_matching_pairs(sizes, activation, loss, y):
    """'the package's MLP starts BP1 from δ^L = (a^L - y)/n and never multiplies by the
    output's σ'': with one layer, ∂C/∂b = Σ_samples δ^L.
    """
    X = np.random.default_rng(7).normal(scale=3.0, size=(5, 3))
    net = MLP(sizes, activation, seed=3)
    net.weights[0] *= 4  # large logits: a σ' left in δ^L would show
    cache = net.forward_with_cache(X)
    _, grads_b = net.backward(cache, y, loss)
    Y = y.reshape(-1, 1) if loss == "bce" else one_hot(y, sizes[-1])
    delta = (cache.output - Y) / (Y.size if loss == "bce" else len(Y))
    assert np.allclose(grads_b[0], delta.sum(axis=0))


# ---------------------------------------------------------------------------------------------
# The softmax and the log-softmax
# ---------------------------------------------------------------------------------------------


def test_softmax_and_log_softmax_are_finite_and_silent_at_large_logits():
    """'Subtract the row's largest logit m first ... nothing overflows, and the bottom is at
    least 1': no warning, rows sum to 1, and the log-softmax of [1000, 0] is [0, -1000].
    """
    z = np.array([[1000.0, 999.0, 998.0], [-1000.0, -1000.0, -1001.0], [0.0, -800.0, 5.0]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        p = softmax(z)
        log_p = log_softmax(np.array([[1000.0, 0.0]]))
    assert np.all(np.isfinite(p))
    assert np.allclose(p.sum(axis=1), 1.0)
    assert np.allclose(p[0], softmax(np.array([2.0, 1.0, 0.0])))  # 'same as for [2, 1, 0]'
    assert np.allclose(log_p, [[0.0, -1000.0]])


@settings(max_examples=50, deadline=None)
@given(st.floats(-30, 30), st.floats(-1e3, 1e3))
def test_two_class_softmax_is_the_sigmoid_and_a_shift_changes_nothing(z, c):
    """'With two classes and logits (z, 0), the softmax is the sigmoid' and 'adding the same
    number to every logit changes nothing'.
    """
    assert softmax(np.array([z, 0.0]))[0] == pytest.approx(float(sigmoid(z)), rel=1e-12, abs=1e-300)
    row = np.array([z, 0.5, -1.0])
    assert np.allclose(softmax(row + c), softmax(row), atol=1e-12)


def test_cross_entropy_of_two_classes_is_the_binary_cross_entropy():
    """'With K = 2 it is the binary cross-entropy again': logits (z, 0) for classes (1, 0)."""
    z = np.array([-3.0, -0.2, 0.7, 4.0])
    y = np.array([1.0, 0.0, 0.0, 1.0])
    two_class = np.column_stack([z, np.zeros_like(z)])
    ce = categorical_cross_entropy_from_logits(two_class, (1 - y).astype(int))
    assert ce == pytest.approx(binary_cross_entropy_from_logits(z, y), rel=1e-12)


# ---------------------------------------------------------------------------------------------
# Mini-batches
# ---------------------------------------------------------------------------------------------


def test_an_epoch_of_mini_batches_takes_ceil_n_over_b_steps_and_uses_each_sample_once():
    """'one pass over all the data is an epoch: ⌈n / b⌉ steps instead of 1' (20 for the lesson's
    200 points in batches of 10), each sample used once: counted inside MLP.train.
    """
    X = np.random.default_rng(0).normal(size=(23, 2))
    y = (X[:, 0] > 0).astype(float)
    for batch_size, steps in ((5, 5), (10, 3), (23, 1)):
        net = MLP([2, 1], "sigmoid", seed=0)
        seen = []
        original = net._backprop  # called once per step, with that step's mini-batch
        net._backprop = lambda cache, *rest, seen=seen, step=original: (
            seen.append(len(cache.a[0])),
            step(cache, *rest),
        )[1]
        net.train(X, y, epochs=1, learning_rate=0.1, batch_size=batch_size, loss="bce")
        assert len(seen) == steps
        assert sum(seen) == 23
    assert -(-200 // 10) == 20
    assert -(-200 // 30) == 7


def test_minibatch_gradients_average_to_the_full_gradient():
    """'right on average': every sample is equally likely to be drawn, and the mean of the
    single samples' gradients is exactly the full gradient.
    """
    X = np.random.default_rng(1).normal(size=(12, 2))
    y = (X[:, 0] * X[:, 1] > 0).astype(float)
    net = MLP([2, 3, 1], "sigmoid", seed=2)

    def gradient(rows):
        grads_W, grads_b = net.backward(net.forward_with_cache(X[rows]), y[rows], "bce")
        return np.concatenate([g.ravel() for g in grads_W + grads_b])

    full = gradient(np.arange(12))
    singles = np.mean([gradient(np.array([i])) for i in range(12)], axis=0)
    assert relative_error(singles, full) < 1e-12


# ---------------------------------------------------------------------------------------------
# The explorer
# ---------------------------------------------------------------------------------------------


def test_minibatch_drawing_compares_with_full_batch_and_checks_its_batch_size():
    fig = draw_minibatch_training(batch_size=20, learning_rate=1.0, epochs=20)
    left, right = fig.axes[:2]
    assert "10 step(s) per epoch" in left.get_title()
    assert [line.get_label() for line in left.get_lines()] == ["batches of 20", "full batch"]
    assert left.get_xlabel()
    assert left.get_ylabel()
    assert right.get_xlabel()
    assert "accuracy" in right.get_title()
    plt.close(fig)
    for bad in (0, 201, 2.5, True):
        with pytest.raises(ValueError, match="batch_size"):
            draw_minibatch_training(batch_size=bad)


def test_cross_entropy_from_logits_is_finite_where_the_sigmoid_rounds_to_0():
    """'At z = -800, σ(z) rounds to 0 in float64 and log 0 = -inf, yet log σ(z) = -log(1 + e^-z)
    is about -800': the binary cross-entropy of label 1 there is 800, with no warning.
    """
    assert sigmoid(np.array(-800.0)) == 0.0
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        cost = binary_cross_entropy_from_logits(np.array([-800.0]), np.array([1.0]))
    assert cost == pytest.approx(800.0)


def test_minibatch_explorer_has_two_labelled_sliders():
    """'The explorer trains the spiral network ... with the batch size and learning rate you
    choose': one slider for each, each with a label.
    """
    from ipywidgets import FloatLogSlider, IntSlider

    from neuronlab.widgets import minibatch_explorer

    controls = minibatch_explorer().widget.children
    sliders = {c.description: c for c in controls if isinstance(c, IntSlider | FloatLogSlider)}
    assert set(sliders) == {"batch size", "learning rate"}
    assert (sliders["batch size"].min, sliders["batch size"].max) == (1, 200)
    plt.close("all")


def test_a_right_prediction_in_7_6_is_explained_too(capsys):
    """7.6 shows its explanation with a right prediction as well as a wrong one, and accepts
    log 10 but not log 9 (nine classes) or a round 2.5.
    """
    from neuronlab.exercises import lesson07

    lesson07.ex7_6.check(lambda: 2.3)
    shown = capsys.readouterr().out
    assert "correct" in shown
    assert "Why: equal logits give every class the probability 1/10" in shown
    assert not lesson07.ex7_6.evaluate(lambda: float(np.log(9.0))).correct
    assert not lesson07.ex7_6.evaluate(lambda: 2.5).correct


def test_no_straight_line_separates_the_lessons_spirals():
    """'no straight line puts every point on its own side': no w, b with
    s_i (w · x_i + b) >= 1 for every point, s_i = ±1 its class (a linear programme, infeasible).
    """
    from scipy.optimize import linprog

    from neuronlab.datasets import spirals

    X, y = spirals(200, noise=0.05, seed=0, n_turns=0.5)
    sign = np.where(y == 1, 1.0, -1.0)
    rows = -sign[:, None] * np.column_stack([X, np.ones(len(X))])
    result = linprog(np.zeros(3), A_ub=rows, b_ub=-np.ones(len(X)), bounds=[(None, None)] * 3)
    assert result.status == 2  # infeasible
