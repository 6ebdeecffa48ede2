"""The drafting helpers CONTRIBUTING.md describes: a notebook written from Python cells."""

from __future__ import annotations

import nbformat

from neuronlab.authoring import code_cell, markdown_cell, write_notebook


def test_write_notebook_drafts_cells_with_stable_ids_and_the_python_kernel(tmp_path):
    path = tmp_path / "drafts" / "99_draft.ipynb"
    write_notebook(path, [markdown_cell("\n# A title\n"), code_cell("x = 1\n")])
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    assert [cell.cell_type for cell in notebook.cells] == ["markdown", "code"]
    assert [cell.source for cell in notebook.cells] == ["# A title", "x = 1"]
    assert [cell.id for cell in notebook.cells] == ["cell-00", "cell-01"]
    assert notebook.metadata.kernelspec.name == "python3"
    assert notebook.cells[1].outputs == []
