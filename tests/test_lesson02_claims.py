"""Claims of lesson 02 that its notebook states but does not print: every Boolean function of
two inputs is a network of NAND neurons, the perceptron demo needs several epochs, stacked
linear layers collapse into one, the threshold is the only dashed line of the step figure.
"""

from __future__ import annotations

import itertools

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest

from neuronlab.activations import step
from neuronlab.datasets import logic_gate, separable_blobs
from neuronlab.neuron import train_perceptron
from neuronlab.plotting import use_course_style
from neuronlab.widgets import draw_step_threshold

NAND_W, NAND_B = np.array([-1.0, -1.0]), 1.5


def nand(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """A NAND step neuron (lesson 02's weights) on two columns of 0/1 values."""
    return step(np.column_stack([a, b]) @ NAND_W + NAND_B)


def from_nands(table: tuple[int, int, int, int], a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Any two-input truth table, built only from NAND neurons (as a sum of products)."""

    def not_(x):
        return nand(x, x)

    def and_(x, y):
        return not_(nand(x, y))

    def or_(x, y):
        return nand(not_(x), not_(y))

    rows = [(0, 0), (0, 1), (1, 0), (1, 1)]
    out = and_(a, not_(a))  # always 0
    for (ra, rb), value in zip(rows, table, strict=True):
        if value:
            term = and_(a if ra else not_(a), b if rb else not_(b))
            out = or_(out, term)
    return out


@pytest.mark.parametrize("table", list(itertools.product([0, 1], repeat=4)))
def test_lesson02_every_two_input_boolean_function_is_a_network_of_nand_neurons(table):
    X, _ = logic_gate("AND")  # the four rows (0,0), (0,1), (1,0), (1,1)
    assert np.array_equal(from_nands(table, X[:, 0], X[:, 1]), np.array(table, dtype=float))


def test_lesson02_the_perceptron_demo_needs_several_epochs_and_converges():
    X, y = separable_blobs(n_samples=20, seed=6, margin=0.1)
    result = train_perceptron(X, y, learning_rate=0.1, max_epochs=50, w0=[-2.0, 1.0], b0=2.0)
    assert result.converged
    assert result.epochs >= 5
    assert sum(m > 0 for m in result.mistakes_per_epoch) >= 4
    assert np.all(step(X @ result.weights + result.bias) == y)


def test_lesson02_two_linear_layers_are_one_for_any_weights():
    rng = np.random.default_rng(0)
    for _ in range(20):
        X = rng.normal(size=(5, 2))
        W1, b1, W2, b2 = (rng.normal(size=s) for s in [(2, 3), 3, (3, 1), 1])
        assert np.allclose((X @ W1 + b1) @ W2 + b2, X @ (W1 @ W2) + (b1 @ W2 + b2))


def test_lesson02_the_threshold_is_the_only_dashed_line_of_the_step_figure():
    with plt.rc_context():  # the course style for this figure only
        use_course_style()  # its cycler gives each line a new style: the step's pieces opt out
        fig = draw_step_threshold(1.0)
    lines = [line for line in fig.axes[0].get_lines() if line.get_marker() in ("None", "", None)]
    dashed = [line for line in lines if line.get_linestyle() != "-"]
    plt.close(fig)
    assert len(lines) == 3  # the step's two flat pieces and the threshold
    assert len(dashed) == 1
    assert set(dashed[0].get_xdata()) == {1.0}  # the vertical line at θ
