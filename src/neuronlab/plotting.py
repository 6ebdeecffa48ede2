"""The course's figures: one style, colour-blind-safe colours, labelled axes.

The colours are the Okabe-Ito palette, distinguishable with every common colour-vision
deficiency. Call :func:`use_course_style` once at the top of a notebook.
"""

from __future__ import annotations

import base64
import io
from collections import Counter
from collections.abc import Callable

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure
from numpy.typing import ArrayLike

from neuronlab.activations import Activation, get_activation
from neuronlab.autodiff import Value, trace

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


# ---------------------------------------------------------------------------------------------
# Computational graphs (lesson 05)
# ---------------------------------------------------------------------------------------------


def draw_graph(root: Value, ax: Axes | None = None) -> Axes:
    """Draw ``root``'s computational graph with matplotlib: inputs on the left, ``root`` right.

    Each Value is a box with its label, ``data`` and ``grad`` (call ``root.backward()`` first to
    see the gradients); the operation that made it is a circle just left of the box, with arrows
    in from the operation's inputs. A node's column is its distance from ``root``: the longest
    path to ``root``, so every arrow points right. A Value used twice gets two arrows: a fork,
    where its gradient is the sum of two contributions.
    """
    nodes, edges = trace(root)
    # Columns, from the right: root is 0; a child sits at least one column left of each parent.
    # Reverse topological order visits every parent before its children.
    column: dict[int, int] = {id(root): 0}
    for node in reversed(nodes):
        for child in node.children:
            column[id(child)] = max(column.get(id(child), 0), column[id(node)] + 1)
    rows: dict[int, list[Value]] = {}
    for node in nodes:
        rows.setdefault(column[id(node)], []).append(node)
    deepest = max(rows)
    spacing = 2.0  # data units between value columns; an operation sits halfway
    position: dict[int, tuple[float, float]] = {}
    for c, members in rows.items():
        for row, node in enumerate(members):
            position[id(node)] = (spacing * (deepest - c), (len(members) - 1) / 2 - row)

    if ax is None:
        tallest = max(len(members) for members in rows.values())
        _, ax = plt.subplots(figsize=(2.4 * (deepest + 1), 0.9 * tallest + 0.6))
    box = {"boxstyle": "round", "facecolor": "white", "edgecolor": COLORS["blue"]}
    circle = {"boxstyle": "circle", "facecolor": COLORS["sky"], "edgecolor": COLORS["blue"]}
    arrow = {"arrowstyle": "->", "color": "grey", "shrinkA": 6, "shrinkB": 6}
    centred = {"ha": "center", "va": "center", "fontsize": 9, "zorder": 3}

    boxes = {}  # id(node) -> its box, so that arrows can start and end at the box's edge
    ops = {}  # id(node) -> the circle of the operation that made it
    for node in nodes:
        x, y = position[id(node)]
        first_line = f"{node.label} = {node.data:.4g}" if node.label else f"{node.data:.4g}"
        text = f"{first_line}\ngrad {node.grad:.4g}"
        boxes[id(node)] = ax.text(x, y, text, bbox=box, **centred)
        if node.op:
            ops[id(node)] = ax.text(x - spacing / 2, y, node.op, bbox=circle, **centred)
            _arrow(ax, ops[id(node)], boxes[id(node)], arrow)
    uses = Counter((id(child), id(parent)) for child, parent in edges)
    drawn: Counter[tuple[int, int]] = Counter()
    for child, parent in edges:
        pair = (id(child), id(parent))
        # Bend an arrow that skips columns, so it does not run through the boxes between, and
        # fan out the arrows of a Value used twice by one operation (x * x), so both show.
        bend = -0.3 if column[id(child)] - column[id(parent)] > 1 else 0.0
        bend += 0.3 * (drawn[pair] - (uses[pair] - 1) / 2)
        drawn[pair] += 1
        style = {**arrow, "connectionstyle": f"arc3,rad={bend:g}"}
        _arrow(ax, boxes[id(child)], ops[id(parent)], style)

    xs = [p[0] for p in position.values()]
    ys = [p[1] for p in position.values()]
    ax.set_xlim(min(xs) - spacing / 2, max(xs) + spacing / 2)
    ax.set_ylim(min(ys) - 0.6, max(ys) + 0.6)
    ax.set_axis_off()
    return ax


def _arrow(ax: Axes, start: object, end: object, style: dict) -> None:
    """An arrow from the right edge of the text ``start`` to the left edge of the text ``end``."""
    ax.annotate(
        "",
        xy=(0, 0.5),
        xycoords=end,
        xytext=(1, 0.5),
        textcoords=start,
        arrowprops=style,
        zorder=2,
    )


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
