"""Every figure of the course can be used by everyone: checked on the saved outputs of every lesson
and solution notebook, and on planted violations (so that the check is seen to fail).

A figure is an output with an ``image/png``. It must come from ``neuronlab.plotting.show``:
a text alternative in the image's metadata and as its ``text/plain`` (at least 15 words, not
the title repeated), saved at twice its display resolution, shown no wider than the reading
column, with text of at least 9 pt at that size, text contrast of at least 4.5:1, and no legend
whose entries differ by colour alone.
"""

from __future__ import annotations

import base64

import matplotlib
import nbformat
import numpy as np
import pytest

from neuronlab import plotting

from .conftest import course_notebooks

matplotlib.use("Agg")

NOTEBOOKS = course_notebooks("notebooks") + course_notebooks("solutions")


def figure_problems(output: dict) -> list[str]:
    """What is wrong with one figure output of a notebook (empty when nothing is)."""
    data, metadata = output.get("data", {}), output.get("metadata", {})
    image = metadata.get("image/png", {})
    report = metadata.get("neuronlab")
    alt = image.get("alt")
    problems = []
    problem = plotting.alt_problem(alt, (report or {}).get("titles", []))
    if problem:
        problems.append(problem)
    if alt and data.get("text/plain") != alt:
        problems.append("text/plain is not the text alternative")
    if report is None:
        problems.append("no readability report: end the cell with neuronlab.plotting.show(alt=...)")
        return problems
    width, _ = plotting._png_size(base64.b64decode(data["image/png"]))
    shown = image.get("width", width)
    if width < plotting.PIXEL_DENSITY * shown - 1:
        problems.append(f"not retina: {width} pixels shown {shown} wide")
    if shown > plotting.READING_WIDTH_PX:
        problems.append(f"shown {shown} pixels wide, more than {plotting.READING_WIDTH_PX}")
    if report["smallest_text_pt"] < plotting.MIN_TEXT_PT:
        problems.append(
            f"text of {report['smallest_text_pt']} pt at display size, under "
            f"{plotting.MIN_TEXT_PT} pt: larger fonts or a narrower figure"
        )
    if report["lowest_text_contrast"] < plotting.MIN_TEXT_CONTRAST:
        problems.append(
            f"text contrast {report['lowest_text_contrast']}:1, under "
            f"{plotting.MIN_TEXT_CONTRAST}:1: a darker text colour"
        )
    if report["colour_only_legend"]:
        problems.append(
            f"legend entries {report['colour_only_legend']} differ by colour alone: "
            "give them line styles or markers too"
        )
    return problems


def notebook_problems(notebook: nbformat.NotebookNode) -> list[str]:
    found = []
    for index, cell in enumerate(notebook.cells):
        for output in cell.get("outputs", []):
            if "image/png" in output.get("data", {}):
                found += [f"cell {index + 1}: {p}" for p in figure_problems(output)]
    return found


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_figure_has_a_text_alternative_and_is_readable(path):
    problems = notebook_problems(nbformat.read(path, as_version=4))
    assert problems == [], "\n".join(problems)


# The check itself, on figures made here by show() and on planted violations.


def shown(monkeypatch, alt: str, draw) -> dict:
    """The output that ``show(alt)`` displays for the figure ``draw()`` makes."""
    import IPython.display
    import matplotlib.pyplot as plt

    captured = []
    monkeypatch.setattr(
        IPython.display,
        "display",
        lambda data, raw, metadata: captured.append({"data": data, "metadata": metadata}),
    )
    plt.close("all")
    plotting.use_course_style()
    draw(plt)
    plotting.show(alt)
    return captured[0]


GOOD_ALT = (
    "The sigmoid of z for z from -6 to 6 on the horizontal axis: the curve rises from 0.00 to "
    "1.00 and passes 0.50 at z = 0, where its slope is largest."
)


def sigmoid_figure(plt):
    plotting.plot_activation("sigmoid")


def test_show_stores_alt_and_a_report_that_pass(monkeypatch):
    output = shown(monkeypatch, GOOD_ALT, sigmoid_figure)
    assert output["data"]["text/plain"] == GOOD_ALT
    assert output["metadata"]["image/png"]["alt"] == GOOD_ALT
    assert output["metadata"]["neuronlab"]["titles"] == ["sigmoid"]
    assert figure_problems(output) == []


def test_planted_violations_fail(monkeypatch):
    good = shown(monkeypatch, GOOD_ALT, sigmoid_figure)

    def planted(**changes) -> list[str]:
        output = {
            "data": dict(good["data"]),
            "metadata": {
                k: dict(v) if isinstance(v, dict) else v for k, v in good["metadata"].items()
            },
        }
        for key, value in changes.items():
            where, name = key.split("__")
            target = output["data"] if where == "data" else output["metadata"][where]
            if value is None:
                target.pop(name)
            else:
                target[name] = value
        return figure_problems(output)

    assert planted(**{"image/png__alt": None}) == ["the figure has no text alternative"]
    assert "fewer than 15" in planted(**{"image/png__alt": "The sigmoid curve."})[0]
    title_only = "sigmoid " * 16
    assert (
        "repeats the figure's title"
        in planted(**{"image/png__alt": title_only, "data__text/plain": title_only})[0]
    )
    assert planted(**{"data__text/plain": "<Figure size 640x400 with 1 Axes>"}) == [
        "text/plain is not the text alternative"
    ]
    assert "under 9.0 pt" in planted(neuronlab__smallest_text_pt=7.0)[0]
    assert "contrast 1.32:1" in planted(neuronlab__lowest_text_contrast=1.32)[0]
    assert "colour alone" in planted(neuronlab__colour_only_legend=["a", "b"])[0]
    assert "not retina" in planted(**{"image/png__width": 2000})[0]
    no_report = {"data": good["data"], "metadata": {"image/png": good["metadata"]["image/png"]}}
    assert "no readability report" in figure_problems(no_report)[0]
    old_style = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell(
                "plt.show()",
                outputs=[
                    nbformat.v4.new_output(
                        "display_data",
                        data={"image/png": good["data"]["image/png"], "text/plain": "<Figure>"},
                    )
                ],
            )
        ]
    )
    assert notebook_problems(old_style)[0].startswith("cell 1: the figure has no text alternative")


def test_show_refuses_a_short_alt_or_the_title_repeated(monkeypatch):
    with pytest.raises(ValueError, match="fewer than 15"):
        shown(monkeypatch, "the sigmoid", sigmoid_figure)

    def titled(plt):
        plt.plot([0, 1], [0, 1])
        plt.title("the learning rate against the final loss of the AND neuron after training")

    with pytest.raises(ValueError, match="repeats the figure's title"):
        shown(
            monkeypatch,
            "The learning rate against the final loss of the AND neuron after training, plotted here.",
            titled,
        )


def test_readability_finds_small_text_low_contrast_and_colour_only_legends(monkeypatch):
    def bad(plt):
        plt.plot([0, 1], [0, 1], "-", label="first")
        plt.plot([0, 1], [1, 0], "-", label="second")
        plt.legend()
        plt.text(0.5, 0.5, "pale", color=plotting.COLORS["yellow"], fontsize=7)

    report = shown(monkeypatch, GOOD_ALT, bad)["metadata"]["neuronlab"]
    assert report["smallest_text_pt"] == 7.0
    assert report["lowest_text_contrast"] < 1.5
    assert report["colour_only_legend"] == ["first", "second"]

    def wide(plt):
        plt.subplots(figsize=(15, 3))

    output = shown(monkeypatch, GOOD_ALT, wide)
    assert output["metadata"]["image/png"]["width"] == plotting.READING_WIDTH_PX
    assert output["metadata"]["neuronlab"]["smallest_text_pt"] < plotting.MIN_TEXT_PT


def test_the_course_style_gives_each_line_its_own_style(monkeypatch):
    def lines(plt):
        for shift in range(len(plotting.COLORS)):
            plt.plot([0, 1], [shift, shift + 1], label=f"line {shift}")
        plt.legend()

    assert shown(monkeypatch, GOOD_ALT, lines)["metadata"]["neuronlab"]["colour_only_legend"] == []


def test_contrast_ratio_is_wcag_2():
    assert plotting.contrast_ratio("black", "white") == pytest.approx(21.0)
    assert plotting.contrast_ratio("white", "white") == pytest.approx(1.0)
    assert plotting.contrast_ratio("#767676", "white") == pytest.approx(4.54, abs=0.01)
    assert plotting.contrast_ratio("#777777", "white") < 4.5


def test_contrast_of_text_on_an_image_is_read_from_the_pixel_under_it(monkeypatch):
    counts = np.array([[50, 2], [3, 40]])

    def confusion(plt, colour_of):
        _, ax = plt.subplots()
        ax.imshow(counts, cmap="Blues")
        for (row, col), count in np.ndenumerate(counts):
            ax.text(col, row, count, ha="center", color=colour_of(count))

    def readable(plt):
        confusion(plt, lambda count: "white" if count > counts.max() / 2 else "black")

    def white_on_pale(plt):
        confusion(plt, lambda count: "white")

    good = shown(monkeypatch, GOOD_ALT, readable)["metadata"]["neuronlab"]
    bad = shown(monkeypatch, GOOD_ALT, white_on_pale)["metadata"]["neuronlab"]
    assert good["lowest_text_contrast"] >= plotting.MIN_TEXT_CONTRAST
    assert bad["lowest_text_contrast"] < 1.5


def test_label_decades_marks_whole_powers_of_ten_as_plain_text():
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    ax.semilogy(np.arange(5), [1e-4, 1e-3, 1e-2, 1e-1, 1.0])
    plotting.label_decades(ax)
    fig.canvas.draw()
    labels = [t.get_text() for t in ax.get_yticklabels() if t.get_text()]
    plt.close(fig)
    assert "10⁻²" in labels
    assert "10⁰" in labels
    assert not any("$" in label for label in labels)  # no formula to typeset
    assert not ax.yaxis.get_minor_locator()()  # no minor ticks
