"""The neuron, the perceptron, the gradient checker and the small data sets."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from neuronlab.datasets import logic_gate, separable_blobs, xor
from neuronlab.gradcheck import numerical_derivative, numerical_gradient, relative_error
from neuronlab.neuron import (
    net_input,
    neuron_output,
    perceptron_predict,
    perceptron_update,
    train_perceptron,
)


def test_net_input_by_hand():
    assert net_input([0.5, -1.2, 2.0], [0.8, 0.1, -0.4], 0.3) == pytest.approx(-0.22)


@given(
    arrays(
        np.float64, st.tuples(st.integers(1, 6), st.integers(1, 5)), elements=st.floats(-1e3, 1e3)
    ),
    st.floats(-10, 10),
)
def test_batch_net_input_equals_row_by_row(X, b):
    w = np.linspace(-1, 1, X.shape[1])
    rows = [net_input(x, w, b) for x in X]
    np.testing.assert_allclose(net_input(X, w, b), rows, rtol=1e-12, atol=1e-9)


def test_shape_mismatch_names_both_shapes():
    with pytest.raises(
        ValueError, match=r"weights w have shape \(3,\) but inputs x have shape \(4, 2\)"
    ):
        net_input(np.ones((4, 2)), np.ones(3), 0.0)
    with pytest.raises(ValueError, match=r"vector of shape \(n_features,\).*\(2, 2\)"):
        net_input(np.ones(2), np.ones((2, 2)), 0.0)
    with pytest.raises(TypeError, match="bias b must be a real number"):
        net_input(np.ones(2), np.ones(2), "1")


def test_neuron_output_uses_the_named_activation():
    X, _ = logic_gate("AND")
    np.testing.assert_array_equal(neuron_output(X, [1, 1], -1.5), [0, 0, 0, 1])
    np.testing.assert_allclose(neuron_output([0.0, 0.0], [1, 1], 0.0, "sigmoid"), 0.5)


@pytest.mark.parametrize(
    ("gate", "w", "b"),
    [("AND", [1, 1], -1.5), ("OR", [1, 1], -0.5), ("NAND", [-1, -1], 1.5), ("NOR", [-1, -1], 0.5)],
)
def test_hand_made_gates(gate, w, b):
    X, y = logic_gate(gate)
    np.testing.assert_array_equal(perceptron_predict(X, w, b), y)


def test_perceptron_update_moves_towards_a_missed_example_and_keeps_a_correct_one():
    w, b = perceptron_update([1.0, 1.0], 1, np.array([-0.5, 0.2]), -0.1)
    np.testing.assert_allclose(w, [0.5, 1.2])
    assert b == pytest.approx(0.9)
    w2, b2 = perceptron_update([1.0, 0.0], 0, np.array([-1.0, 1.0]), 0.0)
    np.testing.assert_array_equal(w2, [-1.0, 1.0])
    assert b2 == 0.0
    with pytest.raises(ValueError, match="target y must be 0 or 1"):
        perceptron_update([1.0, 0.0], 2, np.array([1.0, 1.0]), 0.0)


@pytest.mark.parametrize("gate", ["AND", "OR", "NAND", "NOR"])
def test_perceptron_converges_on_separable_gates(gate):
    X, y = logic_gate(gate)
    result = train_perceptron(X, y, max_epochs=50)
    assert result.converged
    assert result.mistakes_per_epoch[-1] == 0
    np.testing.assert_array_equal(perceptron_predict(X, result.weights, result.bias), y)


@pytest.mark.parametrize("seed", range(5))
def test_perceptron_converges_on_separable_blobs(seed):
    X, y = separable_blobs(60, seed=seed)
    result = train_perceptron(X, y, max_epochs=200)
    assert result.converged
    np.testing.assert_array_equal(perceptron_predict(X, result.weights, result.bias), y)


def test_perceptron_never_converges_on_xor():
    result = train_perceptron(*xor(), max_epochs=200)
    assert not result.converged
    assert min(result.mistakes_per_epoch) > 0
    assert "did not converge in 200 epochs" in str(result)


def test_train_perceptron_rejects_bad_labels_and_shapes():
    with pytest.raises(ValueError, match="must be 0 or 1"):
        train_perceptron(np.ones((3, 2)), np.array([0, 1, 2]))
    with pytest.raises(ValueError, match=r"X has shape \(3, 2\) and y \(2,\)"):
        train_perceptron(np.ones((3, 2)), np.array([0, 1]))


def test_separable_blobs_are_seeded_and_separable():
    X1, y1 = separable_blobs(40, seed=3)
    X2, _ = separable_blobs(40, seed=3)
    np.testing.assert_array_equal(X1, X2)
    assert not np.array_equal(X1, separable_blobs(40, seed=4)[0])
    side = X1.sum(axis=1) / np.sqrt(2)
    assert np.all((side > 0) == (y1 == 1))
    assert np.all(np.abs(side) > 0.5)


def test_unknown_gate_is_named():
    with pytest.raises(ValueError, match="unknown gate 'XNOR'"):
        logic_gate("XNOR")


def test_centred_differences_and_relative_error():
    z = np.linspace(-2, 2, 9)
    np.testing.assert_allclose(numerical_derivative(np.sin, z), np.cos(z), rtol=1e-9)
    x = np.array([[1.0, -2.0], [0.5, 3.0]])
    np.testing.assert_allclose(numerical_gradient(lambda v: np.sum(v**3), x), 3 * x**2, rtol=1e-8)
    assert relative_error([1.0, 0.0], [1.0, 0.0]) == 0.0
    assert relative_error([1.0], [1.1]) == pytest.approx(0.1 / 1.1)
    with pytest.raises(ValueError, match=r"a has \(2,\) and b has \(3,\)"):
        relative_error([1.0, 2.0], [1.0, 2.0, 3.0])
    with pytest.raises(ValueError, match="h must be positive"):
        numerical_derivative(np.sin, z, h=0.0)
