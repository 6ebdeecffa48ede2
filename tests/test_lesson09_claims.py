"""The claims of lesson 09, tested on the package: the 0.25^L bound through sigmoid chains,
vanishing gradients and saturation in deep sigmoid networks, Xavier and He keeping the signal's
variance, dying ReLUs at large learning rates, and the lesson's explorer.

(The sample variances of the initialisers against their formulas are in test_network.py.)
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from neuronlab.activations import sigmoid, sigmoid_derivative
from neuronlab.datasets import spirals
from neuronlab.experiments import deep_network_statistics
from neuronlab.network import MLP, he_normal, xavier_uniform
from neuronlab.widgets import draw_gradient_norms


def chain(x, weights, biases):
    """A chain of sigmoid neurons ``a_l = σ(w_l a_(l-1) + b_l)`` from ``a_0 = x``: its output
    and its derivative ``da_L/dx = Π w_l σ'(z_l)``, accumulated along the way.
    """
    a, derivative = np.asarray(x, dtype=float), 1.0
    for w, b in zip(weights, biases, strict=True):
        z = w * a + b
        derivative = derivative * w * sigmoid_derivative(z)
        a = sigmoid(z)
    return a, derivative


def chain_derivative_by_backprop(x, weights, biases):
    """``da_L/dx`` from the package's backpropagation, through a network of one unit per layer.

    With a single sample and loss (a_L - y)², ∂Loss/∂b_0 = 2 (a_L - y) ∂a_L/∂z_0, and
    ∂a_L/dx = w_0 ∂a_L/∂z_0 since z_0 = w_0 x + b_0.
    """
    depth = len(weights)
    net = MLP([1] * (depth + 1), "sigmoid", init="normal", seed=0)
    for layer in range(depth):
        net.weights[layer][:] = weights[layer]
        net.biases[layer][:] = biases[layer]
    X, y = np.array([[x]]), np.array([-1.0])  # a_L - y >= 1: no division by a tiny number
    cache = net.forward_with_cache(X)
    _, grads_b = net.backward(cache, y, "mse")
    return weights[0] * grads_b[0][0] / (2 * (cache.output[0, 0] - y[0]))


# ---------------------------------------------------------------------------------------------
# The 0.25^L bound
# ---------------------------------------------------------------------------------------------

inputs = st.floats(-30.0, 30.0, allow_nan=False)
depths = st.integers(1, 25)


@settings(max_examples=200, deadline=None)
@given(x=inputs, depth=depths, data=st.data())
def test_a_chain_of_sigmoids_with_unit_weights_has_derivative_at_most_a_quarter_to_the_L(
    x, depth, data
):
    biases = data.draw(st.lists(st.floats(-5.0, 5.0), min_size=depth, max_size=depth))
    _, derivative = chain(x, [1.0] * depth, biases)
    assert 0.0 <= derivative <= 0.25**depth * (1 + 1e-12)


@settings(max_examples=100, deadline=None)
@given(x=st.floats(-5.0, 5.0), data=st.data())
def test_with_weights_the_bound_is_the_product_of_the_weights_over_four(x, data):
    weights = data.draw(st.lists(st.floats(-6.0, 6.0), min_size=1, max_size=12))
    biases = data.draw(st.lists(st.floats(-3.0, 3.0), min_size=len(weights), max_size=len(weights)))
    _, derivative = chain(x, weights, biases)
    assert abs(derivative) <= np.prod(np.abs(weights) / 4) * (1 + 1e-12)


@settings(max_examples=60, deadline=None)
@given(x=st.floats(-4.0, 4.0), depth=st.integers(1, 12), data=st.data())
def test_the_chain_derivative_is_what_backpropagation_computes(x, depth, data):
    # The network takes σ' as a (1 - a) from its outputs, which loses relative precision
    # eps / (1 - a) in the tail; with |z| <= 14 here, that is at most 2e-10 per layer.
    weights = data.draw(st.lists(st.floats(-3.0, 3.0), min_size=depth, max_size=depth))
    biases = data.draw(st.lists(st.floats(-2.0, 2.0), min_size=depth, max_size=depth))
    _, derivative = chain(x, weights, biases)
    by_backprop = chain_derivative_by_backprop(x, weights, biases)
    assert by_backprop == pytest.approx(derivative, rel=1e-8, abs=1e-300)


@pytest.mark.parametrize("depth", [1, 2, 5, 10])
def test_the_chain_derivative_matches_centred_differences(depth):
    x, h = np.linspace(-4, 4, 17), 1e-5
    _, derivative = chain(x, [1.0] * depth, [0.0] * depth)
    difference = (
        chain(x + h, [1.0] * depth, [0.0] * depth)[0]
        - chain(x - h, [1.0] * depth, [0.0] * depth)[0]
    ) / (2 * h)
    # the difference of two outputs near 0.7 carries a round-off of about 1e-16 / h = 1e-11,
    # large next to derivatives of 1e-7 (depth 10): hence the absolute tolerance
    np.testing.assert_allclose(derivative, difference, rtol=1e-6, atol=1e-10)


def test_only_the_first_neuron_reaches_the_bound():
    x = np.linspace(-10, 10, 2001)
    assert chain(x, [1.0], [0.0])[1].max() == 0.25  # at x = 0
    for depth in range(2, 21):
        largest = chain(x, [1.0] * depth, [0.0] * depth)[1].max()
        assert largest < 0.95 * 0.25**depth  # the next inputs are σ(...) > 0, off the peak
    # at depth 20 the true derivative is about 7 times below the bound (the lesson prints it)
    assert chain(x, [1.0] * 20, [0.0] * 20)[1].max() < 0.25**20 / 7


# ---------------------------------------------------------------------------------------------
# Deep networks: the lesson's set-up (10 layers of weights, 32 units, 256 inputs, seeded)
# ---------------------------------------------------------------------------------------------

_rng = np.random.default_rng(0)
X_DEEP = _rng.normal(size=(256, 32))
Y_DEEP = (X_DEEP[:, 0] * X_DEEP[:, 1] > 0).astype(float)


def deep_network(activation, init, depth=10, width=32, seed=0):
    activations = [activation] * (depth - 1) + ["sigmoid"]
    return MLP([width] * depth + [1], activations, init=init, seed=seed)


def norms(activation, init, seed=0):
    return np.array(deep_network(activation, init, seed=seed).gradient_norms(X_DEEP, Y_DEEP, "bce"))


def test_the_lessons_sigmoid_network_has_a_vanishing_gradient_and_the_others_do_not():
    sigmoid_norms = norms("sigmoid", "normal")
    assert sigmoid_norms[0] < sigmoid_norms[-1] / 100  # "hundreds of times smaller"
    assert np.all(np.diff(sigmoid_norms) > 0)  # shrinking at every step towards the input
    for activation, init, spread in (("tanh", "xavier", 2.57), ("relu", "he", 5.7)):
        layer_norms = norms(activation, init)
        assert layer_norms.max() / layer_norms.min() == pytest.approx(spread, abs=0.05)


@pytest.mark.parametrize("seed", range(3))
def test_tanh_with_normal_weights_explodes(seed):
    # the lesson's seed 0 gives layer 1 a gradient 86.6 times layer 10's; seeds 1, 2: 91 and 88
    layer_norms = norms("tanh", "normal", seed)
    assert layer_norms[0] / layer_norms[-1] > 30
    assert np.all(layer_norms[:-2] > layer_norms[1:-1])  # growing at every step towards layer 1


# ---------------------------------------------------------------------------------------------
# The trade-off in |w σ'(w a + b)|, and an exploding sigmoid chain
# ---------------------------------------------------------------------------------------------


def test_with_input_one_and_no_bias_no_weight_lifts_the_factor_above_0_224():
    w = np.linspace(-40, 40, 400_001)
    factor = np.abs(w * sigmoid_derivative(w))
    assert round(float(factor.max()), 3) == 0.224
    assert round(float(abs(w[np.argmax(factor)])), 2) == 1.54


def test_a_chain_tuned_to_its_steepest_points_explodes_on_that_input_only():
    def tuned(x, depth=10, w=8.0, x_tuned=0.3):
        a, a_tuned, derivative = x, x_tuned, 1.0
        for _ in range(depth):
            b = -w * a_tuned
            derivative *= w * sigmoid_derivative(w * a + b)
            a, a_tuned = sigmoid(w * a + b), sigmoid(w * a_tuned + b)
        return derivative

    assert tuned(0.3) == pytest.approx(2**10, rel=1e-12)  # the factor |w|/4 = 2 per layer
    assert tuned(0.31) < 0.1  # off the tuned input it collapses again
    # and the general bound holds on the tuned chain too: ∏ |w| / 4 = 2^10
    assert tuned(0.3) <= np.prod([8.0 / 4] * 10) * (1 + 1e-12)


@pytest.mark.parametrize("seed", range(10))
def test_tanh_with_xavier_and_relu_with_he_stay_level_for_every_seed(seed):
    for activation, init in (("tanh", "xavier"), ("relu", "he")):
        layer_norms = norms(activation, init, seed)
        assert layer_norms.max() / layer_norms.min() < 15  # measured: at most 2.6 and 11.3


def test_sigmoid_networks_vanish_over_seeds_whatever_the_scale():
    def geometric_mean_ratio(init):
        ratios = [
            norms("sigmoid", init, seed)[0] / norms("sigmoid", init, seed)[-1] for seed in range(10)
        ]
        return float(np.exp(np.mean(np.log(ratios))))

    def four_times_xavier(fan_in, fan_out, rng):
        return 4 * xavier_uniform(fan_in, fan_out, rng)

    assert geometric_mean_ratio("normal") < 1 / 30  # measured: 1/96
    assert geometric_mean_ratio("xavier") < 1e-5  # measured: 1.3e-6, the 0.25^L bound at work
    assert geometric_mean_ratio(four_times_xavier) < 1 / 30


def test_sigmoid_units_with_normal_weights_saturate_and_tanh_units_with_xavier_do_not():
    for seed in range(5):
        sigmoid_outputs = deep_network("sigmoid", "normal", seed=seed).forward_with_cache(X_DEEP).a
        tanh_outputs = deep_network("tanh", "xavier", seed=seed).forward_with_cache(X_DEEP).a
        for a in sigmoid_outputs[1:-1]:  # every hidden layer: a quarter or more saturated
            assert np.mean(a * (1 - a) < 0.05) > 0.2
            assert np.mean(a * (1 - a)) < 0.25 / 2  # the mean slope, half the peak at most
        saturated = [np.mean(1 - a**2 < 0.2) for a in tanh_outputs[1:-1]]
        assert saturated[0] < 0.2
        assert max(saturated[2:]) < 0.02


# ---------------------------------------------------------------------------------------------
# Xavier and He keep the variance of the signal
# ---------------------------------------------------------------------------------------------


def mean_squares_per_layer(initialiser, seed, depth=20, width=256, n_samples=500):
    """E[a²] of every layer of a deep ReLU stack with the given initialiser (no biases)."""
    rng = np.random.default_rng(seed)
    a, mean_squares = rng.normal(size=(n_samples, width)), []
    for _ in range(depth):
        a = np.maximum(a @ initialiser(width, width, rng), 0.0)
        mean_squares.append(np.mean(a**2))
    return np.array(mean_squares)


@pytest.mark.parametrize("seed", range(5))
def test_he_keeps_the_mean_square_of_relu_activations_and_xavier_halves_it(seed):
    # E[a²] changes by a random factor per layer (the draw of W): measured between 0.7 and 1.3
    # for He at this width. Over 19 steps the geometric mean of those factors is much tighter:
    # measured 0.94 to 1.04 for He and about 0.5 for Xavier, so the bands below are wide yet
    # tell 1 from 1/2.
    for initialiser, factor in ((he_normal, 1.0), (xavier_uniform, 0.5)):
        mean_squares = mean_squares_per_layer(initialiser, seed)
        per_layer = (mean_squares[-1] / mean_squares[0]) ** (1 / (len(mean_squares) - 1))
        assert per_layer == pytest.approx(factor, rel=0.15)


def test_tanh_with_xavier_fades_slowly_and_stays_in_the_middle():
    cache = deep_network("tanh", "xavier", depth=20).forward_with_cache(X_DEEP)
    stds = [a.std() for a in cache.a[1:-1]]
    assert 0.05 < stds[-1] < stds[0] < 0.9  # fading, but neither vanished nor saturated


# ---------------------------------------------------------------------------------------------
# Dying ReLUs
# ---------------------------------------------------------------------------------------------


def dead_after_training(learning_rate, seeds=range(5)):
    X, y = spirals(n_samples=200, noise=0.05, seed=0)
    dead = []
    for seed in seeds:
        net = MLP([2, 32, 32, 1], ["relu", "relu", "sigmoid"], init="he", seed=seed)
        net.train(
            X, y, epochs=10, learning_rate=learning_rate, batch_size=20, loss="bce", seed=seed
        )
        dead.append(net.dead_relu_fraction(X))
    return float(np.mean(dead))


def test_relu_units_die_at_large_learning_rates():
    small, large = dead_after_training(0.3), dead_after_training(10.0)
    assert small < 0.1  # measured 0.037, as before training
    assert large > 0.8  # measured 0.96


# ---------------------------------------------------------------------------------------------
# The explorer's drawing function
# ---------------------------------------------------------------------------------------------


def test_the_explorer_with_he_gain_is_the_mlp_with_he_weights():
    layer_norms, stds = deep_network_statistics("relu", 10, np.sqrt(2.0))
    assert len(layer_norms) == 10
    assert len(stds) == 9
    np.testing.assert_allclose(layer_norms, norms("relu", "he"), rtol=1e-10)


def test_no_gain_of_the_explorer_keeps_a_deep_sigmoid_gradient_level():
    gains = 2.0 ** np.arange(-2, 3.01, 0.25)  # the slider's values
    ratios = [
        deep_network_statistics("sigmoid", 20, gain)[0][0]
        / deep_network_statistics("sigmoid", 20, gain)[0][-1]
        for gain in gains
    ]
    assert max(ratios) < 1 / 100
    # the largest gain, 8, leaves layer 1 "about 200 times" below layer 20
    assert 1 / ratios[-1] == pytest.approx(200, rel=0.1)


def test_the_explorer_draws_both_panels_on_a_log_scale_even_at_extremes():
    for activation, depth, gain in (("sigmoid", 30, 0.25), ("relu", 30, 8.0), ("tanh", 2, 1.0)):
        fig = draw_gradient_norms(activation, depth, gain)
        assert [ax.get_yscale() for ax in fig.axes] == ["log", "log"]
        assert "first / last layer" in fig.axes[0].get_title()
        plt.close(fig)


def test_the_explorer_refuses_bad_arguments():
    with pytest.raises(ValueError, match="depth must be a whole number >= 2"):
        deep_network_statistics("relu", 1, 1.0)
    with pytest.raises(ValueError, match="gain must be positive"):
        deep_network_statistics("relu", 5, 0.0)
