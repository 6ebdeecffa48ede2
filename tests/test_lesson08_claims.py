"""The claims of lesson 08 (the activation zoo), tested on the package.

- tanh is a stretched sigmoid, and both saturate: at z = 3 the sigmoid's slope is 0.045 (18% of
  its peak 0.25) and tanh's 0.0099 (1% of its peak 1);
- with positive inputs (sigmoid outputs), one example gives every weight of a neuron a gradient
  of the same sign; a mini-batch's summed gradient can have mixed signs;
- tanh is 4 times as steep as the sigmoid at z = 0;
- the normal draws follow the bell curve φ: the fraction in [0, 0.1) is about φ(0) · 0.1;
- SiLU dips to -0.278 at z = -1.28 and its slope reaches 1.10; at z = 3 GELU is 0.004 below
  ReLU, SiLU 0.14;
- GELU's tanh approximation is off by at most 4.7e-4 on [-6, 6], z σ(1.702 z) about 40 times
  more.

(The cost of each activation next to a layer's matrix product is a timing: it is measured by
``make bench``, entries ``activation_cost_*`` (f(z) and f'(z), both from z, against one product
A @ W), never asserted in a test.)
"""

from __future__ import annotations

import numpy as np
import pytest

from neuronlab.activations import (
    gelu,
    gelu_tanh,
    sigmoid,
    sigmoid_derivative,
    silu,
    silu_derivative,
    tanh,
    tanh_derivative,
)


def test_tanh_is_a_stretched_sigmoid():
    z = np.linspace(-10, 10, 2001)
    np.testing.assert_allclose(tanh(z), 2 * sigmoid(2 * z) - 1, rtol=0, atol=1e-12)


def test_both_slopes_have_fallen_far_at_three():
    assert round(float(sigmoid_derivative(3.0)), 3) == 0.045
    assert round(float(sigmoid_derivative(3.0)) / 0.25, 2) == 0.18
    assert round(float(tanh_derivative(3.0)), 4) == 0.0099
    assert round(float(tanh_derivative(3.0)), 2) == 0.01  # 1% of tanh's peak slope, 1
    assert tanh_derivative(3.0) / 1.0 < sigmoid_derivative(3.0) / 0.25  # tanh saturates sooner


def test_one_example_gives_same_sign_gradients_a_batch_need_not():
    rng = np.random.default_rng(0)
    inputs = sigmoid(rng.normal(size=(2, 5)))  # two examples, five positive inputs each
    deltas = np.array([1.0, -1.5])  # the neuron's error signal on each example
    one_example = deltas[0] * inputs[0]  # ∂C/∂w_i = δ a_i
    assert np.all(one_example > 0) or np.all(one_example < 0)
    batch = deltas @ inputs  # Σ over examples of δ a_i
    assert np.any(batch > 0), batch
    assert np.any(batch < 0), batch


def test_silu_dips_below_zero_and_its_slope_exceeds_one():
    z = np.linspace(-5, 0, 50_001)
    lowest = np.argmin(silu(z))
    assert round(float(silu(z[lowest])), 3) == -0.278
    assert round(float(z[lowest]), 2) == -1.28
    assert round(float(silu_derivative(np.linspace(0, 6, 60_001)).max()), 2) == 1.10


def test_the_tanh_approximation_of_gelu_and_the_cheaper_one():
    z = np.linspace(-6, 6, 120_001)
    error = np.abs(gelu(z) - gelu_tanh(z))
    assert float(f"{error.max():.1e}") == 4.7e-4
    assert abs(z[np.argmax(error)]) == pytest.approx(2.7, abs=0.05)
    cheaper = np.abs(gelu(z) - z * sigmoid(1.702 * z)).max()
    assert cheaper / error.max() == pytest.approx(40, rel=0.15)


def test_tanh_is_four_times_as_steep_at_zero():
    assert tanh_derivative(0.0) / sigmoid_derivative(0.0) == pytest.approx(4.0)


def test_the_normal_draws_follow_the_bell_curve():
    # Φ(h) - Φ(0), the fraction of the draws in [0, h), is about φ(0) h: Φ's slope is φ
    z = np.random.default_rng(7).normal(size=100_000)
    inside = np.mean((z >= 0.0) & (z < 0.1))
    assert inside == pytest.approx(0.1 / np.sqrt(2 * np.pi), rel=0.05)


def test_gelu_hugs_relu_sooner_than_silu():
    # at z = 3: ReLU - GELU = 0.004, ReLU - SiLU = 0.14
    assert round(3.0 - float(gelu(3.0)), 3) == 0.004
    assert round(3.0 - float(silu(3.0)), 2) == 0.14
    z = np.linspace(3.0, 6.0, 301)
    assert np.all(z - gelu(z) < z - silu(z))
