"""A small multilayer perceptron (MLP), trained by backpropagation and gradient descent.

The network is a stack of L layers. Layer ``l`` has a weight matrix ``W^l`` of shape
(n_in, n_out), a bias vector ``b^l`` of shape (n_out,) and an activation ``f^l``. A batch of
``m`` samples is a matrix ``X`` of shape (m, n_in), **one row per sample**, and goes through
every layer at once, starting from ``a^0 = X``:

    z^l = a^(l-1) @ W^l + b^l      net inputs, shape (m, n_out)
    a^l = f^l(z^l)                 activations, the next layer's input

Training asks how the cost ``C`` changes with every weight. Backpropagation answers with four
equations (Nielsen, *Neural Networks and Deep Learning*, chapter 2), written here for batches,
with ``⊙`` the element-wise product and ``δ^l = ∂C/∂z^l`` the *error* of layer ``l``
(as in lesson 06, the layer's number is written up, ``δ^l``, and is a label, not a power):

    (BP1)  δ^L = ∂C/∂a^L ⊙ f^L'(z^L)                the output layer's error
    (BP2)  δ^l = (δ^(l+1) @ W^(l+1)ᵀ) ⊙ f^l'(z^l)     pushed back one layer
    (BP3)  ∂C/∂b^l = Σ over samples of δ^l
    (BP4)  ∂C/∂W^l = a^(l-1)ᵀ @ δ^l

The cost is a mean (see :mod:`neuronlab.losses`): over every entry of the output for the mean
squared error and the binary cross-entropy (``1/n``, with ``n = m × n_out``), over the ``m``
rows for the categorical cross-entropy (``1/m``). That factor sits inside ``δ^L`` and flows
through BP2-BP4 with it. For a sigmoid output with binary cross-entropy, BP1
simplifies to ``δ^L = (a^L - y) / n`` with ``n`` the number of entries of ``a^L``; for a
softmax output with categorical cross-entropy, to ``(a^L - y) / m`` with ``m`` the number of
samples (the rows).

**Indices.** The math numbers the layers 1 to L; Python's lists count from 0. So
``weights[l]``, ``biases[l]`` and ``cache.z[l]`` are the math's ``W^(l+1)``, ``b^(l+1)`` and
``z^(l+1)``, while ``cache.a`` also holds the input: ``cache.a[l]`` is the math's ``a^l``, with
``cache.a[0] = X``. Layer ``weights[l]`` reads ``cache.a[l]`` and writes ``cache.a[l + 1]``.

Everything runs on whole batches with matrix products: there is no loop over samples.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NamedTuple

import numpy as np
from numpy.typing import ArrayLike

from neuronlab._validation import as_float_array, as_real_number, as_whole_number, shape_text
from neuronlab.activations import Activation, get_activation
from neuronlab.losses import Loss, get_loss, one_hot, softmax

if TYPE_CHECKING:
    Initialiser = Callable[[int, int, np.random.Generator], np.ndarray]

# ---------------------------------------------------------------------------------------------
# Initialisers: where the weights start (lesson 09)
# ---------------------------------------------------------------------------------------------


def random_normal(
    fan_in: int, fan_out: int, rng: np.random.Generator, std: float = 1.0
) -> np.ndarray:
    """Weights drawn from a normal distribution ``N(0, std²)``, shape (fan_in, fan_out).

    ``std = 1`` is the classic starting point. With many inputs it makes the net inputs
    ``z = Σ w_i x_i`` large (their variance grows with fan_in), so sigmoids start saturated.
    """
    fan_in, fan_out = as_whole_number(fan_in, "fan_in"), as_whole_number(fan_out, "fan_out")
    std = as_real_number(std, "std")
    if std < 0:
        raise ValueError(f"std must be >= 0, but got {std}.")
    return rng.normal(0.0, std, size=(fan_in, fan_out))


def xavier_uniform(fan_in: int, fan_out: int, rng: np.random.Generator) -> np.ndarray:
    """Xavier (Glorot) **uniform** weights: ``U(-r, r)`` with ``r = √(6 / (fan_in + fan_out))``.

    A uniform distribution on ``(-r, r)`` has variance ``r² / 3``, so
    ``Var(w) = 2 / (fan_in + fan_out)``. Glorot and Bengio derived it for activations that are
    close to the identity around 0, ``f(z) ≈ z`` (tanh): the signal keeps its variance on the
    way forward when ``Var(w) = 1 / fan_in``, the gradient on the way back when
    ``Var(w) = 1 / fan_out``, and ``2 / (fan_in + fan_out)`` is the compromise (both, when
    fan_in = fan_out). The sigmoid is not of that kind: it is not zero-centred,
    ``σ(z) ≈ 1/2 + z/4`` near 0, so its outputs have a mean of about 1/2 and the forward
    argument does not carry over. Its slope 1/4 means that weights 4 times larger would keep
    the size of the gradient on the backward pass, and on that pass only.
    """
    fan_in, fan_out = as_whole_number(fan_in, "fan_in"), as_whole_number(fan_out, "fan_out")
    limit = np.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-limit, limit, size=(fan_in, fan_out))


def he_normal(fan_in: int, fan_out: int, rng: np.random.Generator) -> np.ndarray:
    """He (Kaiming) **normal** weights: ``N(0, 2 / fan_in)``.

    ReLU zeroes half of its inputs on average, halving the variance of the signal; the factor 2
    makes up for it, layer after layer.
    """
    fan_in, fan_out = as_whole_number(fan_in, "fan_in"), as_whole_number(fan_out, "fan_out")
    return rng.normal(0.0, np.sqrt(2.0 / fan_in), size=(fan_in, fan_out))


INITIALISERS: dict[str, Initialiser] = {
    "normal": random_normal,
    "xavier": xavier_uniform,
    "he": he_normal,
}


# ---------------------------------------------------------------------------------------------
# The network
# ---------------------------------------------------------------------------------------------


def _no_elementwise_derivative(z: ArrayLike) -> np.ndarray:
    raise ValueError(
        "softmax has no element-wise derivative: each output depends on the whole row. "
        "Its backward pass multiplies by its Jacobian instead (see MLP.backward)."
    )


SOFTMAX = Activation(
    "softmax", softmax, _no_elementwise_derivative, "(0, 1), each row sums to 1", False
)
"""The softmax as an output activation: not element-wise, so not in ``ACTIVATIONS``."""


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


class ForwardCache(NamedTuple):
    """What the forward pass remembers for the backward pass.

    ``a[0]`` is the input ``X``; layer ``l`` (counted from 0, see the module's note on
    indices) computes ``z[l] = a[l] @ W[l] + b[l]`` and ``a[l + 1] = f_l(z[l])``.
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
        if len(layer_sizes) < 2:
            raise ValueError(
                f"layer_sizes needs at least an input and an output size, e.g. [2, 1]; "
                f"got {list(layer_sizes)}."
            )
        self.layer_sizes = [as_whole_number(n, "every layer size") for n in layer_sizes]
        n_layers = len(self.layer_sizes) - 1

        if isinstance(activations, str | Activation):
            activations = [activations] * n_layers
        if len(activations) != n_layers:
            raise ValueError(
                f"{n_layers} layer(s) after the input need {n_layers} activation(s), one each, "
                f"but got {len(activations)}: {list(activations)}."
            )
        if "softmax" in activations[:-1]:
            raise ValueError(
                "softmax can only be the last layer's activation (it turns the output into "
                f"class probabilities), but it is given for layer {activations.index('softmax') + 1}."
            )
        self.activations = [SOFTMAX if f == "softmax" else get_activation(f) for f in activations]

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
    def activation_names(self) -> list[str]:
        """The name of each layer's activation, from the first layer after the input."""
        return [f.name for f in self.activations]

    @property
    def n_parameters(self) -> int:
        """How many numbers training adjusts: every weight and every bias."""
        return sum(W.size + b.size for W, b in zip(self.weights, self.biases, strict=True))

    # -- checks: every public method checks what it is given, then takes one path -------------

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

    def _loss(self, loss: str | Loss) -> Loss:
        """The :class:`~neuronlab.losses.Loss` named ``loss``, if this network's output suits it."""
        loss = get_loss(loss)
        needs, has = loss.output_activation, self.activations[-1].name
        if needs is not None and has != needs:
            raise ValueError(
                f"loss {loss.name!r} needs a {needs} output layer (its outputs are "
                f"probabilities), but the last activation is {has!r}."
            )
        return loss

    def _targets(self, y: ArrayLike, n_samples: int, loss: Loss) -> np.ndarray:
        """Targets as a float array of shape (n_samples, n_out), the output's shape.

        A vector of shape (n_samples,) is accepted for a single output, and, for a softmax
        output, as integer class labels (turned into one-hot rows).
        """
        y = as_float_array(y, name="y")
        n_out = self.layer_sizes[-1]
        classes = self.activations[-1] is SOFTMAX
        if y.shape == (n_samples,) and classes:
            return one_hot(y, n_out)
        if y.shape == (n_samples,) and n_out == 1:
            return y.reshape(n_samples, 1)
        if y.shape != (n_samples, n_out):
            accepted = f"({n_samples}, {n_out})"
            if n_out == 1:
                accepted += f" or ({n_samples},)"
            elif classes:
                accepted += f" (one-hot) or ({n_samples},) (integer labels)"
            raise ValueError(
                f"y has shape {shape_text(y.shape)}, but the network's output for {n_samples} "
                f"sample(s) has shape ({n_samples}, {n_out}): y must have shape {accepted}."
            )
        if loss.output_activation == "softmax" and np.any(np.abs(y.sum(axis=1) - 1.0) > 1e-6):
            raise ValueError("each row of a one-hot y must sum to 1 (a single 1 per row).")
        return y

    # -- the forward pass ---------------------------------------------------------------------

    def forward_with_cache(self, X: ArrayLike) -> ForwardCache:
        """The forward pass for a batch ``X`` of shape (m, n_in), keeping every layer's net
        input ``z`` and output ``a`` for the backward pass.
        """
        cache = ForwardCache(z=[], a=[self._inputs(X)])
        for W, b, f in zip(self.weights, self.biases, self.activations, strict=True):
            z = cache.a[-1] @ W + b  # b is added to every row (every sample)
            cache.z.append(z)
            cache.a.append(f(z))
        return cache

    def forward(self, X: ArrayLike) -> np.ndarray:
        """The network's output for a batch ``X`` of shape (m, n_in): shape (m, n_out)."""
        return self.forward_with_cache(X).output

    def loss(self, X: ArrayLike, y: ArrayLike, loss: str | Loss = "mse") -> float:
        """The cost ``C`` on ``(X, y)``: ``"mse"``, ``"bce"`` (sigmoid output) or
        ``"cross_entropy"`` (softmax output). See :mod:`neuronlab.losses` for the formulas.
        """
        loss = self._loss(loss)
        cache = self.forward_with_cache(X)
        return loss.value_at(cache.z[-1], cache.output, self._targets(y, len(cache.a[0]), loss))

    # -- the backward pass --------------------------------------------------------------------

    def backward(
        self, cache: ForwardCache, y: ArrayLike, loss: str | Loss = "mse"
    ) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """Gradients of the cost with respect to every ``W[l]`` and ``b[l]``, from a forward pass.

        Returns ``(grads_W, grads_b)``, lists shaped like ``weights`` and ``biases``.
        """
        loss = self._loss(loss)
        return self._backprop(cache, self._targets(y, len(cache.a[0]), loss), loss)

    def _backprop(
        self, cache: ForwardCache, Y: np.ndarray, loss: Loss
    ) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """BP1-BP4, for targets ``Y`` already checked and shaped like the output: the backward
        pass itself, which :meth:`backward` and every mini-batch of :meth:`train` run.
        """
        a_L, f_L = cache.output, self.activations[-1]

        # (BP1) δ^L = ∂C/∂a^L ⊙ f^L'(z^L), the output layer's error
        if loss.output_error is not None:  # sigmoid + BCE, softmax + CE: f^L' cancels out
            delta = loss.output_error(a_L, Y)
        elif f_L is SOFTMAX:  # each softmax output depends on the whole row: its Jacobian is
            g = loss.gradient(a_L, Y)  # diag(a) - a aᵀ per sample, and J g = a ⊙ (g - g · a)
            delta = a_L * (g - np.sum(g * a_L, axis=1, keepdims=True))
        else:
            delta = loss.gradient(a_L, Y) * f_L.derivative_at(cache.z[-1], a_L)

        grads_W, grads_b = [], []
        for layer in reversed(range(len(self.weights))):  # the math's layer l = layer + 1
            grads_W.insert(0, cache.a[layer].T @ delta)  # (BP4) ∂C/∂W^l = a^(l-1)ᵀ δ^l
            grads_b.insert(0, delta.sum(axis=0))  # (BP3) ∂C/∂b^l = Σ over samples of δ^l
            if layer > 0:  # (BP2) δ^(l-1) = (δ^l W^lᵀ) ⊙ f'(z^(l-1)); the input needs no δ
                f, z, a = self.activations[layer - 1], cache.z[layer - 1], cache.a[layer]
                delta = (delta @ self.weights[layer].T) * f.derivative_at(z, a)
        return grads_W, grads_b

    # -- training -----------------------------------------------------------------------------

    def sgd_step(
        self, X: ArrayLike, y: ArrayLike, learning_rate: float, loss: str | Loss = "mse"
    ) -> None:
        """One step of gradient descent on the batch ``(X, y)``, changing the weights in place:
        ``W ← W - η ∂C/∂W`` and ``b ← b - η ∂C/∂b``, with ``η`` the learning rate.
        """
        learning_rate = as_real_number(learning_rate, "learning_rate")
        self._descend(self.backward(self.forward_with_cache(X), y, loss), learning_rate)

    def _descend(self, gradients: tuple[list[np.ndarray], list[np.ndarray]], eta: float) -> None:
        """``W ← W - η ∂C/∂W`` and ``b ← b - η ∂C/∂b`` for every layer, in place."""
        grads_W, grads_b = gradients
        for W, b, dW, db in zip(self.weights, self.biases, grads_W, grads_b, strict=True):
            W -= eta * dW
            b -= eta * db

    def train(
        self,
        X: ArrayLike,
        y: ArrayLike,
        epochs: int,
        learning_rate: float,
        batch_size: int | None = None,
        loss: str | Loss = "mse",
        seed: int = 0,
    ) -> list[float]:
        """Train by gradient descent; return the history: the cost on ``(X, y)`` after each epoch.

        An epoch is one pass over the data: one step on the whole batch when ``batch_size`` is
        None, else steps on mini-batches of ``batch_size`` rows, in an order shuffled anew each
        epoch by ``np.random.default_rng(seed)`` (the same seed gives the same run). Raises
        :class:`TrainingDiverged` if the cost becomes NaN or infinite.
        """
        X, loss = self._inputs(X), self._loss(loss)
        Y = self._targets(y, len(X), loss)  # checked once; integer labels become one-hot
        epochs = as_whole_number(epochs, "epochs")
        learning_rate = as_real_number(learning_rate, "learning_rate")
        if learning_rate <= 0:
            raise ValueError(f"learning_rate must be positive, but got {learning_rate}.")
        shuffle = batch_size is not None  # full-batch steps need no order
        batch_size = as_whole_number(batch_size, "batch_size") if shuffle else len(X)
        rng = np.random.default_rng(seed)
        history: list[float] = []
        # A run that diverges overflows on its way to inf and NaN. Instead of numpy's warnings,
        # the check at the end of each epoch stops it with an error that says what to do.
        with np.errstate(over="ignore", invalid="ignore"):
            for epoch in range(1, epochs + 1):
                order = rng.permutation(len(X)) if shuffle else np.arange(len(X))
                for start in range(0, len(X), batch_size):
                    rows = order[start : start + batch_size]
                    cache = self.forward_with_cache(X[rows])
                    self._descend(self._backprop(cache, Y[rows], loss), learning_rate)
                history.append(self.loss(X, Y, loss))
                if not np.isfinite(history[-1]):
                    raise TrainingDiverged(epoch, history[-1], learning_rate)
        return history

    # -- looking inside -----------------------------------------------------------------------

    def gradient_norms(self, X: ArrayLike, y: ArrayLike, loss: str | Loss = "mse") -> list[float]:
        """The size ``‖∂C/∂W[l]‖`` (Frobenius norm) of each layer's weight gradient, from the
        first layer to the last: vanishing gradients show as norms shrinking towards the input.
        """
        grads_W, _ = self.backward(self.forward_with_cache(X), y, loss)
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
        probability of class 1), else 0; for several, the unit with the largest output.
        """
        output = self.forward(X)
        if output.shape[1] == 1:
            return (output[:, 0] >= 0.5).astype(np.int64)
        return np.argmax(output, axis=1)

    def accuracy(self, X: ArrayLike, y: ArrayLike) -> float:
        """The fraction of samples whose predicted class equals the label in ``y`` (labels of
        shape (m,) or (m, 1), or one-hot rows of shape (m, n_classes)).
        """
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
