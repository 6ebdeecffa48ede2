"""The claims lesson 10 makes, checked at package level with the lesson's own settings.

- a deep network without activations is one linear map; with tanh or ReLU it is not;
- one hidden layer of random tanh or ReLU units fits sin(2x) better as it widens, z² does not;
- a 64-32-10 MLP from scratch reaches >= 95% test accuracy on the digits, within 2 points of
  scikit-learn's MLPClassifier with the same architecture on the same split.
"""

from __future__ import annotations

import itertools
import warnings

import numpy as np
import pytest

from neuronlab.datasets import digits
from neuronlab.experiments import random_feature_fit
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


def _train_like_the_lesson(activation: str, init: str, X_train, y_train, X_test, y_test) -> float:
    net = MLP([64, 32, 10], [activation, "softmax"], init=init, seed=0)
    for epoch in range(20):
        net.train(
            X_train,
            y_train,
            epochs=1,
            learning_rate=0.3,
            batch_size=50,
            loss="cross_entropy",
            seed=epoch,
        )
    return net.accuracy(X_test, y_test)


def test_our_digits_mlp_reaches_95_percent_within_2_points_of_scikit_learn():
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier

    X_train, X_test, y_train, y_test = digits(test_size=0.25, seed=0)
    ours = {
        activation: _train_like_the_lesson(activation, init, X_train, y_train, X_test, y_test)
        for activation, init in {"sigmoid": "xavier", "tanh": "xavier", "relu": "he"}.items()
    }
    reference = MLPClassifier(hidden_layer_sizes=(32,), activation="relu", random_state=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        reference.fit(X_train, y_train)
    sklearn_accuracy = reference.score(X_test, y_test)

    best = max(ours.values())
    assert best >= 0.95, ours
    assert abs(best - sklearn_accuracy) <= 0.02, (ours, sklearn_accuracy)
    assert min(ours.values()) >= 0.9, ours  # every activation learns the digits
