"""A small multilayer perceptron (MLP), trained by backpropagation and gradient descent.

The network is a stack of layers. Layer ``l`` has a weight matrix ``W[l]`` of shape
(n_in, n_out), a bias vector ``b[l]`` of shape (n_out,) and an activation ``f_l``. A batch of
``m`` samples is a matrix ``X`` of shape (m, n_in), **one row per sample**, and goes through
every layer at once:

    z = a_prev @ W + b        net inputs, shape (m, n_out)
    a = f(z)                  activations, the next layer's input

Training asks how the loss changes with every weight. Backpropagation answers with four
equations (Nielsen, *Neural Networks and Deep Learning*, chapter 2), written here for batches,
with ``⊙`` the element-wise product and ``δ = ∂Loss/∂z`` the *error* of a layer:

    (BP1)  δ_L = ∂Loss/∂a_L ⊙ f'(z_L)                 the output layer's error
    (BP2)  δ_l = (δ_(l+1) @ W_(l+1)ᵀ) ⊙ f'(z_l)         pushed back one layer
    (BP3)  ∂Loss/∂b_l = Σ over samples of δ_l
    (BP4)  ∂Loss/∂W_l = a_(l-1)ᵀ @ δ_l

The loss is a mean over the batch (see :mod:`neuronlab.losses`), so its ``1/m`` sits inside
``δ_L`` and flows through BP2-BP4 with it. For a sigmoid output with binary cross-entropy, or a
softmax output with categorical cross-entropy, BP1 simplifies to ``δ_L = (a_L - y) / n``.

Everything runs on whole batches with matrix products: there is no loop over samples.
"""

from __future__ import annotations

import numbers
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from neuronlab._validation import as_float_array, as_real_number, shape_text
from neuronlab.activations import Activation, get_activation, sigmoid
from neuronlab.losses import (
    binary_cross_entropy_from_logits,
    categorical_cross_entropy_from_logits,
    mean_squared_error,
    mean_squared_error_gradient,
    one_hot,
    softmax,
)

# ---------------------------------------------------------------------------------------------
# Initialisers: where the weights start (lesson 09)
# ---------------------------------------------------------------------------------------------

Initialiser = Callable[[int, int, np.random.Generator], np.ndarray]


def _whole_number(value: object, name: str, minimum: int = 1) -> int:
    """``value`` as an int, or a ValueError naming the argument."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < minimum:
        raise ValueError(f"{name} must be a whole number >= {minimum}, but got {value!r}.")
    return int(value)


def init_normal(
    fan_in: int, fan_out: int, rng: np.random.Generator, std: float = 1.0
) -> np.ndarray:
    """Weights drawn from a normal distribution ``N(0, std²)``, shape (fan_in, fan_out).

    ``std = 1`` is the classic starting point. With many inputs it makes the net inputs
    ``z = Σ w_i x_i`` large (their variance grows with fan_in), so sigmoids start saturated.
    """
    fan_in, fan_out = _whole_number(fan_in, "fan_in"), _whole_number(fan_out, "fan_out")
    std = as_real_number(std, "std")
    if std < 0:
        raise ValueError(f"std must be >= 0, but got {std}.")
    return rng.normal(0.0, std, size=(fan_in, fan_out))


def init_xavier(fan_in: int, fan_out: int, rng: np.random.Generator) -> np.ndarray:
    """Xavier (Glorot) **uniform** weights: ``U(-r, r)`` with ``r = √(6 / (fan_in + fan_out))``.

    A uniform distribution on ``(-r, r)`` has variance ``r² / 3``, so
    ``Var(w) = 2 / (fan_in + fan_out)``: a compromise between keeping the signal's size on the
    way forward (``fan_in Var(w) = 1``) and the gradient's on the way back
    (``fan_out Var(w) = 1``), for zero-centred activations with slope 1 at 0 (tanh). It does not
    suit the sigmoid: its slope at 0 is 1/4, and its outputs have mean 1/2, not 0, so the
    forward argument fails (lesson 09).
    """
    fan_in, fan_out = _whole_number(fan_in, "fan_in"), _whole_number(fan_out, "fan_out")
    limit = np.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-limit, limit, size=(fan_in, fan_out))


def init_he(fan_in: int, fan_out: int, rng: np.random.Generator) -> np.ndarray:
    """He (Kaiming) **normal** weights: ``N(0, 2 / fan_in)``.

    ReLU zeroes half of its inputs on average, halving the variance of the signal; the factor 2
    makes up for it, layer after layer.
    """
    fan_in, fan_out = _whole_number(fan_in, "fan_in"), _whole_number(fan_out, "fan_out")
    return rng.normal(0.0, np.sqrt(2.0 / fan_in), size=(fan_in, fan_out))


INITIALISERS: dict[str, Initialiser] = {
    "normal": init_normal,
    "xavier": init_xavier,
    "he": init_he,
}


# ---------------------------------------------------------------------------------------------
# The network
# ---------------------------------------------------------------------------------------------

LOSSES = ("mse", "bce", "cross_entropy")


class TrainingDiverged(ValueError):
    """The loss became NaN or infinite during training: the steps were too big."""

    def __init__(self, epoch: int, loss_value: float, learning_rate: float) -> None:
        self.epoch = epoch
        self.loss_value = loss_value
        self.learning_rate = learning_rate
        super().__init__(
            f"training diverged at epoch {epoch}: the loss became {loss_value}. "
            f"The learning rate {learning_rate:g} is too large for this network and data; "
            f"try a smaller one, e.g. {learning_rate / 10:g}."
        )


@dataclass
class ForwardCache:
    """What the forward pass remembers for the backward pass.

    ``a[0]`` is the input ``X``; for layer ``l`` (0 = the first layer after the input),
    ``z[l] = a[l] @ W[l] + b[l]`` is its net input and ``a[l + 1] = f_l(z[l])`` its output.
    """

    z: list[np.ndarray]
    a: list[np.ndarray]

    @property
    def output(self) -> np.ndarray:
        """The network's output, ``a[-1]``."""
        return self.a[-1]


class MLP:
    """A fully connected network: ``MLP([2, 4, 1], ["sigmoid", "sigmoid"])``.

    ``layer_sizes`` lists the number of units from the input to the output layer.
    ``activations`` gives one activation per layer after the input, by name (see
    :data:`neuronlab.activations.ACTIVATIONS`; ``"softmax"`` is allowed for the last layer), or
    one name for all layers. ``init`` names an initialiser from :data:`INITIALISERS` (or is a
    function ``(fan_in, fan_out, rng) -> weights``); biases start at 0. ``seed`` fixes the
    random start.

    The parameters are plain lists of arrays, free to look at and change: ``weights[l]`` of
    shape (n_in, n_out) and ``biases[l]`` of shape (n_out,), for ``l = 0`` (the first layer
    after the input) to the output layer.
    """

    def __init__(
        self,
        layer_sizes: Sequence[int],
        activations: str | Sequence[str | Activation] = "sigmoid",
        init: str | Initialiser = "xavier",
        seed: int = 0,
    ) -> None:
        if isinstance(layer_sizes, str | bytes) or not hasattr(layer_sizes, "__len__"):
            raise TypeError(f"layer_sizes must be a list such as [2, 4, 1], got {layer_sizes!r}.")
        layer_sizes = list(layer_sizes)
        if len(layer_sizes) < 2:
            raise ValueError(
                f"layer_sizes needs at least an input and an output size, e.g. [2, 1]; "
                f"got {list(layer_sizes)}."
            )
        self.layer_sizes = [_whole_number(n, "every layer size") for n in layer_sizes]
        n_layers = len(self.layer_sizes) - 1

        if isinstance(activations, str | Activation):
            activations = [activations] * n_layers
        if len(activations) != n_layers:
            raise ValueError(
                f"{n_layers} layer(s) after the input need {n_layers} activation(s), one each, "
                f"but got {len(activations)}: {list(activations)}."
            )
        self._activations: list[Activation | None] = []  # None stands for softmax
        for position, activation in enumerate(activations):
            if activation == "softmax":
                if position != n_layers - 1:
                    raise ValueError(
                        "softmax can only be the last layer's activation (it turns the output "
                        f"into class probabilities), but it is given for layer {position + 1}."
                    )
                self._activations.append(None)
            else:
                self._activations.append(get_activation(activation))
        self.activation_names = ["softmax" if f is None else f.name for f in self._activations]

        if isinstance(init, str):
            if init not in INITIALISERS:
                known = ", ".join(INITIALISERS)
                raise ValueError(f"unknown initialiser {init!r}; choose one of: {known}.")
            initialiser = INITIALISERS[init]
        elif callable(init):
            initialiser = init
        else:
            raise TypeError(f"init must be an initialiser's name or a function, got {init!r}.")
        self.init = init if isinstance(init, str) else getattr(init, "__name__", "custom")
        self.seed = seed

        rng = np.random.default_rng(seed)
        self.weights: list[np.ndarray] = []
        self.biases: list[np.ndarray] = []
        for fan_in, fan_out in zip(self.layer_sizes[:-1], self.layer_sizes[1:], strict=True):
            W = np.asarray(initialiser(fan_in, fan_out, rng), dtype=np.float64)
            if W.shape != (fan_in, fan_out):
                raise ValueError(
                    f"the initialiser returned weights of shape {shape_text(W.shape)}, "
                    f"but this layer needs shape ({fan_in}, {fan_out})."
                )
            self.weights.append(W)
            self.biases.append(np.zeros(fan_out))

    def __repr__(self) -> str:
        return f"MLP({self.layer_sizes}, {self.activation_names}, init={self.init!r})"

    @property
    def n_parameters(self) -> int:
        """How many numbers training adjusts: every weight and every bias."""
        return sum(W.size + b.size for W, b in zip(self.weights, self.biases, strict=True))

    # -- checks ---------------------------------------------------------------------------------

    def _inputs(self, X: ArrayLike) -> np.ndarray:
        X = as_float_array(X, name="X")
        n_in = self.layer_sizes[0]
        if X.ndim != 2 or X.shape[1] != n_in or X.shape[0] == 0:
            raise ValueError(
                f"X has shape {shape_text(X.shape)}, but this network takes {n_in} input(s): X "
                f"must have shape (n_samples, {n_in}), one row per sample "
                f"(for a single sample, use x.reshape(1, -1))."
            )
        return X

    def _check_loss(self, loss: str) -> None:
        if loss not in LOSSES:
            raise ValueError(f"unknown loss {loss!r}; choose one of: {', '.join(LOSSES)}.")
        needs = {"bce": "sigmoid", "cross_entropy": "softmax"}.get(loss)
        if needs is not None and self.activation_names[-1] != needs:
            raise ValueError(
                f"loss {loss!r} needs a {needs} output layer (its outputs are probabilities), "
                f"but the last activation is {self.activation_names[-1]!r}."
            )

    def _targets(self, y: ArrayLike, n_samples: int, loss: str) -> np.ndarray:
        """Targets as a float array of shape (n_samples, n_out), the output's shape.

        A vector of shape (n_samples,) is accepted for a single output, and, for
        cross-entropy, as integer class labels (turned into one-hot rows).
        """
        self._check_loss(loss)
        y = as_float_array(y, name="y")
        n_out = self.layer_sizes[-1]
        if y.shape == (n_samples,) and loss == "cross_entropy":
            return one_hot(y, n_out)
        if y.shape == (n_samples,) and n_out == 1:
            return y.reshape(n_samples, 1)
        if y.shape != (n_samples, n_out):
            accepted = f"({n_samples}, {n_out})"
            if n_out == 1:
                accepted += f" or ({n_samples},)"
            elif loss == "cross_entropy":
                accepted += f" (one-hot) or ({n_samples},) (integer labels)"
            raise ValueError(
                f"y has shape {shape_text(y.shape)}, but the network's output for {n_samples} "
                f"sample(s) has shape ({n_samples}, {n_out}): y must have shape {accepted}."
            )
        if loss == "cross_entropy" and not np.allclose(y.sum(axis=1), 1.0):
            raise ValueError("each row of a one-hot y must sum to 1 (a single 1 per row).")
        return y

    # -- forward ----------------------------------------------------------------------------------

    def _activate(self, layer: int, z: np.ndarray) -> np.ndarray:
        f = self._activations[layer]
        return softmax(z) if f is None else f(z)

    def forward(self, X: ArrayLike) -> np.ndarray:
        """The network's output for a batch ``X`` of shape (m, n_in): shape (m, n_out)."""
        a = self._inputs(X)
        for layer, (W, b) in enumerate(zip(self.weights, self.biases, strict=True)):
            z = a @ W
            z += b  # in place: adds b to every row, without a second (m, n_out) array
            a = self._activate(layer, z)
        return a

    def forward_with_cache(self, X: ArrayLike) -> ForwardCache:
        """The forward pass, keeping every layer's net input ``z`` and output ``a``."""
        return self._forward_with_cache(self._inputs(X))

    def _forward_with_cache(self, X: np.ndarray) -> ForwardCache:
        cache = ForwardCache(z=[], a=[X])
        for layer, (W, b) in enumerate(zip(self.weights, self.biases, strict=True)):
            z = cache.a[-1] @ W
            z += b
            cache.z.append(z)
            cache.a.append(self._activate(layer, z))
        return cache

    # -- loss -------------------------------------------------------------------------------------

    def _loss_value(self, cache: ForwardCache, Y: np.ndarray, loss: str) -> float:
        """The loss of a forward pass; cross-entropies are taken from the logits ``z``."""
        if loss == "mse":
            return mean_squared_error(cache.output, Y)
        if loss == "bce":
            return binary_cross_entropy_from_logits(cache.z[-1], Y)
        return categorical_cross_entropy_from_logits(cache.z[-1], Y)

    def loss(self, X: ArrayLike, y: ArrayLike, loss: str = "mse") -> float:
        """The loss on ``(X, y)``: ``"mse"``, ``"bce"`` (sigmoid output) or ``"cross_entropy"``
        (softmax output). See :mod:`neuronlab.losses` for the formulas."""
        X = self._inputs(X)
        return self._loss_value(self._forward_with_cache(X), self._targets(y, len(X), loss), loss)

    # -- backward ---------------------------------------------------------------------------------

    def _derivative(self, layer: int, z: np.ndarray, a: np.ndarray) -> np.ndarray:
        """``f'(z)`` of one layer, at the net input ``z`` it had in the forward pass."""
        if self.activation_names[layer] == "sigmoid":
            # σ'(z) = σ(z) (1 - σ(z)), and the forward pass already stored a = σ(z): two cheap
            # arithmetic operations instead of new exponentials. (This "x(1 - x)" form is right
            # only because a *is* the sigmoid's output.)
            return a * (1.0 - a)
        return self._activations[layer].derivative(z)

    def _output_delta(self, cache: ForwardCache, Y: np.ndarray, loss: str) -> np.ndarray:
        """``δ_L = ∂Loss/∂z_L``, the error of the output layer (BP1)."""
        a = cache.output
        if loss == "bce":
            # Sigmoid + binary cross-entropy: ∂Loss/∂a · σ'(z) = (a - y)/(n a(1 - a)) · a(1 - a)
            # = (a - y) / n, with n the number of entries (the loss is a mean over all of them).
            return (a - Y) / a.size
        if loss == "cross_entropy":
            # Softmax + categorical cross-entropy: the same cancellation, (a - y) / m for m samples.
            return (a - Y) / a.shape[0]
        grad_a = mean_squared_error_gradient(a, Y)  # 2 (a - y) / n
        if self._activations[-1] is None:
            # softmax mixes a row's inputs: its derivative is a matrix per sample,
            # J = diag(s) - s sᵀ, and J g = s ⊙ (g - (g · s)) for the row's gradient g.
            return a * (grad_a - np.sum(grad_a * a, axis=1, keepdims=True))
        grad_a *= self._derivative(len(self.weights) - 1, cache.z[-1], a)
        return grad_a

    def backward(
        self, cache: ForwardCache, y: ArrayLike, loss: str = "mse"
    ) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """Gradients of the loss with respect to every ``W[l]`` and ``b[l]``, from a forward pass.

        Returns ``(grads_W, grads_b)``, lists shaped like ``weights`` and ``biases``.
        """
        return self._backward(cache, self._targets(y, len(cache.a[0]), loss), loss)

    def _backward(
        self, cache: ForwardCache, Y: np.ndarray, loss: str, scale: float = 1.0
    ) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """BP1-BP4; every gradient comes out multiplied by ``scale`` (see ``_sgd_step``)."""
        n_layers = len(self.weights)
        grads_W: list[np.ndarray] = [np.empty(0)] * n_layers
        grads_b: list[np.ndarray] = [np.empty(0)] * n_layers
        delta = self._output_delta(cache, Y, loss)  # (BP1)
        if scale != 1.0:
            delta *= scale  # BP2-BP4 are linear in δ: a scaled δ_L scales every gradient
        for layer in reversed(range(n_layers)):
            grads_W[layer] = cache.a[layer].T @ delta  # (BP4): a_(l-1)ᵀ δ_l
            grads_b[layer] = delta.sum(axis=0)  # (BP3)
            if layer > 0:  # (BP2), except below the first layer: no one needs ∂Loss/∂X
                delta = delta @ self.weights[layer].T
                delta *= self._derivative(layer - 1, cache.z[layer - 1], cache.a[layer])
        return grads_W, grads_b

    # -- training ---------------------------------------------------------------------------------

    def _sgd_step(self, X: np.ndarray, Y: np.ndarray, learning_rate: float, loss: str) -> None:
        """One step of gradient descent on one batch: ``W ← W - η ∂Loss/∂W``, same for ``b``."""
        # Asking backprop for η ∂Loss/∂W directly (η multiplies the small δ_L, not every
        # large weight gradient) leaves one subtraction per matrix for the update.
        steps_W, steps_b = self._backward(self._forward_with_cache(X), Y, loss, scale=learning_rate)
        for W, b, step_W, step_b in zip(self.weights, self.biases, steps_W, steps_b, strict=True):
            W -= step_W
            b -= step_b

    def sgd_step(self, X: ArrayLike, y: ArrayLike, learning_rate: float, loss: str = "mse") -> None:
        """One gradient-descent step on the batch ``(X, y)``, changing the weights in place."""
        X = self._inputs(X)
        Y = self._targets(y, len(X), loss)
        self._sgd_step(X, Y, as_real_number(learning_rate, "learning_rate"), loss)

    def train(
        self,
        X: ArrayLike,
        y: ArrayLike,
        epochs: int,
        learning_rate: float,
        batch_size: int | None = None,
        loss: str = "mse",
        seed: int = 0,
    ) -> list[float]:
        """Train by gradient descent; return the history: the loss on ``(X, y)`` after each epoch.

        An epoch is one pass over the data: one step on the whole batch when ``batch_size`` is
        None, else steps on mini-batches of ``batch_size`` rows, in an order shuffled anew each
        epoch by ``np.random.default_rng(seed)`` (the same seed gives the same run). Raises
        :class:`TrainingDiverged` if the loss becomes NaN or infinite.
        """
        X = self._inputs(X)
        Y = self._targets(y, len(X), loss)
        epochs = _whole_number(epochs, "epochs")
        learning_rate = as_real_number(learning_rate, "learning_rate")
        if learning_rate <= 0:
            raise ValueError(f"learning_rate must be positive, but got {learning_rate}.")
        if batch_size is not None:
            batch_size = _whole_number(batch_size, "batch_size")
        rng = np.random.default_rng(seed)
        n_samples = len(X)
        history: list[float] = []
        # A run that diverges overflows on its way to inf and NaN. Instead of numpy's warnings,
        # the check at the end of each epoch stops it with an error that says what to do.
        with np.errstate(over="ignore", invalid="ignore"):
            for epoch in range(1, epochs + 1):
                if batch_size is None:
                    self._sgd_step(X, Y, learning_rate, loss)
                else:
                    order = rng.permutation(n_samples)
                    for start in range(0, n_samples, batch_size):
                        rows = order[start : start + batch_size]
                        self._sgd_step(X[rows], Y[rows], learning_rate, loss)
                epoch_loss = self._loss_value(self._forward_with_cache(X), Y, loss)
                if not np.isfinite(epoch_loss):
                    raise TrainingDiverged(epoch, epoch_loss, learning_rate)
                history.append(epoch_loss)
        return history

    # -- looking inside -----------------------------------------------------------------------

    def gradient_norms(self, X: ArrayLike, y: ArrayLike, loss: str = "mse") -> list[float]:
        """The size ``‖∂Loss/∂W[l]‖`` (Frobenius norm) of each layer's weight gradient, from the
        first layer to the last: vanishing gradients show as norms shrinking towards the input."""
        X = self._inputs(X)
        grads_W, _ = self._backward(
            self._forward_with_cache(X), self._targets(y, len(X), loss), loss
        )
        return [float(np.linalg.norm(dW)) for dW in grads_W]

    def dead_relu_fraction(self, X: ArrayLike, per_layer: bool = False) -> float | list[float]:
        """The fraction of hidden ReLU units that output 0 for *every* sample of ``X``.

        Such a unit is *dead*: its gradient is 0 for all these inputs, so gradient descent
        will never revive it. Counted over all hidden layers whose activation is ``"relu"``
        (the output layer is not hidden); ``per_layer=True`` gives one fraction per such layer.
        """
        cache = self.forward_with_cache(X)
        relu_layers = [
            layer for layer, name in enumerate(self.activation_names[:-1]) if name == "relu"
        ]
        if not relu_layers:
            raise ValueError(
                f"this network has no hidden ReLU layer (its activations are "
                f"{self.activation_names})."
            )
        dead = [np.all(cache.a[layer + 1] == 0, axis=0) for layer in relu_layers]
        if per_layer:
            return [float(np.mean(d)) for d in dead]
        return float(np.mean(np.concatenate(dead)))

    def predict(self, X: ArrayLike) -> np.ndarray:
        """Class labels: for one output unit, 1 where the output is >= 0.5 (a sigmoid's
        probability of class 1), else 0; for several, the unit with the largest output."""
        output = self.forward(X)
        if output.shape[1] == 1:
            return (output[:, 0] >= 0.5).astype(np.int64)
        return np.argmax(output, axis=1)

    def accuracy(self, X: ArrayLike, y: ArrayLike) -> float:
        """The fraction of samples whose predicted class equals the label in ``y`` (labels of
        shape (m,) or (m, 1), or one-hot rows of shape (m, n_classes))."""
        predicted = self.predict(X)
        y = as_float_array(y, name="y")
        if y.ndim == 2 and y.shape[1] > 1:
            y = np.argmax(y, axis=1)
        y = y.reshape(-1)
        if y.shape != predicted.shape:
            raise ValueError(
                f"y has {y.size} label(s) but X has {predicted.size} sample(s); "
                "give one label per row of X."
            )
        return float(np.mean(predicted == y))


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
    from neuronlab.datasets import xor

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
    ``threshold``: stuck in a local minimum or on a plateau instead of solving XOR."""
    n_seeds = _whole_number(n_seeds, "n_seeds")
    losses = xor_final_losses(range(n_seeds), hidden, learning_rate, epochs, init)
    return float(np.mean(losses > threshold))
