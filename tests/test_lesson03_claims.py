"""Claims of lesson 03 that its notebook states but does not print: the typed formula overflows
from -710 in float64 and -89 in float32, float64's "about 16 significant digits", the step
neuron's perfect range of w1 on AND, the sigmoid's change per nudge of 0.01.
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from neuronlab.activations import sigmoid, step
from neuronlab.datasets import logic_gate


def typed_sigmoid(z):
    return 1 / (1 + np.exp(-z))


def overflows(z, dtype) -> bool:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        typed_sigmoid(np.array(z, dtype=dtype))
    return any("overflow" in str(w.message) for w in caught)


def test_lesson03_the_typed_formula_overflows_from_minus_710_in_float64_and_minus_89_in_float32():
    assert overflows(-710.0, np.float64)
    assert not overflows(-709.0, np.float64)
    assert overflows(-89.0, np.float32)
    assert not overflows(-88.0, np.float32)


def test_lesson03_float64_has_about_16_significant_digits_and_1_minus_4e_18_needs_18():
    assert round(np.finfo(np.float64).nmant * np.log10(2) + np.log10(2)) == 16  # 53 bits
    tiny = float(sigmoid(-40.0))
    assert f"{tiny:.1e}" == "4.2e-18"
    assert -np.floor(np.log10(tiny)) == 18  # 1 - tiny differs from 1 in the 18th digit
    assert 1.0 - tiny == 1.0  # the subtraction loses it: 18 digits would be needed


def test_lesson03_the_step_neuron_is_perfect_on_and_exactly_for_w1_from_0_5_to_1_5():
    X, y = logic_gate("AND")
    w1 = np.linspace(-1, 3, 4001)
    Z = X[:, [0]] * w1 + X[:, [1]] * 1.0 - 1.5
    perfect = w1[np.all(step(Z) == y[:, None], axis=0)]
    assert perfect.min() == pytest.approx(0.5)
    assert perfect.max() == pytest.approx(1.5, abs=1e-3)
    assert not np.all(step(X @ np.array([1.5, 1.0]) - 1.5) == y)  # 1.5 itself is outside


def test_lesson03_the_sigmoid_moves_by_0_0025_per_nudge_of_0_01_near_0():
    assert f"{sigmoid(0.01) - sigmoid(0.0):.4f}" == "0.0025"


def test_lesson03_scipys_expit_differs_from_ours_at_most_in_the_16th_significant_digit():
    from scipy.special import expit

    rng = np.random.default_rng(3)
    z = rng.normal(scale=20, size=1000)
    ours, theirs = sigmoid(z), expit(z)
    relative = np.abs(ours - theirs) / theirs
    assert 0 < relative.max() < 1e-15  # they differ, and only in the 16th significant digit


def test_lesson03_float32_has_about_7_significant_digits_and_expit_differs_in_the_7th():
    from scipy.special import expit

    assert round(np.finfo(np.float32).nmant * np.log10(2) + np.log10(2)) == 7  # 24 bits
    rng = np.random.default_rng(3)
    z = rng.normal(scale=20, size=1000).astype(np.float32)
    ours, theirs = sigmoid(z), expit(z)
    relative = np.abs(ours - theirs) / theirs
    assert 1e-8 < relative.max() < 1e-6  # they differ, and only around the 7th significant digit


def test_lesson03_expit_returns_0_between_minus_745_and_minus_710_like_the_typed_formula():
    from scipy.special import expit

    z = np.linspace(-744.0, -710.0, 3401)
    assert np.all(sigmoid(z) > 0.0)  # representable: the true value is a tiny float64
    assert np.all(expit(z) == 0.0)
    with np.errstate(over="ignore"):
        assert np.all(typed_sigmoid(z) == 0.0)
    assert f"{float(sigmoid(-720.0)):.1e}" == "2.0e-313"
    assert float(sigmoid(-744.0)) > 0.0  # still a float64 at -744
    assert float(sigmoid(-746.0)) == 0.0  # below the smallest float64 from about -745 on
