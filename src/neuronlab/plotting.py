"""The course's figures: one style, colour-blind-safe colours, labelled axes.

The colours are the Okabe-Ito palette, distinguishable with every common colour-vision
deficiency. Call :func:`use_course_style` once at the top of a notebook.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Callable

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure
from numpy.typing import ArrayLike

from neuronlab.activations import Activation, get_activation

COLORS: dict[str, str] = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "green": "#009E73",
    "vermillion": "#D55E00",
    "sky": "#56B4E9",
    "purple": "#CC79A7",
    "yellow": "#F0E442",
    "black": "#000000",
}
CLASS_COLORS = (COLORS["blue"], COLORS["orange"])  # class 0, class 1
CLASS_MARKERS = ("o", "s")  # a second cue besides colour

# A figure is saved at twice its display resolution and shown at half its pixel size, so it
# stays sharp on high-density ("retina") screens.
DISPLAY_DPI = 100
PIXEL_DENSITY = 2
MIN_ALT_WORDS = 15


def use_course_style() -> None:
    """Set matplotlib's defaults for the course: colours, readable fonts, a light grid."""
    plt.rcParams.update(
        {
            "figure.figsize": (6.4, 4.0),
            "figure.dpi": DISPLAY_DPI,
            "font.size": 11,
            "axes.titlesize": 12,
            "axes.labelsize": 11,
            "axes.grid": True,
            "grid.alpha": 0.3,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.prop_cycle": plt.cycler(color=list(COLORS.values())),
            "lines.linewidth": 2.0,
            "legend.frameon": False,
        }
    )


def _axes(ax: Axes | None) -> Axes:
    return plt.subplots()[1] if ax is None else ax


def plot_activation(
    activation: str | Activation,
    z_range: tuple[float, float] = (-6.0, 6.0),
    ax: Axes | None = None,
    show_derivative: bool = True,
) -> Axes:
    """Plot an activation ``f(z)`` and, dashed, its derivative ``f'(z)`` against the net input."""
    act = get_activation(activation)
    ax = _axes(ax)
    z = np.linspace(*z_range, 601)
    ax.plot(z, act(z), color=COLORS["blue"], label=f"{act.name}(z)")
    if show_derivative:
        ax.plot(z, act.derivative(z), "--", color=COLORS["vermillion"], label=f"{act.name}'(z)")
    ax.axhline(0, color="grey", lw=0.8)
    ax.axvline(0, color="grey", lw=0.8)
    ax.set_xlabel("net input z")
    ax.set_ylabel("output")
    ax.set_title(act.name)
    ax.legend()
    return ax


def plot_points(X: ArrayLike, y: ArrayLike, ax: Axes | None = None) -> Axes:
    """Scatter 2-D points, class 0 as blue circles and class 1 as orange squares."""
    X, y = np.asarray(X), np.asarray(y)
    ax = _axes(ax)
    for label in (0, 1):
        chosen = y == label
        ax.scatter(
            X[chosen, 0],
            X[chosen, 1],
            s=60,
            c=CLASS_COLORS[label],
            marker=CLASS_MARKERS[label],
            edgecolors="black",
            label=f"class {label}",
            zorder=3,
        )
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    return ax


def plot_decision_line(
    w: ArrayLike,
    b: float,
    X: ArrayLike | None = None,
    y: ArrayLike | None = None,
    ax: Axes | None = None,
    limits: tuple[float, float] = (-0.5, 1.5),
) -> Axes:
    """Draw the line ``w_1 x_1 + w_2 x_2 + b = 0`` where a 2-input neuron switches, shading the
    side where ``z >= 0`` (the neuron fires), and the points ``X`` coloured by ``y`` if given.
    """
    w = np.asarray(w, dtype=float)
    ax = _axes(ax)
    grid = np.linspace(*limits, 201)
    g1, g2 = np.meshgrid(grid, grid)
    z = w[0] * g1 + w[1] * g2 + b
    ax.contourf(
        g1,
        g2,
        z >= 0,
        levels=[-0.5, 0.5, 1.5],
        colors=[CLASS_COLORS[0], CLASS_COLORS[1]],
        alpha=0.15,
    )
    if np.any(w != 0):
        ax.contour(g1, g2, z, levels=[0.0], colors=[COLORS["black"]], linewidths=2)
    if X is not None and y is not None:
        plot_points(X, y, ax)
        ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0))
    ax.set_xlim(limits)
    ax.set_ylim(limits)
    ax.set_aspect("equal")
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    return ax


def plot_decision_regions(
    predict: Callable[[np.ndarray], np.ndarray],
    X: ArrayLike,
    y: ArrayLike,
    ax: Axes | None = None,
    padding: float = 0.5,
    resolution: int = 200,
) -> Axes:
    """Shade the plane by the class ``predict`` gives each point (0.5 is the boundary), with the
    data on top. ``predict`` takes an array of shape (n, 2) and returns n scores in [0, 1].
    """
    X = np.asarray(X, dtype=float)
    ax = _axes(ax)
    (x1_min, x2_min), (x1_max, x2_max) = X.min(axis=0) - padding, X.max(axis=0) + padding
    g1, g2 = np.meshgrid(
        np.linspace(x1_min, x1_max, resolution), np.linspace(x2_min, x2_max, resolution)
    )
    scores = np.asarray(predict(np.column_stack([g1.ravel(), g2.ravel()]))).reshape(g1.shape)
    cmap = ListedColormap([CLASS_COLORS[0], CLASS_COLORS[1]])
    ax.contourf(g1, g2, scores >= 0.5, levels=[-0.5, 0.5, 1.5], cmap=cmap, alpha=0.2)
    ax.contour(g1, g2, scores, levels=[0.5], colors=[COLORS["black"]], linewidths=1.5)
    plot_points(X, y, ax)
    ax.set_aspect("equal")
    return ax


def plot_loss_curve(
    losses: ArrayLike, ax: Axes | None = None, label: str | None = None, log_scale: bool = False
) -> Axes:
    """Plot a training loss against the epoch."""
    ax = _axes(ax)
    ax.plot(np.arange(1, len(losses) + 1), losses, label=label)
    ax.set_xlabel("epoch")
    ax.set_ylabel("loss")
    if log_scale:
        ax.set_yscale("log")
    if label:
        ax.legend()
    return ax


def show(alt: str, fig: Figure | None = None) -> None:
    """Display a figure with its text alternative, then close it.

    ``alt`` says in words what the figure shows: what is plotted, the axes and their ranges,
    and what the reader should see, with the key numbers. A screen reader reads it; the
    website puts it in the image's ``alt`` attribute. It is stored in the output twice: as the
    ``text/plain`` representation of the figure and in the image's metadata (``alt``).
    The image is saved at twice the display resolution, for high-density screens.
    """
    from IPython.display import display

    words = alt.split() if isinstance(alt, str) else []
    if len(words) < MIN_ALT_WORDS:
        raise ValueError(
            f"show() needs a text alternative of at least {MIN_ALT_WORDS} words that says what "
            f"the figure shows (what is plotted, the axes, what to see); got {alt!r}."
        )
    fig = plt.gcf() if fig is None else fig
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DISPLAY_DPI * PIXEL_DENSITY, bbox_inches="tight")
    plt.close(fig)
    png = buffer.getvalue()
    width, height = _png_size(png)
    display(
        {"image/png": base64.b64encode(png).decode("ascii"), "text/plain": alt},
        raw=True,
        metadata={
            "image/png": {
                "width": width // PIXEL_DENSITY,
                "height": height // PIXEL_DENSITY,
                "alt": alt,
            }
        },
    )


def _png_size(png: bytes) -> tuple[int, int]:
    """Width and height in pixels, read from a PNG's header (bytes 16-24)."""
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
