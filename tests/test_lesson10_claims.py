"""The claims lesson 10 makes, checked at package level with the lesson's own settings.

- a deep network without activations is one linear map; with tanh or ReLU it is not;
- one hidden layer of random tanh or ReLU units fits sin(2x) better as it widens, z² does not;
- on the digits, with 6 hidden layers of 32 units and the lesson's budget: sigmoid with Xavier
  weights stays at chance, tanh + Xavier and ReLU + He learn, ReLU + He beats sigmoid + N(0, 1)
  (each at its best rate on validation), scikit-learn agrees; trained six times longer the
  sigmoid with N(0, 1) weights catches up.
"""

from __future__ import annotations

import itertools
import warnings

import numpy as np
import pytest
from sklearn.model_selection import train_test_split

from neuronlab.datasets import digits
from neuronlab.experiments import random_feature_fit, train_side_by_side
from neuronlab.network import MLP
from neuronlab.widgets import draw_universal_approximation

WIDTHS = [1, 2, 4, 8, 16, 32]


def _mean_error(width: int, activation: str) -> float:
    """The lesson's table: the RMSE averaged over 10 random draws."""
    return float(np.mean([random_feature_fit(width, activation, seed)[2] for seed in range(10)]))


def test_a_deep_linear_network_is_one_matrix_and_a_tanh_network_is_not():
    rng = np.random.default_rng(0)
    sizes = [4, 16, 16, 16, 3]
    deep_linear = MLP(sizes, "linear", seed=0)
    for bias in deep_linear.biases:
        bias[:] = rng.normal(size=bias.shape)
    W, b = deep_linear.weights[0], deep_linear.biases[0]
    for W_next, b_next in zip(deep_linear.weights[1:], deep_linear.biases[1:], strict=True):
        W, b = W @ W_next, b @ W_next + b_next
    X = rng.normal(size=(1000, 4))
    assert W.shape == (4, 3)
    np.testing.assert_allclose(deep_linear.forward(X), X @ W + b, rtol=1e-10, atol=1e-10)

    X1 = np.column_stack([X, np.ones(len(X))])
    for hidden in ["tanh", "relu"]:
        net = MLP(sizes, [hidden, hidden, hidden, "linear"], seed=0)
        net.biases = [bias.copy() for bias in deep_linear.biases]
        outputs = net.forward(X)
        coefficients, *_ = np.linalg.lstsq(X1, outputs, rcond=None)
        misses = np.linalg.norm(X1 @ coefficients - outputs) / np.linalg.norm(
            outputs - outputs.mean(axis=0)
        )
        assert misses > 0.2, hidden


@pytest.mark.parametrize("activation", ["tanh", "relu"])
def test_the_error_falls_with_width_for_non_polynomial_activations(activation):
    errors = [_mean_error(width, activation) for width in WIDTHS]
    assert all(later < earlier for earlier, later in itertools.pairwise(errors)), errors
    assert errors[-1] < 0.05, errors
    assert errors[-1] < errors[0] / 10, errors


@pytest.mark.parametrize("activation", ["square", "cube"])
def test_the_error_plateaus_for_a_polynomial_activation(activation):
    errors = [_mean_error(width, activation) for width in WIDTHS]
    assert min(errors) > 0.5, errors  # sin(2x) is far from every parabola and cubic
    # from width d + 1 on, the fit is the best polynomial of degree d: it stops changing
    degree = {"square": 2, "cube": 3}[activation]
    settled = [e for width, e in zip(WIDTHS, errors, strict=True) if width > degree]
    assert max(settled) - min(settled) < 1e-6, errors


def test_random_feature_fit_is_seeded_and_checks_its_width():
    first = random_feature_fit(8, "relu", seed=3)
    again = random_feature_fit(8, "relu", seed=3)
    np.testing.assert_array_equal(first[1], again[1])
    assert first[2] == again[2]
    with pytest.raises(ValueError, match="width"):
        random_feature_fit(0)


def test_the_widget_draws_a_titled_figure():
    import matplotlib.pyplot as plt

    fig = draw_universal_approximation(4, "square", seed=0)
    assert "square, width 4" in fig.axes[0].get_title()
    plt.close(fig)


# ---------------------------------------------------------------------------------------------
# The deep networks on the digits (section 4), with the lesson's own settings
# ---------------------------------------------------------------------------------------------

DEEP = {
    "sigmoid, N(0, 1)": ("sigmoid", "normal"),
    "sigmoid, Xavier": ("sigmoid", "xavier"),
    "tanh, Xavier": ("tanh", "xavier"),
    "ReLU, He": ("relu", "he"),
}
RATES, SEEDS = [0.1, 0.3], [0, 1, 2]


@pytest.fixture(scope="module")
def split():
    """The lesson's three sets: 1077 training, 360 validation and 360 test images."""
    X_rest, X_test, y_rest, y_test = digits(test_size=0.2, seed=0)
    X_train, X_val, y_train, y_val = train_test_split(
        X_rest, y_rest, test_size=0.25, random_state=0, stratify=y_rest
    )
    assert (len(X_train), len(X_val), len(X_test)) == (1077, 360, 360)
    return X_train, X_val, X_test, y_train, y_val, y_test


def deep_nets(activation, init, seeds, depth=6):
    sizes = [64] + [32] * depth + [10]
    return [MLP(sizes, [activation] * depth + ["softmax"], init, seed) for seed in seeds]


@pytest.fixture(scope="module")
def lesson_runs(split):
    """Each deep set-up trained as in the lesson: 10 epochs, batches of 20, rates 0.1 and 0.3,
    seeds 0-2; the mean validation accuracy per rate, and the gradient ratio at the start.
    """
    X_train, X_val, _, y_train, y_val, _ = split
    results = {}
    for name, (activation, init) in DEEP.items():
        nets = [net for _ in RATES for net in deep_nets(activation, init, SEEDS)]
        rates = [rate for rate in RATES for _ in SEEDS]
        run = train_side_by_side(nets, rates, X_train, y_train, X_val, y_val, 10, 20)
        accuracy = run.val_accuracy[-1].reshape(len(RATES), len(SEEDS))
        start = run.gradient_norms[0]
        results[name] = (accuracy.mean(axis=1), start[:, 0] / start[:, -1])
    return results


def test_side_by_side_measures_what_mlp_gradient_norms_measures(split):
    X_train, X_val, _, y_train, y_val, _ = split
    for activation, init in DEEP.values():
        stacked = deep_nets(activation, init, [0, 1])
        run = train_side_by_side(stacked, [0.1, 0.3], X_train, y_train, X_val, y_val, 1, 20)
        for k, net in enumerate(deep_nets(activation, init, [0, 1])):  # untrained twins
            norms = net.gradient_norms(X_train[:256], y_train[:256], "cross_entropy")
            np.testing.assert_allclose(run.gradient_norms[0, k], norms, rtol=1e-10)
            assert run.val_accuracy[0, k] == net.accuracy(X_val, y_val)


def test_side_by_side_ends_where_mlp_train_ends(split):
    X_train, X_val, _, y_train, y_val, _ = split
    stacked = deep_nets("tanh", "xavier", [0, 1])
    train_side_by_side(stacked, [0.1, 0.3], X_train, y_train, X_val, y_val, 2, 20, seed=5)
    for net, rate, seed in zip(stacked, [0.1, 0.3], [0, 1], strict=True):
        alone = deep_nets("tanh", "xavier", [seed])[0]
        alone.train(X_train, y_train, 2, rate, batch_size=20, loss="cross_entropy", seed=5)
        for W, W_alone in zip(net.weights, alone.weights, strict=True):
            np.testing.assert_allclose(W, W_alone, rtol=1e-10, atol=1e-12)
        assert net.accuracy(X_val, y_val) == alone.accuracy(X_val, y_val)


def test_side_by_side_refuses_mixed_networks_and_missing_rates(split):
    X_train, X_val, _, y_train, y_val, _ = split
    mixed = deep_nets("tanh", "xavier", [0]) + deep_nets("relu", "he", [0])
    with pytest.raises(ValueError, match="share one architecture"):
        train_side_by_side(mixed, [0.1, 0.1], X_train, y_train, X_val, y_val, 1, 20)
    with pytest.raises(ValueError, match="one learning rate per network"):
        train_side_by_side(mixed[:1], [0.1, 0.3], X_train, y_train, X_val, y_val, 1, 20)


def test_the_deep_sigmoid_with_xavier_weights_stays_at_chance(lesson_runs):
    accuracy, start_ratio = lesson_runs["sigmoid, Xavier"]
    assert accuracy.max() <= 0.12  # 0.103: one digit for every image
    assert np.all(start_ratio < 1e-3)  # measured 0.00032 (geometric mean): vanishing


def test_tanh_xavier_and_relu_he_learn_and_keep_their_gradient(lesson_runs):
    for name in ("tanh, Xavier", "ReLU, He"):
        accuracy, start_ratio = lesson_runs[name]
        assert accuracy.max() >= 0.92, name  # measured 0.956 and 0.939
        assert np.all(start_ratio > 1), name  # layer 1's gradient at least the last one's


def test_relu_he_beats_sigmoid_normal_each_at_its_best_rate(lesson_runs):
    relu, _ = lesson_runs["ReLU, He"]
    sigmoid, start_ratio = lesson_runs["sigmoid, N(0, 1)"]
    gap = relu.max() - sigmoid.max()
    assert gap == pytest.approx(0.054, abs=0.02)  # the lesson prints +0.054
    assert relu[0] - sigmoid[0] > 0.1  # at the same rate, 0.1: 0.939 against 0.753
    assert np.all((start_ratio > 1e-2) & (start_ratio < 0.5))  # far less extreme than Xavier's


def test_relu_he_stays_ahead_of_sigmoid_normal_whatever_the_batch_order(split):
    # the lesson shuffles its mini-batches with seed 0; four other orders
    X_train, X_val, _, y_train, y_val, _ = split
    for shuffle in [1, 2, 3, 4]:
        best = {}
        for name in ("sigmoid, N(0, 1)", "ReLU, He"):
            nets = [net for _ in RATES for net in deep_nets(*DEEP[name], SEEDS)]
            rates = [rate for rate in RATES for _ in SEEDS]
            run = train_side_by_side(
                nets, rates, X_train, y_train, X_val, y_val, 10, 20, seed=shuffle
            )
            best[name] = run.val_accuracy[-1].reshape(len(RATES), len(SEEDS)).mean(axis=1).max()
        gap = best["ReLU, He"] - best["sigmoid, N(0, 1)"]
        assert 0.03 < gap < 0.07, (shuffle, best)  # measured 0.035 to 0.065


def test_relu_he_collapses_at_the_larger_rate(lesson_runs):
    relu, _ = lesson_runs["ReLU, He"]
    assert relu[1] < 0.7  # 0.455 at rate 0.3


def test_trained_six_times_longer_sigmoid_normal_catches_up_and_sigmoid_xavier_does_not(split):
    X_train, X_val, _, y_train, y_val, _ = split
    final = {}
    for name, rate in (("sigmoid, N(0, 1)", 0.3), ("sigmoid, Xavier", 0.1), ("ReLU, He", 0.1)):
        nets = deep_nets(*DEEP[name], SEEDS)
        run = train_side_by_side(nets, [rate] * 3, X_train, y_train, X_val, y_val, 60, 20)
        final[name] = run.val_accuracy[-1].mean()
    assert final["sigmoid, N(0, 1)"] >= final["ReLU, He"] - 0.01  # measured 0.957 and 0.959
    assert final["sigmoid, Xavier"] <= 0.12


def test_scikit_learn_agrees_with_the_same_budget(split):
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier

    X_train, X_val, _, y_train, y_val, _ = split
    scores = {}
    for activation in ["logistic", "relu"]:
        model = MLPClassifier(
            hidden_layer_sizes=(32,) * 6,
            activation=activation,
            solver="sgd",
            learning_rate_init=0.1,
            momentum=0.0,
            alpha=0.0,
            batch_size=20,
            max_iter=10,
            random_state=0,
        )
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            model.fit(X_train, y_train)
        scores[activation] = model.score(X_val, y_val)
    assert scores["logistic"] <= 0.12, scores
    assert scores["relu"] >= 0.9, scores


def test_the_linear_maps_miss_a_share_of_the_variance():
    rng = np.random.default_rng(0)
    sizes = [4, 16, 16, 16, 3]
    biases = [rng.normal(size=n) for n in sizes[1:]]
    X = rng.normal(size=(1000, 4))
    X1 = np.column_stack([X, np.ones(len(X))])
    shares = {}
    for hidden in ["tanh", "relu"]:
        net = MLP(sizes, [hidden, hidden, hidden, "linear"], seed=0)
        net.biases = [b.copy() for b in biases]
        outputs = net.forward(X)
        coefficients, *_ = np.linalg.lstsq(X1, outputs, rcond=None)
        residual = X1 @ coefficients - outputs
        shares[hidden] = np.sum(residual**2) / np.sum((outputs - outputs.mean(axis=0)) ** 2)
    assert round(shares["tanh"], 2) == 0.13, shares
    assert round(shares["relu"], 2) == 0.19, shares


def test_relus_error_falls_fastest_from_8_to_32_units():
    errors = np.array([_mean_error(width, "relu") for width in WIDTHS])
    shrink = errors[:-1] / errors[1:]
    assert shrink[0] < 1.2  # 1 to 2 units: hardly moves
    assert round(shrink[3], 1) == 3.7
    assert round(shrink[4], 1) == 2.7
