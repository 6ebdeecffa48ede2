"""Matrix backpropagation (neuronlab.network) against the scalar engine (neuronlab.autodiff):
two independent routes to the same gradients must agree to 1e-12 on the same small network.
"""

from __future__ import annotations

import numpy as np
import pytest

from neuronlab.autodiff import Value
from neuronlab.gradcheck import relative_error
from neuronlab.network import MLP

APPLY = {"sigmoid": Value.sigmoid, "tanh": Value.tanh, "relu": Value.relu}


def value_gradients(net: MLP, X: np.ndarray, Y: np.ndarray):
    """The same network and mean squared error, built from scalar Values, then ``backward()``."""
    W = [[[Value(float(w)) for w in row] for row in layer] for layer in net.weights]
    b = [[Value(float(v)) for v in layer] for layer in net.biases]
    total = Value(0.0)
    for x, y in zip(X, Y, strict=True):
        a = [Value(float(v)) for v in x]
        for layer, name in enumerate(net.activation_names):
            n_out = len(b[layer])
            z = [
                sum((a[i] * W[layer][i][j] for i in range(len(a))), b[layer][j])
                for j in range(n_out)
            ]
            a = [APPLY[name](zj) for zj in z]
        for aj, yj in zip(a, y, strict=True):
            total = total + (aj - float(yj)) ** 2
    loss = total / Y.size  # the network's MSE: the mean over all entries
    loss.backward()
    grads_W = [np.array([[w.grad for w in row] for row in layer]) for layer in W]
    grads_b = [np.array([v.grad for v in layer]) for layer in b]
    return loss.data, grads_W, grads_b


@pytest.mark.parametrize(
    ("sizes", "activations"),
    [
        ([2, 3, 1], ["sigmoid", "sigmoid"]),
        ([3, 4, 2], ["tanh", "sigmoid"]),
        ([2, 4, 3, 1], ["relu", "tanh", "sigmoid"]),
    ],
)
def test_matrix_backprop_agrees_with_the_scalar_engine(sizes, activations):
    rng = np.random.default_rng(7)
    net = MLP(sizes, activations, init="xavier", seed=3)
    for bias in net.biases:
        bias[:] = rng.normal(scale=0.5, size=bias.shape)
    X = rng.normal(size=(5, sizes[0]))
    Y = rng.random((5, sizes[-1]))
    cache = net.forward_with_cache(X)
    if "relu" in activations:  # keep away from ReLU's kink, where the two may pick sides
        assert all(np.abs(z).min() > 1e-6 for z in cache.z)
    grads_W, grads_b = net.backward(cache, Y, loss="mse")
    loss, value_W, value_b = value_gradients(net, X, Y)
    assert loss == pytest.approx(net.loss(X, Y, loss="mse"), rel=1e-12)
    for ours, theirs in zip(grads_W + grads_b, value_W + value_b, strict=True):
        assert relative_error(ours, theirs) < 1e-12
