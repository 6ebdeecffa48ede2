"""The package's modules form layers: each imports only from the layers below it, never from
above, and no chain of imports comes back to where it started. Importing the core modules does
not import matplotlib (only plotting and widgets draw).
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parents[1] / "src" / "neuronlab"

# From the bottom up. A module may import from its own layer (no circle, checked below) and
# from any layer below it. Everything under neuronlab.exercises counts as "neuronlab.exercises".
LAYERS = [
    ["neuronlab", "neuronlab._validation", "neuronlab.status"],
    ["neuronlab.activations", "neuronlab.gradcheck", "neuronlab.datasets", "neuronlab.autodiff"],
    ["neuronlab.losses", "neuronlab.neuron"],
    ["neuronlab.network"],
    ["neuronlab.experiments"],
    ["neuronlab.plotting"],
    ["neuronlab.widgets"],
    ["neuronlab.kernels"],
    ["neuronlab.exercises", "neuronlab.checking", "neuronlab.authoring", "neuronlab.__main__"],
    ["neuronlab.concepts"],
]
LAYER = {module: level for level, modules in enumerate(LAYERS) for module in modules}
CORE = [
    "neuronlab",
    "neuronlab.activations",
    "neuronlab.losses",
    "neuronlab.autodiff",
    "neuronlab.network",
    "neuronlab.experiments",
    "neuronlab.neuron",
    "neuronlab.gradcheck",
    "neuronlab.datasets",
]


def module_name(path: Path) -> str:
    parts = path.relative_to(SOURCE).with_suffix("").parts
    return ".".join(("neuronlab", *parts)).removesuffix(".__init__")


def imported_modules(path: Path) -> set[str]:
    """Every neuronlab module this file imports, at the top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            # `from neuronlab import losses` imports the module neuronlab.losses
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {name for name in found if name.split(".")[0] == "neuronlab" and name in MODULES}


def unit(module: str) -> str:
    """The layered unit of a module: the exercises package counts as one."""
    return "neuronlab.exercises" if module.startswith("neuronlab.exercises") else module


MODULES = {module_name(path): path for path in SOURCE.rglob("*.py")}
IMPORTS = {module: imported_modules(path) for module, path in MODULES.items()}


def test_every_module_has_a_layer():
    missing = sorted({unit(m) for m in MODULES} - set(LAYER))
    assert not missing, f"place these modules in LAYERS: {missing}"


def test_the_import_reader_sees_imports():
    """The reader must find what is there, or the tests below could not fail."""
    assert "neuronlab.losses" in IMPORTS["neuronlab.network"]
    assert "neuronlab.plotting" in IMPORTS["neuronlab.widgets"]
    assert "neuronlab.activations" in IMPORTS["neuronlab.exercises.lesson08"]


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_module_imports_from_a_layer_above(module):
    upward = [
        imported for imported in IMPORTS[module] if LAYER[unit(imported)] > LAYER[unit(module)]
    ]
    assert not upward, f"{module} (layer {LAYER[unit(module)]}) imports from above: {upward}"


def test_no_circle_of_imports():
    """Depth-first search for a path that leads back to a module already on it."""
    state: dict[str, str] = {}  # "open" while on the current path, then "done"

    def visit(module: str, path: list[str]) -> None:
        state[module] = "open"
        for imported in sorted(IMPORTS[module]):
            if imported == module:
                continue
            if state.get(imported) == "open":
                circle = [*path[path.index(imported) :], imported]
                raise AssertionError(f"a circle of imports: {' -> '.join(circle)}")
            if imported not in state:
                visit(imported, [*path, imported])
        state[module] = "done"

    for module in sorted(MODULES):
        if module not in state:
            visit(module, [module])


def test_importing_the_core_loads_no_plotting_library():
    code = (
        "import sys\n"
        f"import {', '.join(CORE)}\n"
        "print(sorted(m for m in ('matplotlib', 'ipywidgets') if m in sys.modules))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert loaded == "[]"


def test_importing_plotting_does_load_matplotlib():
    """The check above can fail: the same subprocess sees matplotlib once plotting is imported."""
    code = "import sys, neuronlab.plotting\nprint('matplotlib' in sys.modules)"
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert loaded == "True"
