"""The lessons' experiments: networks trained, probed or fitted, summed up in a few numbers.

The network is :mod:`neuronlab.network`; these functions run the experiments behind the claims
the lessons make (how often XOR gets stuck, how gradients vanish in deep networks, how the error
of a one-hidden-layer fit falls with its width). They draw nothing: :mod:`neuronlab.widgets`
draws them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from neuronlab._validation import as_whole_number
from neuronlab.activations import get_activation, sigmoid
from neuronlab.datasets import xor
from neuronlab.losses import one_hot
from neuronlab.network import MLP, random_normal

# ---------------------------------------------------------------------------------------------
# How often does a 2-2-1 network get stuck on XOR? (lesson 06)
# ---------------------------------------------------------------------------------------------


def xor_final_losses(
    seeds: Sequence[int],
    hidden: int = 2,
    learning_rate: float = 2.0,
    epochs: int = 3000,
    init: str = "xavier",
) -> np.ndarray:
    """The MSE on XOR after full-batch training of a 2-``hidden``-1 sigmoid network, per seed.

    Gives the same numbers as ``MLP([2, hidden, 1], "sigmoid", init, seed).train(X, y,
    epochs, learning_rate)`` for each seed, but trains all the networks at once: their weights
    are stacked along a first axis, one slice per seed, and ``@`` multiplies slice by slice.
    The equations are :class:`MLP`'s, written out for this one architecture.
    """
    X, y = xor()  # X (4, 2), y (4,)
    Y = y.reshape(1, 4, 1)  # one target column, shared by every network
    nets = [MLP([2, hidden, 1], "sigmoid", init=init, seed=seed) for seed in seeds]
    W1 = np.stack([net.weights[0] for net in nets])  # (S, 2, hidden)
    b1 = np.stack([net.biases[0] for net in nets])[:, None, :]  # (S, 1, hidden)
    W2 = np.stack([net.weights[1] for net in nets])  # (S, hidden, 1)
    b2 = np.stack([net.biases[1] for net in nets])[:, None, :]  # (S, 1, 1)
    for _ in range(epochs):
        A1 = sigmoid(X @ W1 + b1)  # (S, 4, hidden)
        A2 = sigmoid(A1 @ W2 + b2)  # (S, 4, 1)
        D2 = 2.0 * (A2 - Y) / 4 * A2 * (1.0 - A2)  # (BP1), MSE: the mean over 4 entries
        D1 = (D2 @ W2.transpose(0, 2, 1)) * A1 * (1.0 - A1)  # (BP2)
        W2 -= learning_rate * (A1.transpose(0, 2, 1) @ D2)  # (BP4)
        b2 -= learning_rate * D2.sum(axis=1, keepdims=True)  # (BP3)
        W1 -= learning_rate * (X.T @ D1)
        b1 -= learning_rate * D1.sum(axis=1, keepdims=True)
    output = sigmoid(sigmoid(X @ W1 + b1) @ W2 + b2)
    return np.mean((output - Y) ** 2, axis=(1, 2))


def xor_stuck_rate(
    n_seeds: int = 200,
    hidden: int = 2,
    learning_rate: float = 2.0,
    epochs: int = 3000,
    init: str = "xavier",
    threshold: float = 0.05,
) -> float:
    """The fraction of seeds ``0 .. n_seeds - 1`` whose network ends with an MSE on XOR above
    ``threshold``: stuck in a local minimum or on a plateau instead of solving XOR.
    """
    n_seeds = as_whole_number(n_seeds, "n_seeds")
    losses = xor_final_losses(range(n_seeds), hidden, learning_rate, epochs, init)
    return float(np.mean(losses > threshold))


# ---------------------------------------------------------------------------------------------
# Lesson 09: vanishing gradients and initialisation
# ---------------------------------------------------------------------------------------------


def deep_network_statistics(
    activation: str, depth: int, gain: float, width: int = 32, seed: int = 0
) -> tuple[list[float], list[float]]:
    """How a deep network starts out: the size of each layer's weight gradient and the spread
    of each hidden layer's activations, before any training.

    The network has ``depth`` layers of weights: ``depth - 1`` hidden layers of ``width`` units
    with the given ``activation`` and a sigmoid output unit. Every weight is drawn from
    ``N(0, gain² / fan_in)`` (``gain = 1`` is Xavier's variance for layers of equal width,
    ``gain = √2`` is He's), biases are 0. The batch is 256 inputs ``x ~ N(0, 1)`` with label
    1 where ``x_1 x_2 > 0``, with binary cross-entropy, all seeded by ``seed``.

    Returns ``(gradient_norms, activation_stds)``: ``‖∂C/∂W_l‖`` for ``l = 1 .. depth`` and
    the standard deviation of the activations of hidden layers ``1 .. depth - 1``.
    """
    depth = as_whole_number(depth, "depth", minimum=2)
    if not gain > 0:
        raise ValueError(f"gain must be positive, but got {gain!r}.")

    def init(fan_in: int, fan_out: int, rng: np.random.Generator) -> np.ndarray:
        return random_normal(fan_in, fan_out, rng, std=gain / np.sqrt(fan_in))

    rng = np.random.default_rng(seed)
    X = rng.normal(size=(256, width))
    y = (X[:, 0] * X[:, 1] > 0).astype(float)
    net = MLP([width] * depth + [1], [activation] * (depth - 1) + ["sigmoid"], init, seed)
    with np.errstate(over="ignore", under="ignore"):
        norms = net.gradient_norms(X, y, "bce")
        stds = [float(a.std()) for a in net.forward_with_cache(X).a[1:-1]]
    return norms, stds


# ---------------------------------------------------------------------------------------------
# Lesson 10: universal approximation, shown with random features
# ---------------------------------------------------------------------------------------------

UA_X_RANGE = (-3.0, 3.0)  # the interval on which lesson 10's target is approximated


def ua_target(x: np.ndarray) -> np.ndarray:
    """Lesson 10's target curve, ``sin(2x)``: two full waves on [-3, 3]."""
    return np.sin(2.0 * np.asarray(x, dtype=float))


def _ua_activation(name: str) -> Callable[[np.ndarray], np.ndarray]:
    """A hidden activation for :func:`random_feature_fit` by name: ``"square"`` is ``z²`` and
    ``"cube"`` is ``z³`` (polynomials, not in the registry), the rest come from the registry.
    """
    polynomials = {"square": np.square, "cube": lambda z: z**3}
    return polynomials[name] if name in polynomials else get_activation(name)


def random_feature_fit(
    width: int, activation: str = "tanh", seed: int = 0, n_train: int = 200
) -> tuple[np.ndarray, np.ndarray, float]:
    """Fit :func:`ua_target` on [-3, 3] with one hidden layer of ``width`` units whose weights
    are **random** and fixed; only the output layer is fitted, by least squares.

    Hidden unit ``k`` computes ``h_k(x) = f(w_k (x - c_k))``: a slope ``w_k ~ N(0, 2²)`` and a
    centre ``c_k`` uniform in [-3, 3], drawn with ``np.random.default_rng(seed)`` (slopes first,
    then centres). The output is ``ŷ = Σ_k v_k h_k(x) + v_0``, with ``v`` the least-squares
    solution on ``n_train`` evenly spaced points. (This "random features" shortcut, also called
    an extreme learning machine, trains only the last layer; backpropagation would train all.)

    Returns ``(x, y_fit, rmse)``: 1001 evenly spaced points of [-3, 3], the fitted curve there,
    and its root-mean-square error against the target on those points.
    """
    width = as_whole_number(width, "width")
    f = _ua_activation(activation)
    rng = np.random.default_rng(seed)
    slopes = rng.normal(0.0, 2.0, size=width)
    centres = rng.uniform(*UA_X_RANGE, size=width)

    def features(x: np.ndarray) -> np.ndarray:
        hidden = f(slopes * (x[:, None] - centres))  # (n_points, width)
        return np.column_stack([hidden, np.ones(len(x))])  # a column of 1s for the bias v_0

    x_train = np.linspace(*UA_X_RANGE, n_train)
    coefficients, *_ = np.linalg.lstsq(features(x_train), ua_target(x_train), rcond=None)
    x = np.linspace(*UA_X_RANGE, 1001)
    y_fit = features(x) @ coefficients
    rmse = float(np.sqrt(np.mean((y_fit - ua_target(x)) ** 2)))
    return x, y_fit, rmse


# =============================================================================================
# Lesson 10: deep networks trained side by side (late-lessons branch)
# =============================================================================================


@dataclass
class SideBySideRun:
    """What :func:`train_side_by_side` records, at the start (row 0) and after every epoch.

    ``n`` networks with ``L`` layers of weights:

    - ``train_loss``: shape (epochs + 1, n), the cross-entropy ``C`` on the probe batch (the
      first ``probe_size`` training samples);
    - ``val_accuracy``: shape (epochs + 1, n), the accuracy on the validation set;
    - ``gradient_norms``: shape (epochs + 1, n, L), ``‖∂C/∂W_l‖`` on the probe batch, layer 1
      (next to the input) first, as :meth:`MLP.gradient_norms` gives them.
    """

    train_loss: np.ndarray
    val_accuracy: np.ndarray
    gradient_norms: np.ndarray

    @property
    def diverged(self) -> np.ndarray:
        """One flag per network: its training loss became NaN or infinite."""
        return ~np.isfinite(self.train_loss[-1])


def train_side_by_side(
    nets: Sequence[MLP],
    learning_rates: ArrayLike,
    X: ArrayLike,
    y: ArrayLike,
    X_val: ArrayLike,
    y_val: ArrayLike,
    epochs: int,
    batch_size: int,
    *,
    seed: int = 0,
    probe_size: int = 256,
) -> SideBySideRun:
    """Train several networks of the same architecture at once by mini-batch SGD on the
    categorical cross-entropy, each with its own learning rate, and record how they learn.

    The networks (``MLP`` objects with a softmax output, differing only in their starting
    weights) are stacked: their weight matrices become one array of shape (n, n_in, n_out), and
    ``@`` multiplies network by network. The equations are the MLP's own (BP1-BP4, using its
    activations and derivatives), so each network ends where
    ``net.train(X, y, epochs, rate, batch_size, "cross_entropy", seed)`` would take it (up to
    rounding): every network sees the same shuffled mini-batches. The loss and the gradient
    norms are measured on a fixed probe batch, the first ``probe_size`` rows of ``X`` (cheaper
    than the whole training set, and the same images every time). The trained weights are
    written back into ``nets``. A network whose loss becomes NaN or infinite keeps running (numpy's warnings are
    silenced) and is flagged in :attr:`SideBySideRun.diverged`.
    """
    first = nets[0]
    for net in nets:
        if net.layer_sizes != first.layer_sizes or net.activation_names != first.activation_names:
            raise ValueError(
                f"all networks must share one architecture, but {net!r} differs from {first!r}."
            )
    if first.activation_names[-1] != "softmax":
        raise ValueError(f"the networks need a softmax output layer, but got {first!r}.")
    rates = np.asarray(learning_rates, dtype=float).reshape(-1)
    if rates.shape != (len(nets),):
        raise ValueError(
            f"give one learning rate per network: {len(nets)} network(s), "
            f"{rates.size} learning rate(s)."
        )
    n_in, n_classes = first.layer_sizes[0], first.layer_sizes[-1]
    X, X_val = np.asarray(X, dtype=float), np.asarray(X_val, dtype=float)
    for name, data in (("X", X), ("X_val", X_val)):
        if data.ndim != 2 or data.shape[1] != n_in:
            raise ValueError(
                f"{name} has shape {data.shape}, but the networks take {n_in} inputs: it must "
                f"have shape (n_samples, {n_in})."
            )
    Y = one_hot(np.asarray(y).reshape(-1), n_classes)
    y_val = np.asarray(y_val).reshape(-1)
    n_layers = len(first.weights)
    hidden = [get_activation(name) for name in first.activation_names[:-1]]
    weights = [np.stack([net.weights[layer] for net in nets]) for layer in range(n_layers)]
    biases = [
        np.stack([net.biases[layer] for net in nets])[:, None, :] for layer in range(n_layers)
    ]

    def log_softmax(z: np.ndarray) -> np.ndarray:
        shifted = z - z.max(axis=-1, keepdims=True)  # the stable form, row by row
        return shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))

    def forward(inputs: np.ndarray) -> tuple[list[np.ndarray], list[np.ndarray]]:
        zs, activations = [], [inputs]
        for layer in range(n_layers):
            zs.append(activations[-1] @ weights[layer] + biases[layer])  # (n, m, n_out)
            if layer < n_layers - 1:
                activations.append(hidden[layer](zs[-1]))
        activations.append(np.exp(log_softmax(zs[-1])))  # the softmax output
        return zs, activations

    def backward(zs, activations, targets, scale):
        """BP1-BP4 for every network: ``scale`` (n, 1, 1) times ∂C/∂W_l and ∂C/∂b_l."""
        delta = scale * (activations[-1] - targets) / len(targets)  # (BP1), softmax + C
        grads_W, grads_b = [None] * n_layers, [None] * n_layers
        for layer in reversed(range(n_layers)):
            grads_W[layer] = np.swapaxes(activations[layer], -1, -2) @ delta  # (BP4)
            grads_b[layer] = delta.sum(axis=-2, keepdims=True)  # (BP3)
            if layer > 0:  # (BP2)
                delta = delta @ np.swapaxes(weights[layer], -1, -2)
                delta *= hidden[layer - 1].derivative_at(zs[layer - 1], activations[layer])
        return grads_W, grads_b

    X_probe, Y_probe = X[:probe_size], Y[:probe_size]

    def record(losses, accuracies, norms) -> None:
        zs, activations = forward(X_probe)
        losses.append(-np.sum(Y_probe * log_softmax(zs[-1]), axis=(1, 2)) / len(X_probe))
        grads_W, _ = backward(zs, activations, Y_probe, np.ones((len(nets), 1, 1)))
        norms.append(np.stack([np.sqrt(np.sum(g**2, axis=(1, 2))) for g in grads_W], axis=1))
        predicted = np.argmax(forward(X_val)[0][-1], axis=-1)  # (n, m_val)
        accuracies.append(np.mean(predicted == y_val, axis=1))

    rng = np.random.default_rng(seed)
    scale = rates[:, None, None]
    losses, accuracies, norms = [], [], []
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        record(losses, accuracies, norms)
        for _ in range(epochs):
            order = rng.permutation(len(X))  # the order MLP.train(..., seed) uses
            for start in range(0, len(X), batch_size):
                rows = order[start : start + batch_size]
                zs, activations = forward(X[rows])
                steps_W, steps_b = backward(zs, activations, Y[rows], scale)
                for layer in range(n_layers):
                    weights[layer] -= steps_W[layer]
                    biases[layer] -= steps_b[layer]
            record(losses, accuracies, norms)
    for k, net in enumerate(nets):
        for layer in range(n_layers):
            net.weights[layer][:] = weights[layer][k]
            net.biases[layer][:] = biases[layer][k, 0]
    return SideBySideRun(np.array(losses), np.array(accuracies), np.array(norms))
