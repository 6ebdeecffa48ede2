"""Interactive explorers: move a slider, see the idea change. In lesson order.

Each explorer is two parts: a *drawing function* that takes plain numbers and returns a
matplotlib figure (the tests call these directly), and its controls, wired to it by
:func:`explorer`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure

from neuronlab.activations import ACTIVATIONS, get_activation, step
from neuronlab.autodiff import Value
from neuronlab.datasets import logic_gate, xor
from neuronlab.experiments import deep_network_statistics, random_feature_fit, ua_target
from neuronlab.network import MLP
from neuronlab.plotting import (
    COLORS,
    draw_graph,
    plot_activation,
    plot_decision_line,
    plot_decision_regions,
)


def explorer(draw: Callable[..., Figure], **controls: object):
    """Controls wired to a drawing function: whenever one changes, ``draw(**values)`` runs with
    every control's value and its figure is shown.

    ``controls`` maps each argument of ``draw`` to the ipywidgets control that sets it. Every
    control needs a ``description``, the label that says what it changes.
    """
    from ipywidgets import interact

    unlabelled = [name for name, c in controls.items() if not getattr(c, "description", "")]
    if unlabelled:
        raise ValueError(f"every control needs a description (its label); missing: {unlabelled}.")

    def show(**values: object) -> None:
        draw(**values)
        plt.show()

    return interact(show, **controls)


def _slider(
    value: float,
    low: float,
    high: float,
    step: float,
    description: str,
    log_base: float | None = None,
):
    """A float slider that redraws when it is released (drawing on every move is too slow).

    With a ``log_base``, it moves over powers, from ``log_base**low`` to ``log_base**high``.
    """
    from ipywidgets import FloatLogSlider, FloatSlider

    settings = dict(value=value, min=low, max=high, step=step, description=description)
    if log_base is not None:
        return FloatLogSlider(**settings, base=log_base, continuous_update=False)
    return FloatSlider(**settings, continuous_update=False)


# ---------------------------------------------------------------------------------------------
# Lessons 01-02: the neuron and the step
# ---------------------------------------------------------------------------------------------


def draw_neuron(w1: float, w2: float, b: float, gate: str = "AND") -> Figure:
    """The decision line ``w1 x1 + w2 x2 + b = 0`` of a step neuron over a gate's truth table,
    titled with how many of the four points it gets right. As in lesson 01's AND figure, each
    side is labelled ("fires: z ≥ 0", "silent: z < 0") and the arrow ``w`` starts on the line.
    """
    X, y = logic_gate(gate)
    w = np.array([w1, w2], dtype=float)
    correct = int(np.sum(step(X @ w + b) == y))
    fig, ax = plt.subplots(figsize=(6.4, 4.2))
    limits = (-0.5, 1.5)
    plot_decision_line(w, b, X, y, ax=ax, limits=limits)
    handles, _ = ax.get_legend_handles_labels()
    targets = [f"{gate} = 0 (should stay silent)", f"{gate} = 1 (should fire)"]
    ax.legend(handles, targets, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    _label_sides(ax, w, b, X)
    _draw_weight_arrow(ax, w, b, X, limits)
    ax.set_title(f"{gate}: {correct} of 4 correct  (w = ({w1:.2f}, {w2:.2f}), b = {b:.2f})")
    fig.tight_layout()
    return fig


def _label_sides(ax, w: np.ndarray, b: float, X: np.ndarray) -> None:
    """Write "fires: z ≥ 0" on the side where ``z = w · x + b >= 0`` and "silent: z < 0" on the
    other, each at the spot of its side farthest from the line that keeps clear of the points.
    """
    spots = np.array([(x1, x2) for x1 in (-0.1, 0.5, 1.1) for x2 in (-0.35, 0.5, 1.35)])
    spots = spots[np.min(np.linalg.norm(spots[:, None] - X[None], axis=2), axis=1) > 0.3]
    z = spots @ w + b
    for fires, text in ((True, "fires: z ≥ 0"), (False, "silent: z < 0")):
        side = (z >= 0) == fires
        if np.any(side):  # a side may lie wholly outside the plot
            x1, x2 = spots[side][np.argmax(np.abs(z[side]))]
            ax.text(x1, x2, text, color="0.25", ha="center", va="center")


def _draw_weight_arrow(ax, w: np.ndarray, b: float, X: np.ndarray, limits: tuple) -> None:
    """The arrow ``w`` (scaled to length 0.45), from the point of the line nearest the plot's
    centre whose arrow fits in the plot and keeps clear of the points ``X``; none when the line
    misses the plot or ``w = 0``.
    """
    length = np.linalg.norm(w)
    if length == 0:
        return
    unit = w / length
    centre = np.full(2, np.mean(limits))
    nearest = centre - (centre @ w + b) / length * unit  # the foot of the centre on the line
    along = np.array([-unit[1], unit[0]])
    for t in sorted(np.linspace(-2.0, 2.0, 81), key=abs):
        start = nearest + t * along
        tip = start + 0.45 * unit
        arrow = start + np.linspace(0.0, 0.55, 12)[:, None] * unit  # the arrow and its label
        inside = np.all((arrow >= limits[0]) & (arrow <= limits[1]))
        clear = np.min(np.linalg.norm(arrow[:, None] - X[None], axis=2)) > 0.12
        if inside and clear:
            ax.annotate("", xy=tip, xytext=start, arrowprops={"arrowstyle": "->", "lw": 2})
            ax.text(*(tip + 0.08 * unit), "w", ha="center", va="center")
            return


def neuron_explorer(gate: str = "AND"):
    """Sliders for the two weights and the bias; the decision line moves as you drag them.

    They start at ``w = (1, -1)``, ``b = 0.5``, which gets 2 of the 4 rows of AND, OR and NAND
    right: the answer is left for the learner to find.
    """
    return explorer(
        partial(draw_neuron, gate=gate),
        w1=_slider(1.0, -3.0, 3.0, 0.1, "weight w₁"),
        w2=_slider(-1.0, -3.0, 3.0, 0.1, "weight w₂"),
        b=_slider(0.5, -3.0, 3.0, 0.1, "bias b"),
    )


def draw_step_threshold(threshold: float, inputs: tuple[float, ...] = (0.3, 0.8, 1.4)) -> Figure:
    """The step activation with a threshold ``θ``: output 1 once the weighted sum reaches θ.
    The same as a step at 0 of ``z = sum - θ``, so the bias is ``b = -θ``. Marks a few sums.
    """
    s = np.linspace(-1.0, 3.0, 801)
    fig, ax = plt.subplots(figsize=(6.0, 3.6))
    below = s < threshold  # the two flat pieces, drawn apart so the jump hides no threshold line
    # ls="-" on both pieces: the course's style cycles line styles, and only the threshold is dashed
    ax.plot(s[below], step(s[below] - threshold), color=COLORS["blue"], ls="-", label="output")
    ax.plot(s[~below], step(s[~below] - threshold), color=COLORS["blue"], ls="-")
    ax.axvline(
        threshold, color=COLORS["vermillion"], ls="--", label=f"threshold θ = {threshold:.2f}"
    )
    for value in inputs:
        fired = float(step(value - threshold))
        ax.plot(
            value,
            fired,
            "o",
            ms=9,
            color=COLORS["orange"] if fired else COLORS["sky"],
            markeredgecolor="black",
        )
    ax.set_xlabel("weighted sum  $w \\cdot x$")
    ax.set_ylabel("output (fires = 1)")
    ax.set_title(f"bias b = -θ = {-threshold:.2f}")
    ax.set_ylim(-0.15, 1.15)
    ax.legend(loc="center right")
    fig.tight_layout()
    return fig


def step_threshold_explorer():
    """A slider for the threshold θ of a step neuron."""
    return explorer(draw_step_threshold, threshold=_slider(1.0, -0.5, 2.5, 0.05, "threshold θ"))


# ---------------------------------------------------------------------------------------------
# Lesson 05: the chain rule and computational graphs
# ---------------------------------------------------------------------------------------------


def draw_neuron_graph(w: float, x: float, b: float) -> Figure:
    """The computational graph of one sigmoid neuron ``a = σ(w x + b)``, after ``backward()``:
    every box shows its forward value and its gradient ``∂a/∂(box)``. The title gives the chain
    rule's two factors for the weight, ``∂a/∂w = σ'(z) · x``.
    """
    w_, x_, b_ = Value(w, label="w"), Value(x, label="x"), Value(b, label="b")
    z = w_ * x_ + b_
    z.label = "z"
    a = z.sigmoid()
    a.label = "a"
    a.backward()
    slope = a.data * (1.0 - a.data)
    fig, ax = plt.subplots(figsize=(8.4, 2.9))
    draw_graph(a, ax=ax)
    ax.set_title(
        f"∂a/∂w = σ'(z) · x = {slope:.3g} · {x:.3g} = {w_.grad:.3g}"
        f"     (z = {z.data:.3g}, a = σ(z) = {a.data:.3g})"
    )
    fig.tight_layout()
    return fig


def neuron_graph_explorer():
    """Sliders for the weight, the input and the bias of one sigmoid neuron: watch the forward
    values and the gradients of its graph change, and vanish once the sigmoid saturates.
    """
    return explorer(
        draw_neuron_graph,
        w=_slider(0.5, -5.0, 5.0, 0.1, "weight w"),
        x=_slider(1.5, -5.0, 5.0, 0.1, "input x"),
        b=_slider(-0.5, -5.0, 5.0, 0.1, "bias b"),
    )


# ---------------------------------------------------------------------------------------------
# Lesson 06: backpropagation
# ---------------------------------------------------------------------------------------------


def draw_xor_training(hidden: int = 2, seed: int = 1, epoch: int = 3000) -> Figure:
    """Train a 2-``hidden``-1 sigmoid network on XOR from ``seed`` (Xavier-uniform weights,
    learning rate 2, full batch, 3000 epochs) and show, side by side, its decision regions after
    ``epoch`` epochs and its whole loss curve with that epoch marked.
    """
    total = 3000
    if not 0 <= epoch <= total:
        raise ValueError(f"epoch must be between 0 and {total}, but got {epoch}.")
    X, y = xor()
    network = MLP([2, hidden, 1], "sigmoid", init="xavier", seed=seed)
    history = [network.loss(X, y)]
    if epoch > 0:
        history += network.train(X, y, epochs=epoch, learning_rate=2.0)
    snapshot = [W.copy() for W in network.weights], [b.copy() for b in network.biases]
    if epoch < total:
        history += network.train(X, y, epochs=total - epoch, learning_rate=2.0)
    network.weights, network.biases = snapshot

    fig, (left, right) = plt.subplots(1, 2, figsize=(10.5, 4.2))
    plot_decision_regions(network.forward, X, y, ax=left, padding=0.4)
    left.set_title(f"2-{hidden}-1, seed {seed}, epoch {epoch}: loss {history[epoch]:.3f}")
    right.plot(np.arange(total + 1), history, color=COLORS["blue"])
    right.plot(epoch, history[epoch], "o", color=COLORS["vermillion"], markeredgecolor="black")
    right.set_yscale("log")
    right.set_ylim(1e-4, 0.5)  # the same scale for every network, so they compare at a glance
    right.set_xlabel("epoch")
    right.set_ylabel("loss (MSE, log scale)")
    state = "solved" if history[-1] < 0.05 else "not solved"
    right.set_title(f"after {total} epochs: loss {history[-1]:.3g} ({state})")
    fig.tight_layout()
    return fig


def xor_training_explorer():
    """Sliders for the hidden layer's width, the random seed and the epoch: watch a sigmoid
    network's decision boundary on XOR form during training, or a stuck one stay wrong.
    """
    from ipywidgets import IntSlider

    return explorer(
        draw_xor_training,
        hidden=IntSlider(
            value=2, min=1, max=6, description="hidden units", continuous_update=False
        ),
        seed=IntSlider(value=1, min=0, max=40, description="random seed", continuous_update=False),
        epoch=IntSlider(
            value=3000, min=0, max=3000, step=100, description="epoch", continuous_update=False
        ),
    )


# ---------------------------------------------------------------------------------------------
# Lesson 07: output activations, losses and stochastic gradient descent
# ---------------------------------------------------------------------------------------------


def draw_minibatch_training(
    batch_size: int = 10, learning_rate: float = 1.0, epochs: int = 50, seed: int = 0
) -> Figure:
    """Train a 2-8-1 sigmoid network with binary cross-entropy on 200 points of two half-turn
    spirals, once with mini-batches of ``batch_size`` rows and once on the full batch (same
    start, same learning rate), and show the two cost curves against the epoch and the
    mini-batch network's decision regions. ``seed`` fixes the start and the shuffling.
    """
    from neuronlab._validation import as_whole_number
    from neuronlab.datasets import spirals

    X, y = spirals(200, noise=0.05, seed=0, n_turns=0.5)
    batch_size = as_whole_number(batch_size, "batch_size")
    if not 1 <= batch_size <= len(X):
        raise ValueError(f"batch_size must be between 1 and {len(X)}, but got {batch_size}.")
    histories = {}
    for label, size in ((f"batches of {batch_size}", batch_size), ("full batch", None)):
        network = MLP([2, 8, 1], ["sigmoid", "sigmoid"], seed=seed)
        histories[label] = network.train(
            X, y, epochs, learning_rate, batch_size=size, loss="bce", seed=seed
        )
        if size is not None:
            minibatch_network = network
    steps = -(-len(X) // batch_size)  # ceil(n / b): the last batch may be smaller

    fig, (left, right) = plt.subplots(1, 2, figsize=(10.5, 4.2))
    for (label, history), color, style in zip(
        histories.items(), (COLORS["vermillion"], COLORS["blue"]), ("-", "--"), strict=True
    ):
        left.plot(np.arange(1, epochs + 1), history, style, color=color, label=label)
    left.set_yscale("log")
    left.set_xlabel("epoch (one pass over the 200 points)")
    left.set_ylabel("cost C (binary cross-entropy, log scale)")
    left.set_title(f"{steps} step(s) per epoch against 1, learning rate {learning_rate:g}")
    left.legend(loc="lower left")
    plot_decision_regions(minibatch_network.forward, X, y, ax=right, padding=0.3, resolution=120)
    accuracy = minibatch_network.accuracy(X, y)
    right.set_title(f"batches of {batch_size}, epoch {epochs}: accuracy {accuracy:.1%}")
    fig.tight_layout()
    return fig


def minibatch_explorer():
    """Sliders for the batch size and the learning rate: compare mini-batch SGD with full-batch
    gradient descent on the same data, from the same start.
    """
    from ipywidgets import IntSlider

    return explorer(
        draw_minibatch_training,
        batch_size=IntSlider(
            value=10, min=1, max=200, description="batch size", continuous_update=False
        ),
        learning_rate=_slider(1.0, -2, 1, 0.25, "learning rate", log_base=10),
    )


# ---------------------------------------------------------------------------------------------
# Lesson 08: the activation zoo
# ---------------------------------------------------------------------------------------------


def draw_activation(name: str, z_min: float = -6.0, z_max: float = 6.0) -> Figure:
    """One activation of the registry, ``f(z)`` solid and ``f'(z)`` dashed, on ``[z_min, z_max]``,
    titled with its output range and whether it is zero-centred; ``f(0)`` marked by a hollow ring
    and ``f'(0)`` by a filled square, so that both show where they are equal.
    """
    activation = get_activation(name)
    if not z_min < z_max:
        raise ValueError(f"z_min must be smaller than z_max, but got {z_min} and {z_max}.")
    fig, ax = plt.subplots(figsize=(6.4, 4.2))
    plot_activation(activation, z_range=(z_min, z_max), ax=ax)
    if z_min <= 0.0 <= z_max:
        value, slope = float(activation(0.0)), float(activation.derivative(0.0))
        # f(0) a large hollow ring drawn over f'(0), a small filled square: where the two are
        # equal (ReLU's 0 and 0) the square shows inside the ring.
        ax.plot(0.0, slope, "s", color=COLORS["vermillion"], markeredgecolor="black", zorder=3)
        ax.plot(
            0.0,
            value,
            "o",
            markersize=13,
            markerfacecolor="none",
            markeredgewidth=2.0,
            markeredgecolor=COLORS["blue"],
            zorder=4,
        )
        ax.text(
            0.02,
            0.97,
            f"f(0) = {value:.3g}\nf'(0) = {slope:.3g}",
            transform=ax.transAxes,
            va="top",
            bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.8},
        )
    centred = "zero-centred" if activation.zero_centred else "not zero-centred"
    ax.set_title(f"{activation.name}: range {activation.output_range}, {centred}")
    ax.set_xlim(z_min, z_max)
    ax.legend(loc="lower right")
    fig.tight_layout()
    return fig


def activation_explorer(name: str = "relu"):
    """A drop-down of every activation in the registry and a slider for the range of z:
    see the chosen ``f(z)`` and ``f'(z)``.
    """
    from ipywidgets import Dropdown, FloatRangeSlider

    def draw(activation: str, z_range: tuple[float, float]) -> Figure:
        return draw_activation(activation, *z_range)

    return explorer(
        draw,
        activation=Dropdown(options=list(ACTIVATIONS), value=name, description="activation"),
        z_range=FloatRangeSlider(
            value=(-6.0, 6.0),
            min=-20.0,
            max=20.0,
            step=0.5,
            description="z from, to",
            readout_format=".1f",
            continuous_update=False,
            layout={"width": "460px"},
        ),
    )


# ---------------------------------------------------------------------------------------------
# Lesson 09: vanishing gradients and initialisation
# ---------------------------------------------------------------------------------------------


def _log_limits(values: np.ndarray, decades: float = 3.0) -> tuple[float, float]:
    """Limits for a log-scale axis showing ``values`` (positive, NaN ignored) that span at least
    ``decades`` powers of ten, so that small wiggles of a level line look level.
    """
    low, high = np.log10(np.nanmin(values)), np.log10(np.nanmax(values))
    middle, half = (low + high) / 2, max((high - low) / 2 + 0.3, decades / 2)
    return 10 ** (middle - half), 10 ** (middle + half)


def draw_gradient_norms(
    activation: str = "sigmoid", depth: int = 10, gain: float = 1.0, width: int = 32
) -> Figure:
    """Two panels for :func:`deep_network_statistics`: the gradient norm of every layer and the
    spread of every hidden layer's activations, both on a log scale spanning at least three
    powers of ten. A level line is healthy; a line falling towards the input (layer 1) is a
    vanishing gradient.
    """
    from matplotlib.ticker import MaxNLocator

    norms, stds = deep_network_statistics(activation, depth, gain, width)
    norms_shown = np.where(np.asarray(norms) > 0, norms, np.nan)  # a log scale cannot show 0
    stds_shown = np.where(np.asarray(stds) > 0, stds, np.nan)
    fig, (left, right) = plt.subplots(1, 2, figsize=(10.0, 3.8))
    layers = np.arange(1, depth + 1)
    left.semilogy(layers, norms_shown, "o-", color=COLORS["blue"])
    left.set_xlabel("layer (1 = next to the input)")
    left.set_ylabel("gradient norm ‖∂C/∂W‖ (log scale)")
    ratio = norms[0] / norms[-1] if norms[-1] > 0 else np.nan
    left.set_title(f"first / last layer = {ratio:.3g}")
    right.semilogy(layers[:-1], stds_shown, "s-", color=COLORS["orange"])
    right.set_xlabel("hidden layer")
    right.set_ylabel("std of activations (log scale)")
    right.set_title(f"std of the weights = {gain:.3g} / √fan_in")
    for ax, values in ((left, norms_shown), (right, stds_shown)):
        ax.set_xlim(0.5, depth + 0.5)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        if np.any(np.isfinite(values)):
            ax.set_ylim(*_log_limits(values))
    fig.suptitle(f"{activation}, {depth} layers of weights")
    fig.tight_layout()
    return fig


def gradient_norm_explorer(activation: str = "sigmoid"):
    """A drop-down for the hidden activation, a slider for the depth and one for the gain of
    the initial weights, ``std = gain / √fan_in``: find where the gradient stays alive.
    """
    from ipywidgets import Dropdown, IntSlider

    return explorer(
        draw_gradient_norms,
        activation=Dropdown(
            options=["sigmoid", "tanh", "relu"], value=activation, description="activation"
        ),
        depth=IntSlider(value=10, min=2, max=30, description="layers", continuous_update=False),
        gain=_slider(1.0, -2, 3, 0.25, "weight gain", log_base=2),
    )


# ---------------------------------------------------------------------------------------------
# Lesson 10: universal approximation, shown with random features
# ---------------------------------------------------------------------------------------------


def draw_universal_approximation(width: int, activation: str = "tanh", seed: int = 0) -> Figure:
    """The target ``sin(2x)`` and its fit by ``width`` random hidden units of ``activation``
    (see :func:`random_feature_fit`), titled with the root-mean-square error.
    """
    x, y_fit, rmse = random_feature_fit(width, activation, seed)
    fig, ax = plt.subplots(figsize=(6.4, 4.0))
    ax.plot(x, ua_target(x), "--", color=COLORS["black"], lw=1.5, label="target sin(2x)")
    ax.plot(x, y_fit, color=COLORS["blue"], label=f"{width} {activation} unit(s)")
    ax.set_ylim(-1.6, 1.6)
    ax.set_xlabel("input x")
    ax.set_ylabel("output")
    ax.set_title(f"{activation}, width {width}: error (RMSE) = {rmse:.3f}")
    ax.legend(loc="lower left")
    fig.tight_layout()
    return fig


def universal_approximation_explorer(activation: str = "tanh"):
    """A slider for the hidden layer's width, a drop-down for its activation and a slider for
    the random draw: watch the fit of ``sin(2x)`` improve with width, except for polynomials.
    """
    from ipywidgets import Dropdown, IntSlider, SelectionSlider

    return explorer(
        draw_universal_approximation,
        width=SelectionSlider(
            options=[1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 64],
            value=4,
            description="hidden units",
            continuous_update=False,
        ),
        activation=Dropdown(
            options=["tanh", "relu", "sigmoid", "square", "cube"],
            value=activation,
            description="activation",
        ),
        seed=IntSlider(value=0, min=0, max=9, description="random draw", continuous_update=False),
    )
