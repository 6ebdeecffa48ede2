"""The activations: values, derivatives against centred differences, identities, edge cases."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from scipy.special import expit

from neuronlab import activations as act
from neuronlab.activations import ACTIVATIONS, get_activation
from neuronlab.gradcheck import numerical_derivative

EXTREMES = np.array([-np.inf, -1e308, -1000.0, -40.0, -1.0, 0.0, 1.0, 40.0, 1000.0, 1e308, np.inf])
EXTREMES_32 = np.array(
    [-np.inf, -3e38, -1000, -40, -1, 0, 1, 40, 1000, 3e38, np.inf], dtype=np.float32
)
KINKS = {"step": [0.0], "relu": [0.0], "leaky_relu": [0.0], "elu": [0.0]}
SMOOTH_GRID = np.concatenate([np.linspace(-8, 8, 161), [-3.3, -0.05, 0.05, 2.7]])


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_no_warning_and_finite_or_limit_at_extremes(name):
    a = ACTIVATIONS[name]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for z in (EXTREMES, EXTREMES_32):
            values, slopes = a(z), a.derivative(z)
            assert values.dtype == z.dtype
            assert slopes.dtype == z.dtype
            assert not np.any(np.isnan(values)), (name, values)
            assert not np.any(np.isnan(slopes)), (name, slopes)


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_nan_passes_through(name):
    a = ACTIVATIONS[name]
    z = np.array([np.nan, 1.0, np.nan])
    assert np.isnan(a(z)[[0, 2]]).all()
    assert np.isnan(a.derivative(z)[[0, 2]]).all()
    assert np.isfinite(a(z)[1])


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_shapes_are_kept_and_integers_become_float64(name):
    a = ACTIVATIONS[name]
    z = np.arange(-6, 6).reshape(3, 2, 2)
    assert a(z).shape == z.shape
    assert a(z).dtype == np.float64
    assert a.derivative(z).shape == z.shape


@pytest.mark.parametrize("name", sorted(set(ACTIVATIONS) - {"step"}))
def test_derivative_matches_centred_differences(name):
    a = ACTIVATIONS[name]
    z = SMOOTH_GRID[~np.isin(SMOOTH_GRID, KINKS.get(name, []))]
    z = z[np.abs(z) > 1e-3] if name in KINKS else z  # keep h = 1e-5 away from the kink
    numeric = numerical_derivative(a, z, h=1e-5)
    np.testing.assert_allclose(a.derivative(z), numeric, rtol=1e-6, atol=1e-8)


def test_step_values_and_zero_derivative():
    np.testing.assert_array_equal(act.step([-2.0, -1e-12, 0.0, 3.0]), [0.0, 0.0, 1.0, 1.0])
    np.testing.assert_array_equal(act.step_derivative([-2.0, 0.0, 3.0]), [0.0, 0.0, 0.0])


def test_sigmoid_matches_scipy_and_is_exact_in_the_tails():
    z = np.linspace(-700, 700, 20001)
    np.testing.assert_allclose(act.sigmoid(z), expit(z), rtol=1e-14, atol=0)
    assert act.sigmoid(-40.0) == pytest.approx(4.248354255291589e-18, rel=1e-14)
    assert act.sigmoid(-1000.0) == 0.0
    assert act.sigmoid(1000.0) == 1.0


@given(st.floats(-700, 700))
def test_sigmoid_symmetry(z):
    assert act.sigmoid(-z) == pytest.approx(1 - act.sigmoid(z), abs=1e-15)


def test_sigmoid_derivative_is_exact_in_both_tails():
    for z in (-40.0, 40.0, -700.0, 700.0):
        exact = np.exp(-abs(z)) / (1 + np.exp(-abs(z))) ** 2
        assert act.sigmoid_derivative(z) == pytest.approx(exact, rel=1e-13)
        assert act.sigmoid_derivative(z) > 0
    assert act.sigmoid_derivative(0.0) == 0.25


@given(arrays(np.float64, st.integers(1, 20), elements=st.floats(-30, 5)))
def test_sigmoid_derivative_from_output_agrees_with_sigmoid_derivative(z):
    # for large positive z, 1 - s cancels: the output form loses digits there (lesson 04 shows it)
    np.testing.assert_allclose(
        act.sigmoid_derivative_from_output(act.sigmoid(z)),
        act.sigmoid_derivative(z),
        rtol=1e-9,
        atol=1e-300,
    )


def test_sigmoid_derivative_from_output_refuses_a_net_input():
    with pytest.raises(ValueError, match=r"got 3\.0.*sigmoid_derivative\(z\)"):
        act.sigmoid_derivative_from_output(np.array([0.5, 3.0]))


@given(st.floats(-300, 300))
def test_tanh_is_a_rescaled_sigmoid(z):
    assert act.tanh(z) == pytest.approx(2 * act.sigmoid(2 * z) - 1, abs=1e-15)


def test_softplus_derivative_is_the_sigmoid_and_tail_is_kept():
    z = np.linspace(-50, 50, 1001)
    np.testing.assert_allclose(act.softplus_derivative(z), act.sigmoid(z))
    assert act.softplus(-40.0) == pytest.approx(4.248354255291589e-18, rel=1e-12)


def test_gelu_tanh_error_on_minus_six_to_six():
    z = np.linspace(-6, 6, 120001)
    largest = np.abs(act.gelu(z) - act.gelu_tanh(z)).max()
    assert 4.6e-4 < largest < 4.8e-4


def test_gelu_negative_tail_is_accurate():
    from math import erfc, sqrt

    for z in (-5.0, -10.0, -20.0):
        exact = z * 0.5 * erfc(-z / sqrt(2))
        assert act.gelu(z) == pytest.approx(exact, rel=1e-12)


def test_relu_convention_at_zero_and_leaky_slope():
    assert act.relu_derivative(0.0) == 0.0
    assert act.leaky_relu_derivative(0.0) == 0.01
    assert act.leaky_relu(-2.0, slope=0.3) == pytest.approx(-0.6)
    with pytest.raises(ValueError, match="slope must be >= 0"):
        act.leaky_relu(1.0, slope=-0.1)


def test_bad_input_gets_a_clear_error():
    with pytest.raises(TypeError, match=r"z must be a number.*'hello'"):
        act.sigmoid("hello")
    with pytest.raises(TypeError, match="complex"):
        act.relu(np.array([1 + 2j]))
    with pytest.raises(ValueError, match="unknown activation 'sigmod'; choose one of"):
        get_activation("sigmod")


def test_registry_objects_are_callable_with_derivative():
    sig = ACTIVATIONS["sigmoid"]
    assert sig(0.0) == 0.5
    assert sig.derivative(0.0) == 0.25
    assert get_activation(sig) is sig


@pytest.mark.parametrize(
    "name", [name for name, f in ACTIVATIONS.items() if f.derivative_from_output is not None]
)
def test_a_derivative_from_the_output_agrees_with_the_derivative_from_the_net_input(name):
    f = ACTIVATIONS[name]
    z = np.linspace(-30.0, 30.0, 601)
    np.testing.assert_allclose(f.derivative_at(z, f(z)), f.derivative(z), rtol=1e-6, atol=1e-15)
    np.testing.assert_allclose(
        f.derivative_from_output(f(z)), f.derivative(z), rtol=1e-6, atol=1e-15
    )


def test_activations_without_a_form_from_the_output_take_the_derivative_at_z():
    relu = ACTIVATIONS["relu"]
    z = np.array([-1.0, 2.0])
    assert relu.derivative_from_output is None
    np.testing.assert_array_equal(relu.derivative_at(z, np.array([99.0, 99.0])), [0.0, 1.0])
