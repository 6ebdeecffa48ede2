"""Loss functions and their gradients.

A loss turns a network's predictions and the true targets into one number that says how wrong
the network is. Training moves the weights downhill on it, so every loss here comes with its
gradient with respect to what it takes: the predictions ``y_pred`` (probabilities ``p``) or the
net inputs of the last layer (the *logits* ``z``).

Conventions used throughout:

* Every loss is a **mean**, never a sum, so its size does not grow with the batch:
  mean squared error and binary cross-entropy average over *every entry*; categorical
  cross-entropy averages over the *samples* (rows), each row being one distribution over
  classes. The gradients carry the matching ``1/n``.
* Mean squared error has **no** factor 1/2: ``MSE = mean((y_pred - y)²)``, as in the lessons,
  so its gradient is ``2 (y_pred - y) / n``.
* Predictions and targets must have the **same shape**. numpy would happily broadcast a
  (4, 1) column against a (4,) vector into a (4, 4) table and give a wrong number without a
  word; here that raises a ValueError naming both shapes.
* Losses return a Python float; gradients return an array shaped like the predictions.

The ``_from_logits`` versions take ``z`` instead of probabilities. They never take the log of 0,
and their gradients are the famous short forms ``σ(z) - y`` and ``softmax(z) - y``.

``LOSSES`` maps each name to a :class:`Loss`, as ``ACTIVATIONS`` does for activations, so that a
network can be given its loss by name. Here ``C`` is the cost (the loss) and ``a`` the network's
output.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

import numpy as np
from numpy.typing import ArrayLike

from neuronlab._validation import as_float_array, as_real_number, as_whole_number, shape_text
from neuronlab.activations import sigmoid

EPSILON = 1e-12
"""How far from 0 and 1 probabilities are clipped before taking logs: ``log(1e-12) ≈ -27.6``,
so a confidently wrong prediction costs at most about 27.6 instead of infinity."""


# ---------------------------------------------------------------------------------------------
# Shared checks
# ---------------------------------------------------------------------------------------------


def _same_shape(
    y_pred: ArrayLike, y_true: ArrayLike, pred_name: str = "y_pred"
) -> tuple[np.ndarray, np.ndarray]:
    """Both arguments as float arrays of one and the same, non-empty shape, or a clear error."""
    y_pred = as_float_array(y_pred, name=pred_name)
    y_true = as_float_array(y_true, name="y_true")
    if y_pred.shape != y_true.shape:
        raise ValueError(
            f"{pred_name} has shape {shape_text(y_pred.shape)} but y_true has shape "
            f"{shape_text(y_true.shape)}; they must match entry for entry "
            "(reshape one of them, e.g. y_true.reshape(-1, 1), rather than rely on broadcasting)."
        )
    if y_pred.size == 0:
        raise ValueError(f"{pred_name} and y_true are empty (shape {shape_text(y_pred.shape)}).")
    return y_pred, y_true


def _epsilon(eps: float) -> float:
    eps = as_real_number(eps, "eps")
    if not 0 < eps < 0.5:
        raise ValueError(f"eps must be a small positive number such as 1e-12, but got {eps}.")
    return eps


# ---------------------------------------------------------------------------------------------
# Mean squared error
# ---------------------------------------------------------------------------------------------


def mean_squared_error(y_pred: ArrayLike, y_true: ArrayLike) -> float:
    """Mean squared error ``MSE = (1/n) Σ (y_pred - y)²``, the mean over all ``n`` entries.

    No factor 1/2 (some books put one in front to cancel the 2 of the derivative).
    """
    y_pred, y_true = _same_shape(y_pred, y_true)
    error = y_pred - y_true
    return float(np.mean(error * error))


def mean_squared_error_gradient(y_pred: ArrayLike, y_true: ArrayLike) -> np.ndarray:
    """Gradient of the MSE with respect to the predictions: ``∂MSE/∂y_pred = 2 (y_pred - y) / n``,
    with ``n`` the number of entries.
    """
    y_pred, y_true = _same_shape(y_pred, y_true)
    return 2.0 * (y_pred - y_true) / y_pred.size


# ---------------------------------------------------------------------------------------------
# Binary cross-entropy (one sigmoid output per entry, targets 0 or 1)
# ---------------------------------------------------------------------------------------------


def binary_cross_entropy(y_pred: ArrayLike, y_true: ArrayLike, eps: float = EPSILON) -> float:
    """Binary cross-entropy from probabilities ``p = y_pred``, the mean over all ``n`` entries:

    ``BCE = -(1/n) Σ [y log p + (1 - y) log(1 - p)]``.

    ``p`` is first clipped to ``[eps, 1 - eps]``, so that ``p = 0`` or ``p = 1`` costs a large
    finite number instead of ``log 0 = -inf``. Prefer :func:`binary_cross_entropy_from_logits`
    when you have the net input ``z``: it needs no clipping.
    """
    p, y = _same_shape(y_pred, y_true)
    p = np.clip(p, _epsilon(eps), 1.0 - eps)
    return float(-np.mean(y * np.log(p) + (1.0 - y) * np.log1p(-p)))


def binary_cross_entropy_gradient(
    y_pred: ArrayLike, y_true: ArrayLike, eps: float = EPSILON
) -> np.ndarray:
    """Gradient of :func:`binary_cross_entropy` with respect to ``p``:

    ``∂BCE/∂p = (1/n) [-y/p + (1 - y)/(1 - p)] = (p - y) / (n p (1 - p))``,

    with ``p`` clipped as in the loss. It blows up as ``p`` nears 0 or 1, which is why the
    gradient from logits (multiply by ``σ'(z) = p (1 - p)`` and it cancels) is nicer.
    """
    p, y = _same_shape(y_pred, y_true)
    p = np.clip(p, _epsilon(eps), 1.0 - eps)
    return (p - y) / (p * (1.0 - p) * p.size)


def binary_cross_entropy_from_logits(z: ArrayLike, y_true: ArrayLike) -> float:
    """Binary cross-entropy of ``p = σ(z)``, computed from the logits ``z`` without overflow:

    ``BCE = (1/n) Σ [max(z, 0) - z y + log(1 + e^(-|z|))]``.

    This is ``-[y log σ(z) + (1 - y) log(1 - σ(z))]`` rewritten with ``log σ(z) = -log(1 + e^(-z))``:
    ``e`` is only ever raised to a power <= 0, and ``log1p`` keeps tiny values accurate.
    At ``z = ±1000`` it gives 0 or 1000, with no warning and no clipping.
    """
    z, y = _same_shape(z, y_true, pred_name="z")
    losses = np.maximum(z, 0.0) - z * y + np.log1p(np.exp(-np.abs(z)))
    return float(np.mean(losses))


def binary_cross_entropy_from_logits_gradient(z: ArrayLike, y_true: ArrayLike) -> np.ndarray:
    """Gradient of :func:`binary_cross_entropy_from_logits` with respect to ``z``:
    ``∂BCE/∂z = (σ(z) - y) / n``.

    The chain rule gives ``(p - y) / (p (1 - p)) · σ'(z)``, and ``σ'(z) = p (1 - p)`` cancels
    the denominator: the gradient is simply *prediction minus target*.
    """
    z, y = _same_shape(z, y_true, pred_name="z")
    return (sigmoid(z) - y) / z.size


# ---------------------------------------------------------------------------------------------
# Softmax and categorical cross-entropy (one row of class scores per sample)
# ---------------------------------------------------------------------------------------------


def _logits(z: ArrayLike) -> np.ndarray:
    """Logits as a float array of shape (n_classes,) or (n_samples, n_classes)."""
    z = as_float_array(z, name="z")
    if z.ndim not in (1, 2) or z.shape[-1] == 0:
        raise ValueError(
            "z must hold class scores of shape (n_classes,) or (n_samples, n_classes), "
            f"but has shape {shape_text(z.shape)}."
        )
    return z


def _shifted(z: np.ndarray) -> np.ndarray:
    """``z - max(z)`` along each row: the largest entry becomes 0, every other one is < 0."""
    # A gap wider than the float range (z = ±1e308) rounds to -inf; e^-inf = 0 is the right
    # answer there, so the overflow warning is silenced for this subtraction only.
    with np.errstate(over="ignore"):
        return z - np.max(z, axis=-1, keepdims=True)


def softmax(z: ArrayLike) -> np.ndarray:
    """Softmax along the last axis: ``softmax(z)_k = e^(z_k) / Σ_j e^(z_j)``.

    Turns a row of scores into probabilities that are positive and sum to 1. Adding the same
    number to every score changes nothing (it cancels between top and bottom), so the row's
    maximum is subtracted first: then the largest power of ``e`` is ``e^0 = 1`` and nothing
    overflows, even at ``z = 1000``.
    """
    exps = np.exp(_shifted(_logits(z)))
    return exps / np.sum(exps, axis=-1, keepdims=True)  # the sum is >= 1, never 0


def log_softmax(z: ArrayLike) -> np.ndarray:
    """``log(softmax(z))`` without ever taking the log of 0:
    ``log softmax(z)_k = (z_k - m) - log Σ_j e^(z_j - m)``, with ``m`` the row's maximum.
    """
    shifted = _shifted(_logits(z))
    return shifted - np.log(np.sum(np.exp(shifted), axis=-1, keepdims=True))


def one_hot(labels: ArrayLike, n_classes: int) -> np.ndarray:
    """Labels ``[2, 0]`` as rows of zeros with a single 1: ``[[0, 0, 1], [1, 0, 0]]`` (3 classes)."""
    n_classes = as_whole_number(n_classes, "n_classes")
    labels = as_float_array(labels, name="labels")
    if labels.ndim != 1:
        raise ValueError(
            f"labels must be a vector of class numbers, shape (n_samples,), but have shape "
            f"{shape_text(labels.shape)}."
        )
    bad = (labels != np.round(labels)) | (labels < 0) | (labels >= n_classes) | np.isnan(labels)
    if np.any(bad):
        raise ValueError(
            f"labels must be whole numbers from 0 to {n_classes - 1}, but got {float(labels[bad][0])}."
        )
    encoded = np.zeros((labels.shape[0], n_classes))
    encoded[np.arange(labels.shape[0]), labels.astype(np.intp)] = 1.0
    return encoded


def _class_targets(z: np.ndarray, y_true: ArrayLike) -> np.ndarray:
    """Targets as one row of class probabilities per row of ``z``.

    ``y_true`` is either one-hot (the same shape as ``z``; any rows of probabilities summing to 1
    work) or integer labels with one fewer axis, e.g. shape (n_samples,) for ``z`` of shape
    (n_samples, n_classes).
    """
    y = as_float_array(y_true, name="y_true")
    if y.shape == z.shape[:-1] and y.ndim <= 1:
        return one_hot(y.reshape(-1), z.shape[-1]).reshape(z.shape)
    if y.shape != z.shape:
        raise ValueError(
            f"z has shape {shape_text(z.shape)} but y_true has shape {shape_text(y.shape)}; "
            f"y_true must be one-hot of shape {shape_text(z.shape)} or integer labels of shape "
            f"{shape_text(z.shape[:-1])}."
        )
    if np.any(y < 0) or not np.allclose(np.sum(y, axis=-1), 1.0):
        raise ValueError(
            "each row of a one-hot y_true must be >= 0 and sum to 1 (a 1 for the true class, 0 "
            f"elsewhere), but row sums are {np.round(np.sum(y, axis=-1), 3)}."
        )
    return y


def categorical_cross_entropy(y_pred: ArrayLike, y_true: ArrayLike, eps: float = EPSILON) -> float:
    """Categorical cross-entropy from probabilities, the mean over the ``m`` samples (rows):

    ``CE = -(1/m) Σ_i Σ_k y_ik log p_ik``, only the true class's ``-log p`` counts for one-hot y.

    ``y_true`` is one-hot (the shape of ``y_pred``) or integer labels (one axis fewer); ``p`` is
    clipped to ``[eps, 1]``. Prefer :func:`categorical_cross_entropy_from_logits`.
    """
    p = _logits(y_pred)
    y = _class_targets(p, y_true)
    p = np.clip(p, _epsilon(eps), 1.0)
    return float(-np.sum(y * np.log(p)) / _n_rows(p))


def categorical_cross_entropy_gradient(
    y_pred: ArrayLike, y_true: ArrayLike, eps: float = EPSILON
) -> np.ndarray:
    """Gradient of :func:`categorical_cross_entropy` with respect to ``p``: ``-y / (m p)``."""
    p = _logits(y_pred)
    y = _class_targets(p, y_true)
    p = np.clip(p, _epsilon(eps), 1.0)
    return -y / (p * _n_rows(p))


def categorical_cross_entropy_from_logits(z: ArrayLike, y_true: ArrayLike) -> float:
    """Categorical cross-entropy of ``softmax(z)``, from the logits, the mean over the samples:

    ``CE = -(1/m) Σ_i Σ_k y_ik log softmax(z_i)_k``, with :func:`log_softmax` (no log of 0).

    ``y_true`` is one-hot, shape (m, n_classes), or integer labels, shape (m,). For a single
    sample, ``z`` may be a vector of shape (n_classes,) with a label of shape ().
    """
    z = _logits(z)
    y = _class_targets(z, y_true)
    return float(-np.sum(y * log_softmax(z)) / _n_rows(z))


def categorical_cross_entropy_from_logits_gradient(z: ArrayLike, y_true: ArrayLike) -> np.ndarray:
    """Gradient of :func:`categorical_cross_entropy_from_logits` with respect to ``z``:
    ``∂CE/∂z = (softmax(z) - y) / m``, with ``y`` one-hot.

    As for the sigmoid, the softmax's derivative cancels against the log's ``1/p``: the
    gradient is prediction minus target, one row per sample.
    """
    z = _logits(z)
    y = _class_targets(z, y_true)
    return (softmax(z) - y) / _n_rows(z)


def _n_rows(z: np.ndarray) -> int:
    """The number of samples: rows of a 2-D array, 1 for a single vector of class scores."""
    return z.shape[0] if z.ndim == 2 else 1


# ---------------------------------------------------------------------------------------------
# The registry
# ---------------------------------------------------------------------------------------------


def sigmoid_cross_entropy_output_error(a: np.ndarray, y: np.ndarray) -> np.ndarray:
    """The output layer's error ``δ^L = ∂C/∂z^L`` for a sigmoid output and binary cross-entropy:
    ``(a - y) / n``, with ``n`` the number of entries (the loss is a mean over all of them).

    BP1 says ``δ^L = ∂C/∂a ⊙ σ'(z) = (a - y) / (n a (1 - a)) ⊙ a (1 - a)``: the two cancel.
    """
    return (a - y) / a.size


def softmax_cross_entropy_output_error(a: np.ndarray, y: np.ndarray) -> np.ndarray:
    """The output layer's error ``δ^L = ∂C/∂z^L`` for a softmax output and categorical
    cross-entropy: ``(a - y) / m``, with ``m`` the number of samples (rows).

    The same cancellation as for the sigmoid, through the softmax's Jacobian.
    """
    return (a - y) / a.shape[0]


class Loss(NamedTuple):
    """A loss ``C(a, y)`` with its gradient ``∂C/∂a``, for a network's output ``a``.

    ``output_activation`` is the output activation the loss needs (its outputs must be
    probabilities), or None for any. For that pairing, ``value_from_logits(z, y)`` gives the
    same cost from the output layer's net input ``z`` (it never takes the log of 0), and
    ``output_error(a, y)`` the output layer's error ``δ^L = ∂C/∂z^L`` (BP1), in which the
    activation's derivative has cancelled.
    """

    name: str
    value: Callable[[ArrayLike, ArrayLike], float]
    gradient: Callable[[ArrayLike, ArrayLike], np.ndarray]
    output_activation: str | None = None
    value_from_logits: Callable[[ArrayLike, ArrayLike], float] | None = None
    output_error: Callable[[np.ndarray, np.ndarray], np.ndarray] | None = None

    def __call__(self, a: ArrayLike, y: ArrayLike) -> float:
        """The loss ``C(a, y)``."""
        return self.value(a, y)

    def value_at(self, z: np.ndarray, a: np.ndarray, y: np.ndarray) -> float:
        """``C`` for an output layer with net input ``z`` and output ``a``: from the logits
        ``z`` when the loss declares ``value_from_logits``, else from ``a``.
        """
        if self.value_from_logits is not None:
            return self.value_from_logits(z, y)
        return self.value(a, y)

    def __repr__(self) -> str:
        return f"Loss({self.name!r})"


LOSSES: dict[str, Loss] = {
    loss.name: loss
    for loss in [
        Loss("mse", mean_squared_error, mean_squared_error_gradient),
        Loss(
            "bce",
            binary_cross_entropy,
            binary_cross_entropy_gradient,
            "sigmoid",
            binary_cross_entropy_from_logits,
            sigmoid_cross_entropy_output_error,
        ),
        Loss(
            "cross_entropy",
            categorical_cross_entropy,
            categorical_cross_entropy_gradient,
            "softmax",
            categorical_cross_entropy_from_logits,
            softmax_cross_entropy_output_error,
        ),
    ]
}


def get_loss(name: str | Loss) -> Loss:
    """Look a loss up by name (``"mse"``), or pass a :class:`Loss` through."""
    if isinstance(name, Loss):
        return name
    if not isinstance(name, str) or name not in LOSSES:
        raise ValueError(f"unknown loss {name!r}; choose one of: {', '.join(LOSSES)}.")
    return LOSSES[name]
