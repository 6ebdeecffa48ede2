"""The lessons' measured experiments, shared by the notebooks and their claims tests."""

from __future__ import annotations

# =============================================================================================
# Lesson 10: deep networks trained side by side (late-lessons branch)
# =============================================================================================
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from neuronlab.activations import get_activation
from neuronlab.losses import one_hot
from neuronlab.network import MLP


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
                delta *= hidden[layer - 1].derivative(zs[layer - 1])
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
