"""The artificial neuron and the perceptron.

A neuron takes inputs ``x = (x_1, ..., x_n)``, weighs each by ``w_i``, adds a bias ``b`` and
passes the *net input* ``z = w · x + b`` through an activation function ``f``: ``a = f(z)``.

The perceptron is a single neuron with the step activation, and Rosenblatt's rule that nudges
its weights towards every example it gets wrong.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from numpy.typing import ArrayLike

from neuronlab._validation import as_float_array, as_real_number, as_whole_number, shape_text
from neuronlab.activations import Activation, get_activation, step


def _weights_and_inputs(x: ArrayLike, w: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    """Check that ``w`` is a vector of n weights and that ``x`` has n features on its last axis."""
    x = as_float_array(x, name="inputs x")
    w = as_float_array(w, name="weights w")
    if w.ndim != 1:
        raise ValueError(
            f"weights w must be a vector of shape (n_features,), but have shape {shape_text(w.shape)}."
        )
    if x.ndim not in (1, 2) or x.shape[-1] != w.shape[0]:
        raise ValueError(
            f"weights w have shape {shape_text(w.shape)} but inputs x have shape "
            f"{shape_text(x.shape)}: x must be one sample of shape ({w.shape[0]},) or a batch of "
            f"shape (n_samples, {w.shape[0]}), one row per sample."
        )
    return x, w


def net_input(x: ArrayLike, w: ArrayLike, b: float) -> np.ndarray:
    """Net input ``z = w · x + b`` of one sample ``x`` (shape (n,)), or of every row of a batch
    ``X`` (shape (m, n)) at once: ``z = X w + b``, shape (m,).
    """
    x, w = _weights_and_inputs(x, w)
    b = as_real_number(b, "bias b")
    return x @ w + b


def neuron_output(
    x: ArrayLike, w: ArrayLike, b: float, activation: str | Activation = "step"
) -> np.ndarray:
    """A neuron's output ``a = f(w · x + b)`` for one sample or a batch."""
    return get_activation(activation)(net_input(x, w, b))


# ---------------------------------------------------------------------------------------------
# The perceptron (lesson 02)
# ---------------------------------------------------------------------------------------------


def perceptron_predict(X: ArrayLike, w: ArrayLike, b: float) -> np.ndarray:
    """The perceptron's class, 0 or 1, for each row of ``X``: ``step(X w + b)``."""
    return step(net_input(X, w, b))


def perceptron_update(
    x: ArrayLike, y: float, w: ArrayLike, b: float, learning_rate: float = 1.0
) -> tuple[np.ndarray, float]:
    """One step of the perceptron rule on one example ``(x, y)``; returns new ``(w, b)``.

    With the prediction ``ŷ = step(w · x + b)``:
    ``w ← w + η (y - ŷ) x`` and ``b ← b + η (y - ŷ)``.
    A correct prediction changes nothing; a wrong one tilts the line towards the example.
    """
    x, w = _weights_and_inputs(x, w)
    if x.ndim != 1:
        raise ValueError(
            f"perceptron_update takes one sample x of shape ({w.shape[0]},), "
            f"but x has shape {shape_text(x.shape)}."
        )
    if y not in (0, 1):
        raise ValueError(f"the target y must be 0 or 1, but got {y!r}.")
    learning_rate = as_real_number(learning_rate, "learning_rate")
    error = y - float(step(net_input(x, w, b)))
    return w + learning_rate * error * x, float(b) + learning_rate * error


class PerceptronResult(NamedTuple):
    """What :func:`train_perceptron` found: the weights, the bias, and how training went."""

    weights: np.ndarray
    bias: float
    converged: bool
    epochs: int  # the epoch with no mistake, if converged; else the number of epochs run
    mistakes_per_epoch: list[int]

    def __str__(self) -> str:
        if self.converged:
            return f"converged at epoch {self.epochs}: w = {np.round(self.weights, 3)}, b = {self.bias:.3g}"
        return f"did not converge in {self.epochs} epochs ({self.mistakes_per_epoch[-1]} mistakes in the last)"


def train_perceptron(
    X: ArrayLike,
    y: ArrayLike,
    learning_rate: float = 1.0,
    max_epochs: int = 100,
    w0: ArrayLike | None = None,
    b0: float = 0.0,
) -> PerceptronResult:
    """Train a perceptron with its rule, sweeping the examples in order, one epoch at a time.

    Stops at the first epoch with no mistake (``converged=True``; ``epochs`` is that epoch,
    counted from 1) or after ``max_epochs``. On linearly separable data it always converges
    (Novikoff's theorem); on XOR it never does.
    """
    X = as_float_array(X, name="X")
    y = as_float_array(y, name="y")
    if X.ndim != 2 or y.shape != (X.shape[0],):
        raise ValueError(
            f"X must have shape (n_samples, n_features) and y shape (n_samples,), "
            f"but X has shape {shape_text(X.shape)} and y {shape_text(y.shape)}."
        )
    if not np.all((y == 0) | (y == 1)):
        raise ValueError(f"the targets y must be 0 or 1, but y holds {np.unique(y)}.")
    max_epochs = as_whole_number(max_epochs, "max_epochs")
    w = np.zeros(X.shape[1]) if w0 is None else as_float_array(w0, name="w0").copy()
    b = as_real_number(b0, "b0")
    mistakes_per_epoch: list[int] = []
    for epoch in range(1, max_epochs + 1):
        mistakes = 0
        for x_i, y_i in zip(X, y, strict=True):
            new_w, new_b = perceptron_update(x_i, int(y_i), w, b, learning_rate)
            mistakes += int(new_b != b or not np.array_equal(new_w, w))
            w, b = new_w, new_b
        mistakes_per_epoch.append(mistakes)
        if mistakes == 0:
            return PerceptronResult(w, b, True, epoch, mistakes_per_epoch)
    return PerceptronResult(w, b, False, max_epochs, mistakes_per_epoch)
