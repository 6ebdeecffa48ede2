"""The course's figures: one style, colour-blind-safe colours, labelled axes.

The colours are the Okabe-Ito palette, distinguishable with every common colour-vision
deficiency. Call :func:`use_course_style` once at the top of a notebook, and end every plotting
cell with :func:`show`, which displays the figure with its text alternative and records how
readable it is (:func:`readability`): its smallest text at display size, its lowest text
contrast, and any legend whose entries differ by colour alone.
"""

from __future__ import annotations

import base64
import io
from collections import Counter
from collections.abc import Callable

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from matplotlib.collections import PathCollection
from matplotlib.colors import ListedColormap, to_rgba
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.text import Text
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
# the line style that goes with each colour of COLORS, in order: a second cue for lines
LINE_STYLES = [
    "-",
    "--",
    ":",
    "-.",
    (0, (6, 2)),
    (0, (3, 1, 1, 1, 1, 1)),
    (0, (1, 3)),
    (0, (8, 2, 2, 2)),
]

# A figure is saved at twice its display resolution and shown at half its pixel size, so it
# stays sharp on high-density ("retina") screens.
DISPLAY_DPI = 100
PIXEL_DENSITY = 2
MIN_ALT_WORDS = 15
# A figure wider than this is shrunk to fit (CSS pixels: the website's text column in a window
# 1280 pixels wide; JupyterLab's output area is about as wide), and its text with it.
READING_WIDTH_PX = 750
MIN_TEXT_PT = 9.0  # the smallest text a figure may show, at display size
MIN_TEXT_CONTRAST = 4.5  # WCAG 2's contrast ratio for text (AA)


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
            # each colour comes with its own line style, so lines differ by more than colour
            "axes.prop_cycle": plt.cycler(color=list(COLORS.values()))
            + plt.cycler(linestyle=LINE_STYLES),
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


_SUPERSCRIPTS = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def label_decades(ax: Axes, axis: str = "y") -> Axes:
    """Mark a log axis at whole powers of ten only, labelled 10⁻⁴, 10⁰, 10² as plain text.

    Matplotlib's default typesets every label as a formula and adds minor ticks between the
    decades; on a figure of several log panels that takes longer than the rest of the drawing.
    """
    from matplotlib.ticker import FuncFormatter, LogLocator, NullLocator

    target = ax.yaxis if axis == "y" else ax.xaxis
    target.set_major_locator(LogLocator(base=10))
    target.set_minor_locator(NullLocator())
    target.set_major_formatter(
        FuncFormatter(lambda value, _: "10" + str(round(np.log10(value))).translate(_SUPERSCRIPTS))
    )
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
    The image is saved at twice the display resolution, for high-density screens, in 256
    colours (:func:`compact_png`), and shown at most :data:`READING_WIDTH_PX` wide. What
    :func:`readability` finds is stored in the output's metadata too (``neuronlab``), where the
    course's tests read it.
    """
    from IPython.display import display

    fig = plt.gcf() if fig is None else fig
    check_alt(alt, titles(fig))
    buffer = io.BytesIO()
    # compress_level 0: this PNG is only read back by compact_png, which writes the real one
    fig.savefig(
        buffer,
        format="png",
        dpi=DISPLAY_DPI * PIXEL_DENSITY,
        bbox_inches="tight",
        pil_kwargs={"compress_level": 0},
    )
    png = compact_png(buffer.getvalue())
    width, height = _png_size(png)
    shown = min(width // PIXEL_DENSITY, READING_WIDTH_PX)
    report = readability(fig, shown / (width / PIXEL_DENSITY))
    plt.close(fig)
    display(
        {"image/png": base64.b64encode(png).decode("ascii"), "text/plain": alt},
        raw=True,
        metadata={
            "image/png": {"width": shown, "height": round(height * shown / width), "alt": alt},
            "neuronlab": report,
        },
    )


def titles(fig: Figure) -> list[str]:
    """The figure's title and its axes' titles, where set."""
    found = [ax.get_title(loc) for ax in fig.axes for loc in ("left", "center", "right")]
    found.append(fig.get_suptitle())
    return [title for title in found if title.strip()]


def _words(text: str) -> list[str]:
    """The words of a text, lower-case, punctuation dropped."""
    return "".join(c if c.isalnum() else " " for c in text.lower()).split()


def alt_problem(alt: object, figure_titles: list[str] | tuple[str, ...] = ()) -> str | None:
    """What is wrong with a text alternative, or None: it must be at least
    :data:`MIN_ALT_WORDS` words, most of them its own rather than the figure's titles'.
    """
    if not isinstance(alt, str) or not alt.strip():
        return "the figure has no text alternative"
    if len(alt.split()) < MIN_ALT_WORDS:
        return f"the text alternative has {len(alt.split())} words, fewer than {MIN_ALT_WORDS}"
    title_words = {word for title in figure_titles for word in _words(title)}
    words = _words(alt)
    own = [word for word in words if word not in title_words]
    if len(own) < len(words) / 2:
        return f"the text alternative mostly repeats the figure's title {list(figure_titles)!r}"
    return None


def check_alt(alt: object, figure_titles: list[str] | tuple[str, ...] = ()) -> None:
    """Raise ValueError, saying what to write, if :func:`alt_problem` finds one."""
    problem = alt_problem(alt, figure_titles)
    if problem is not None:
        raise ValueError(
            f"{problem}. show(alt=...) needs at least {MIN_ALT_WORDS} words of its own that say "
            f"what is plotted, the axes and their ranges, and what to see, with the key numbers; "
            f"got {alt!r}."
        )


def contrast_ratio(foreground: object, background: object) -> float:
    """WCAG 2's contrast ratio ``(L1 + 0.05) / (L2 + 0.05)`` of two matplotlib colours, from their
    relative luminances (the foreground blended onto the background by its alpha).
    """
    *back, _ = to_rgba(background)
    *fore, alpha = to_rgba(foreground)
    blended = [alpha * f + (1 - alpha) * b for f, b in zip(fore, back, strict=True)]

    def luminance(rgb: list[float]) -> float:
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(blended), luminance(back)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _image_colour_under(text: Text, axes: Axes) -> tuple | None:
    """The colour of the image pixel under a text's anchor (a count written on a confusion
    matrix), or None where no image is under it.
    """
    anchor = text.get_transform().transform(text.get_position())
    x, y = axes.transData.inverted().transform(anchor)
    for image in axes.get_images():
        left, right, bottom, top = image.get_extent()
        pixels = image.get_array()
        rows, cols = pixels.shape[:2]
        across, up = (x - left) / (right - left), (y - bottom) / (top - bottom)
        if 0 <= across < 1 and 0 <= up < 1:
            row = int((1 - up) * rows) if image.origin == "upper" else int(up * rows)
            colour = image.to_rgba(pixels[row, int(across * cols)])
            if colour[3] > 0:
                return colour
    return None


def _background(text: Text, fig: Figure) -> object:
    """What a text is drawn on: its own box, else an image under it, else its axes, else the
    figure.
    """
    box = text.get_bbox_patch()
    if box is not None and box.get_facecolor()[3] > 0:
        return box.get_facecolor()
    axes = text.axes
    if axes is None:
        return fig.get_facecolor()
    under = _image_colour_under(text, axes) if axes.get_images() else None
    return under if under is not None else axes.get_facecolor()


def _legend_cue(handle: object) -> tuple:
    """What besides colour tells a legend entry apart: line style and marker, marker shape,
    hatch.
    """
    if isinstance(handle, Line2D):
        # get_linestyle() calls every dash pattern "--"; the pattern itself tells them apart
        dashes = handle._unscaled_dash_pattern
        return ("line", str(handle.get_linestyle()), str(dashes), str(handle.get_marker()))
    if isinstance(handle, PathCollection):
        paths = handle.get_paths()
        return ("points", paths[0].vertices.round(3).tobytes() if paths else b"")
    if isinstance(handle, Patch):
        return ("patch", handle.get_hatch(), str(handle.get_linestyle()))
    return (type(handle).__name__, id(handle))


def readability(fig: Figure, scale: float = 1.0) -> dict:
    """How readable a figure is when shown ``scale`` times its size at :data:`DISPLAY_DPI`:

    - ``smallest_text_pt``: its smallest text, in points at display size (at least
      :data:`MIN_TEXT_PT`);
    - ``lowest_text_contrast``: the lowest contrast ratio of a text against what it is drawn on
      (at least :data:`MIN_TEXT_CONTRAST`);
    - ``colour_only_legend``: labels of legend entries that differ from another entry by colour
      alone (none: markers, line styles or hatches tell them apart too);
    - ``titles``: the figure's titles, which its text alternative must do more than repeat.
    """
    texts = [text for text in fig.findobj(Text) if text.get_visible() and text.get_text().strip()]
    sizes = [float(text.get_fontsize() * scale) for text in texts]
    contrasts = [
        contrast_ratio(to_rgba(text.get_color(), text.get_alpha()), _background(text, fig))
        for text in texts
    ]
    colour_only = []
    legends = [ax.get_legend() for ax in fig.axes if ax.get_legend() is not None] + fig.legends
    for legend in legends:
        cues = [_legend_cue(handle) for handle in legend.legend_handles]
        for label, cue in zip(legend.texts, cues, strict=True):
            if cues.count(cue) > 1:
                colour_only.append(label.get_text())
    return {
        "smallest_text_pt": round(min(sizes, default=MIN_TEXT_PT), 1),
        "lowest_text_contrast": round(min(contrasts, default=21.0), 2),
        "colour_only_legend": colour_only,
        "titles": titles(fig),
    }


def compact_png(png: bytes) -> bytes:
    """The same picture in at most 256 colours, on white: a plot has few colours, so it looks the
    same at less than half the bytes, and a retina figure costs a notebook about what a 80-dpi
    one did.
    """
    from PIL import Image

    picture = Image.open(io.BytesIO(png)).convert("RGBA")
    on_white = Image.alpha_composite(Image.new("RGBA", picture.size, "white"), picture)
    # Fast octree quantising looks the same on plots as median cut, at half the time and with
    # smaller files; PNG's optimize pass would save another 5% at three times the cost.
    palette = on_white.convert("RGB").quantize(256, method=Image.Quantize.FASTOCTREE)
    out = io.BytesIO()
    palette.save(out, format="png")
    return out.getvalue()


def _png_size(png: bytes) -> tuple[int, int]:
    """Width and height in pixels, read from a PNG's header (bytes 16-24)."""
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
