"""Sphinx configuration of the course website (built by `make site`, see docs/build_site.py)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "Activation functions, from the neuron to backpropagation"
author = "The neuronlab course authors"
copyright = "the neuronlab course authors, MIT licence"
language = "en"

# The repository that Binder and the links to exercises and solutions point to (as in README.md).
REPOSITORY = "neuronlab/activation-functions-course"
neuronlab_repository = REPOSITORY
neuronlab_branch = "HEAD"

extensions = [
    "myst_nb",
    "sphinx.ext.mathjax",
    "sphinx-mathjax-offline",  # MathJax 3 served from the site itself: no CDN
    "neuronlab_site",
]
root_doc = "index"
exclude_patterns = ["_*.md", "**/.ipynb_checkpoints"]

# The lessons are committed executed: show their saved outputs, never run them here.
nb_execution_mode = "off"
nb_merge_streams = True
myst_enable_extensions = ["dollarmath", "amsmath", "colon_fence", "deflist"]
myst_heading_anchors = 3
suppress_warnings = ["mystnb.unknown_mime_type"]

html_theme = "sphinx_book_theme"
html_title = "Activation functions"
templates_path = ["_templates"]
html_static_path = ["_static"]
# the sidebar without the theme's logo block, which stands outside every landmark (axe: region)
html_sidebars = {"**": ["search-button-field.html", "sbt-sidebar-nav.html"]}
html_use_index = False  # no general index: the course has no index entries
html_css_files = ["neuronlab.css"]
html_show_sourcelink = False
html_copy_source = False
html_theme_options = {
    "repository_url": f"https://github.com/{REPOSITORY}",
    "repository_branch": neuronlab_branch,
    "path_to_docs": "",
    "use_repository_button": True,
    "use_download_button": False,
    "launch_buttons": {"binderhub_url": "https://mybinder.org", "notebook_interface": "jupyterlab"},
    "show_toc_level": 2,
    "home_page_in_toc": True,
}
