"""The course website's own Sphinx hooks.

- Figures: each image gets the text alternative that ``neuronlab.plotting.show`` stored in the
  output's metadata (``image/png: {alt: ...}``); myst-nb reads only width and height from there.
- Widgets: a saved explorer output is a sentence for the notebook (it needs a running kernel);
  on the site it becomes a note that says what the explorer lets you explore and how to run it.
- Lesson pages: under the title, links that open the lesson on Binder, and its exercises and
  solutions (on Binder and in the repository). Exercises and solutions are not pages of the site.
"""

from __future__ import annotations

import importlib
import re
from urllib.parse import quote

from docutils import nodes
from myst_nb.core.render import MimeData, NbElementRenderer
from sphinx.application import Sphinx

from neuronlab.authoring import WIDGET_PLACEHOLDER

_render_image = NbElementRenderer.render_image


def render_image_with_alt(self: NbElementRenderer, data: MimeData) -> list[nodes.Element]:
    """myst-nb's image, with the ``alt`` that ``show`` stored beside width and height."""
    rendered = _render_image(self, data)
    alt = data.output_metadata.get(data.mime_type, {}).get("alt")
    if alt:
        for image in rendered:
            image["alt"] = alt
    return rendered


def plain(docstring: str) -> str:
    """A docstring's first paragraph on one line, without reStructuredText's double backquotes."""
    return " ".join(docstring.split("\n\n")[0].split()).replace("``", "")


def explorer_purpose(source: str) -> str:
    """What the explorer a cell opens lets you explore: the docstring of the package's
    ``*_explorer`` it calls, or of the function it passes to ``interact``.
    """
    called = re.search(r"\b(\w+_explorer)\(", source)
    if called:
        widgets = importlib.import_module("neuronlab.widgets")
        function = getattr(widgets, called.group(1), None)
        if function is not None and function.__doc__:
            return plain(function.__doc__)
    defined = re.search(r"def \w+\([^)]*\):\s*\n\s*\"\"\"(.+?)\"\"\"", source, re.DOTALL)
    if defined:
        return "Its controls redraw this figure: " + plain(defined.group(1))
    return "Sliders change the quantities this lesson discusses and redraw the figure."


def binder_url(app: Sphinx, path: str) -> str:
    """A Binder link that opens ``path`` of the repository in JupyterLab."""
    owner_repo = app.config.neuronlab_repository
    branch = app.config.neuronlab_branch
    return f"https://mybinder.org/v2/gh/{owner_repo}/{branch}?urlpath={quote(f'lab/tree/{path}')}"


def repository_url(app: Sphinx, path: str) -> str:
    """The file ``path`` in the repository on GitHub."""
    owner_repo = app.config.neuronlab_repository
    return f"https://github.com/{owner_repo}/blob/{app.config.neuronlab_branch}/{path}"


def link(text: str, url: str) -> nodes.reference:
    """An external link node."""
    return nodes.reference("", text, refuri=url, internal=False)


def run_links(app: Sphinx, name: str) -> nodes.container:
    """'Run this lesson' links: the lesson, its exercises and its solutions."""
    box = nodes.container(classes=["neuronlab-run"])
    lesson = nodes.paragraph()
    lesson += nodes.strong("", "Run this lesson: ")
    lesson += link("open it on Binder", binder_url(app, f"notebooks/{name}"))
    lesson += nodes.Text(" (nothing to install), or in your own JupyterLab with ")
    lesson += nodes.literal("", "make lab")
    lesson += nodes.Text(".")
    box += lesson
    practice = nodes.paragraph()
    practice += nodes.strong("", "Exercises: ")
    practice += link("on Binder", binder_url(app, f"exercises/{name}"))
    practice += nodes.Text(", ")
    practice += link("in the repository", repository_url(app, f"exercises/{name}"))
    practice += nodes.Text(". ")
    practice += nodes.strong("", "Solutions: ")
    practice += link("on Binder", binder_url(app, f"solutions/{name}"))
    practice += nodes.Text(", ")
    practice += link("in the repository", repository_url(app, f"solutions/{name}"))
    practice += nodes.Text(".")
    box += practice
    return box


def widget_note(app: Sphinx, name: str, source: str) -> nodes.note:
    """The note that stands where a widget would be: what it explores and how to run it."""
    note = nodes.note()
    title = nodes.paragraph()
    title += nodes.strong("", "An interactive explorer stands here in the notebook. ")
    title += nodes.Text(explorer_purpose(source))
    note += title
    how = nodes.paragraph()
    how += nodes.Text("Its controls need a running Python kernel, so this page cannot show them: ")
    how += link("open this lesson on Binder", binder_url(app, f"notebooks/{name}"))
    how += nodes.Text(" or run ")
    how += nodes.literal("", "make lab")
    how += nodes.Text(", then run this cell and move the controls.")
    note += how
    return note


def on_doctree_read(app: Sphinx, doctree: nodes.document) -> None:
    """Add the lesson links and the widget notes to a lesson page."""
    docname = app.env.docname
    if not docname.startswith("notebooks/"):
        return
    name = docname.split("/", 1)[1] + ".ipynb"
    title = next(iter(doctree.findall(nodes.title)), None)
    if title is not None:
        title.parent.insert(title.parent.index(title) + 1, run_links(app, name))
    for block in list(doctree.findall(nodes.literal_block)):
        if block.astext().strip() != WIDGET_PLACEHOLDER:
            continue
        cell = block.parent
        while cell is not None and "cell" not in cell.get("classes", []):
            cell = cell.parent
        source = ""
        if cell is not None:
            inputs = [n for n in cell.findall(nodes.literal_block) if n is not block]
            source = inputs[0].astext() if inputs else ""
        block.replace_self(widget_note(app, name, source))


def setup(app: Sphinx) -> dict:
    """Register the extension with Sphinx."""
    NbElementRenderer.render_image = render_image_with_alt
    app.add_config_value("neuronlab_repository", "", "html")
    app.add_config_value("neuronlab_branch", "HEAD", "html")
    app.connect("doctree-read", on_doctree_read)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
