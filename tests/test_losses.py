"""The losses: values, gradients against centred differences, stability, clear errors."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from neuronlab import losses as L
from neuronlab.activations import sigmoid
from neuronlab.gradcheck import numerical_gradient, relative_error

RNG = np.random.default_rng(1234)


def shapes(min_side: int = 1, max_side: int = 4) -> st.SearchStrategy[tuple[int, int]]:
    return st.tuples(st.integers(min_side, max_side), st.integers(min_side, max_side))


def pair(shape: tuple[int, ...], low: float, high: float, seed: int = 0):
    rng = np.random.default_rng(seed)
    return rng.uniform(low, high, size=shape), rng.integers(0, 2, size=shape).astype(float)


# ---------------------------------------------------------------------------------------------
# Mean squared error
# ---------------------------------------------------------------------------------------------


def test_mse_by_hand_has_no_half_factor():
    # errors 1 and 3: mean of 1 and 9 is 5; gradient 2 e / n = (1, 3)
    assert L.mean_squared_error([1.0, 3.0], [0.0, 0.0]) == 5.0
    np.testing.assert_array_equal(L.mean_squared_error_gradient([1.0, 3.0], [0.0, 0.0]), [1.0, 3.0])
    assert isinstance(L.mean_squared_error([1.0], [0.0]), float)


@settings(max_examples=40, deadline=None)
@given(shape=shapes(), seed=st.integers(0, 2**32 - 1))
def test_mse_gradient_matches_centred_differences(shape, seed):
    y_pred, _ = pair(shape, -3, 3, seed)
    y_true = np.random.default_rng(seed + 1).normal(size=shape)
    numeric = numerical_gradient(lambda p: L.mean_squared_error(p, y_true), y_pred)
    np.testing.assert_allclose(
        L.mean_squared_error_gradient(y_pred, y_true), numeric, rtol=1e-7, atol=1e-10
    )


# ---------------------------------------------------------------------------------------------
# Binary cross-entropy
# ---------------------------------------------------------------------------------------------


def test_bce_by_hand():
    # -log(0.8) for the first (y = 1, p = 0.8), -log(1 - 0.4) for the second
    expected = -(np.log(0.8) + np.log(0.6)) / 2
    assert L.binary_cross_entropy([0.8, 0.4], [1.0, 0.0]) == pytest.approx(expected, rel=1e-15)


def test_bce_from_probabilities_gradient_matches_centred_differences():
    p, y = pair((5, 3), 0.05, 0.95, seed=3)
    numeric = numerical_gradient(lambda q: L.binary_cross_entropy(q, y), p, h=1e-6)
    assert relative_error(L.binary_cross_entropy_gradient(p, y), numeric) < 1e-7


@settings(max_examples=40, deadline=None)
@given(shape=shapes(), seed=st.integers(0, 2**32 - 1))
def test_bce_from_logits_gradient_matches_centred_differences(shape, seed):
    z, y = pair(shape, -6, 6, seed)
    numeric = numerical_gradient(lambda v: L.binary_cross_entropy_from_logits(v, y), z)
    analytic = L.binary_cross_entropy_from_logits_gradient(z, y)
    np.testing.assert_allclose(analytic, numeric, rtol=1e-6, atol=1e-10)


def test_bce_from_logits_gradient_is_prediction_minus_target_over_n():
    z, y = pair((4, 2), -5, 5, seed=4)
    np.testing.assert_allclose(
        L.binary_cross_entropy_from_logits_gradient(z, y), (sigmoid(z) - y) / 8, rtol=1e-15
    )


@given(
    z=arrays(np.float64, st.integers(1, 10), elements=st.floats(-20, 20)), seed=st.integers(0, 9)
)
def test_bce_from_logits_agrees_with_bce_from_probabilities(z, seed):
    y = np.random.default_rng(seed).integers(0, 2, size=z.shape).astype(float)
    assert L.binary_cross_entropy_from_logits(z, y) == pytest.approx(
        L.binary_cross_entropy(sigmoid(z), y), rel=1e-8, abs=1e-12
    )
    np.testing.assert_allclose(
        L.binary_cross_entropy_from_logits_gradient(z, y),
        L.binary_cross_entropy_gradient(sigmoid(z), y) * sigmoid(z) * (1 - sigmoid(z)),
        rtol=1e-7,
        atol=1e-15,
    )


def test_bce_from_logits_is_exact_and_silent_at_1000():
    z = np.array([1000.0, 1000.0, -1000.0, -1000.0])
    y = np.array([1.0, 0.0, 1.0, 0.0])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        # per entry: 0, 1000, 1000, 0
        assert L.binary_cross_entropy_from_logits(z, y) == 500.0
        gradient = L.binary_cross_entropy_from_logits_gradient(z, y)
    np.testing.assert_array_equal(gradient, np.array([0.0, 1.0, -1.0, 0.0]) / 4)


def test_bce_from_probabilities_clips_0_and_1_to_eps():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        worst = L.binary_cross_entropy([0.0, 1.0], [1.0, 0.0])
        gradient = L.binary_cross_entropy_gradient([0.0, 1.0], [1.0, 0.0])
    assert worst == pytest.approx(-np.log(L.EPSILON))
    assert np.all(np.isfinite(gradient))
    assert L.binary_cross_entropy([0.0], [1.0], eps=1e-3) == pytest.approx(-np.log(1e-3))
    with pytest.raises(ValueError, match="eps"):
        L.binary_cross_entropy([0.5], [1.0], eps=0.0)


# ---------------------------------------------------------------------------------------------
# Softmax and categorical cross-entropy
# ---------------------------------------------------------------------------------------------


@given(z=arrays(np.float64, shapes(1, 5), elements=st.floats(-50, 50)))
def test_softmax_rows_are_distributions_and_ignore_shifts(z):
    s = L.softmax(z)
    assert np.all(s >= 0)
    np.testing.assert_allclose(s.sum(axis=1), 1.0, rtol=1e-12)
    np.testing.assert_allclose(L.softmax(z + 7.5), s, rtol=1e-9, atol=1e-300)
    np.testing.assert_allclose(np.exp(L.log_softmax(z)), s, rtol=1e-9, atol=1e-300)


def test_softmax_matches_the_textbook_formula_and_survives_1000():
    z = np.array([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0]])
    naive = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    np.testing.assert_allclose(L.softmax(z), naive, rtol=1e-15)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        big = L.softmax(np.array([[1000.0, 0.0, -1000.0], [1000.0, 1000.0, -1000.0]]))
        far = L.softmax(np.array([1e308, -1e308]))
    np.testing.assert_array_equal(big, [[1.0, 0.0, 0.0], [0.5, 0.5, 0.0]])
    np.testing.assert_array_equal(far, [1.0, 0.0])


def test_categorical_cross_entropy_by_hand_with_labels_and_one_hot():
    z = np.array([[2.0, 1.0, 0.1], [0.5, 2.5, 0.0]])
    labels = np.array([0, 2])
    p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    expected = -(np.log(p[0, 0]) + np.log(p[1, 2])) / 2  # mean over the 2 samples
    assert L.categorical_cross_entropy_from_logits(z, labels) == pytest.approx(expected, rel=1e-14)
    one_hot = L.one_hot(labels, 3)
    np.testing.assert_array_equal(one_hot, [[1, 0, 0], [0, 0, 1]])
    assert L.categorical_cross_entropy_from_logits(z, one_hot) == pytest.approx(expected, rel=1e-14)
    assert L.categorical_cross_entropy(p, labels) == pytest.approx(expected, rel=1e-12)


def test_categorical_cross_entropy_of_one_sample_vector():
    z = np.array([0.3, -1.2, 2.0])
    assert L.categorical_cross_entropy_from_logits(z, 2) == pytest.approx(
        L.categorical_cross_entropy_from_logits(z[None, :], [2]), rel=1e-15
    )


@settings(max_examples=40, deadline=None)
@given(shape=shapes(1, 4).filter(lambda s: s[1] >= 2), seed=st.integers(0, 2**32 - 1))
def test_categorical_cross_entropy_gradient_matches_centred_differences(shape, seed):
    rng = np.random.default_rng(seed)
    z = rng.uniform(-5, 5, size=shape)
    labels = rng.integers(0, shape[1], size=shape[0])
    numeric = numerical_gradient(lambda v: L.categorical_cross_entropy_from_logits(v, labels), z)
    analytic = L.categorical_cross_entropy_from_logits_gradient(z, labels)
    np.testing.assert_allclose(analytic, numeric, rtol=1e-6, atol=1e-10)
    expected = (L.softmax(z) - L.one_hot(labels, shape[1])) / shape[0]
    np.testing.assert_allclose(analytic, expected, rtol=1e-14, atol=1e-17)


def test_categorical_cross_entropy_from_probabilities_gradient_matches_centred_differences():
    p = RNG.uniform(0.1, 0.9, size=(3, 4))  # any positive p: the loss is a function of each p_ik
    labels = np.array([0, 3, 1])
    numeric = numerical_gradient(lambda q: L.categorical_cross_entropy(q, labels), p, h=1e-6)
    assert relative_error(L.categorical_cross_entropy_gradient(p, labels), numeric) < 1e-7


def test_categorical_cross_entropy_from_logits_is_exact_and_silent_at_1000():
    z = np.array([[1000.0, -1000.0, 0.0], [1000.0, -1000.0, 0.0]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        loss = L.categorical_cross_entropy_from_logits(z, [0, 1])  # 0 and 2000
        gradient = L.categorical_cross_entropy_from_logits_gradient(z, [0, 1])
    assert loss == 1000.0
    np.testing.assert_array_equal(gradient, [[0.0, 0.0, 0.0], [0.5, -0.5, 0.0]])


# ---------------------------------------------------------------------------------------------
# Clear errors
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "loss",
    [
        L.mean_squared_error,
        L.mean_squared_error_gradient,
        L.binary_cross_entropy,
        L.binary_cross_entropy_gradient,
        L.binary_cross_entropy_from_logits,
        L.binary_cross_entropy_from_logits_gradient,
    ],
)
def test_shape_mismatch_names_both_shapes(loss):
    # (4, 1) against (4,) would silently broadcast to a (4, 4) table
    with pytest.raises(ValueError, match=r"\(4, 1\).*\(4,\)"):
        loss(np.zeros((4, 1)), np.zeros(4))


def test_categorical_errors_name_shapes_and_labels():
    z = np.zeros((3, 4))
    with pytest.raises(ValueError, match=r"\(3, 4\).*\(2,\)"):
        L.categorical_cross_entropy_from_logits(z, [0, 1])
    with pytest.raises(ValueError, match="from 0 to 3, but got 4"):
        L.categorical_cross_entropy_from_logits(z, [0, 1, 4])
    with pytest.raises(ValueError, match="sum to 1"):
        L.categorical_cross_entropy_from_logits(z, np.ones((3, 4)))
    with pytest.raises(ValueError, match=r"\(2, 2, 2\)"):
        L.softmax(np.zeros((2, 2, 2)))
    with pytest.raises(ValueError, match="whole numbers"):
        L.one_hot([0.5], 2)


def test_empty_and_non_numeric_inputs_are_refused():
    with pytest.raises(ValueError, match="empty"):
        L.mean_squared_error([], [])
    with pytest.raises(TypeError, match="y_pred"):
        L.mean_squared_error(["a"], [1.0])


# ---------------------------------------------------------------------------------------------
# The registry
# ---------------------------------------------------------------------------------------------

OUTPUTS = {"sigmoid": sigmoid, "softmax": L.softmax}


def registry_case(name: str, seed: int = 0):
    """Logits, the paired output a = f(z) (sigmoid when the loss pairs with none) and targets."""
    rng = np.random.default_rng(seed)
    z = rng.normal(size=(5, 3))
    f = OUTPUTS[L.LOSSES[name].output_activation or "sigmoid"]
    y = (
        L.one_hot(rng.integers(0, 3, size=5), 3)
        if name == "cross_entropy"
        else rng.integers(0, 2, size=(5, 3)).astype(float)
    )
    return z, f(z), y


def test_registry_names_every_loss_and_its_pairing():
    assert list(L.LOSSES) == ["mse", "bce", "cross_entropy"]
    assert {name: loss.output_activation for name, loss in L.LOSSES.items()} == {
        "mse": None,
        "bce": "sigmoid",
        "cross_entropy": "softmax",
    }
    assert L.get_loss("bce") is L.LOSSES["bce"]
    assert L.get_loss(L.LOSSES["mse"]) is L.LOSSES["mse"]
    with pytest.raises(ValueError, match="unknown loss 'hinge'; choose one of: mse, bce"):
        L.get_loss("hinge")


@pytest.mark.parametrize("name", ["mse", "bce", "cross_entropy"])
def test_registry_gradient_matches_centred_differences_of_its_value(name):
    loss = L.LOSSES[name]
    _, a, y = registry_case(name)
    numeric = numerical_gradient(lambda p: loss(p, y), a)
    assert relative_error(loss.gradient(a, y), numeric) < 1e-7


@pytest.mark.parametrize("name", ["bce", "cross_entropy"])
def test_registry_value_from_logits_equals_the_value_of_the_paired_output(name):
    loss = L.LOSSES[name]
    z, a, y = registry_case(name, seed=1)
    assert loss.value_from_logits(z, y) == pytest.approx(loss.value(a, y), rel=1e-12)
    assert loss.value_at(z, a, y) == loss.value_from_logits(z, y)


@pytest.mark.parametrize("name", ["bce", "cross_entropy"])
def test_registry_output_error_is_the_gradient_with_respect_to_the_logits(name):
    """δ_L = a - y (over n) is ∂C/∂z, checked by finite differences through the activation."""
    loss = L.LOSSES[name]
    f = OUTPUTS[loss.output_activation]
    z, a, y = registry_case(name, seed=2)
    numeric = numerical_gradient(lambda logits: loss(f(logits), y), z)
    assert relative_error(loss.output_error(a, y), numeric) < 1e-6


def test_mse_has_no_pairing_and_takes_its_value_from_the_output():
    loss = L.LOSSES["mse"]
    z, a, y = registry_case("mse")
    assert loss.output_error is None
    assert loss.value_from_logits is None
    assert loss.value_at(z, a, y) == L.mean_squared_error(a, y)
