"""How long is the code a learner is sent to read? Lines of code, docstrings and comments not counted.

Run it with ``.venv/bin/python bench/code_size.py [--rev REV]``. It prints:

* ``network_core``: the lines of ``MLP.forward``, ``forward_with_cache``, ``backward``, ``sgd_step``
  and ``train`` in ``src/neuronlab/network.py``, together with every method of ``MLP`` and every
  function of ``network.py`` they call, directly or not (their private helpers and twins are part
  of what a reader must follow; the losses and activations they call live in their own modules);
* ``autodiff_engine``: every line of code of ``src/neuronlab/autodiff.py``;
* the whole files, for comparison;
* ``exercise_modules``: every ``src/neuronlab/exercises/*.py``, lines in all and lines of code, for
  the working tree and, with ``--rev REV`` (e.g. ``--rev pre-merge``), for that git revision too
  (its files read with ``git show``), so that a before/after is one command.

A line of code is a non-blank line that is neither a comment nor part of a docstring.
"""

from __future__ import annotations

import argparse
import ast
import io
import re
import subprocess
import sys
import tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "src" / "neuronlab"
EXERCISES = "src/neuronlab/exercises"
EXERCISE = re.compile(r"^ex\d+_\d+ = ", re.MULTILINE)
CORE = ("forward", "forward_with_cache", "backward", "sgd_step", "train")


def code_lines(source: str) -> set[int]:
    """The numbers of the lines that hold code (not blank, not only a comment, not a docstring)."""
    docstring_lines: set[int] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            first = node.body[0] if node.body else None
            is_text = isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant)
            if is_text and isinstance(first.value.value, str):
                docstring_lines.update(range(first.lineno, first.end_lineno + 1))
    lines: set[int] = set()
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type in (tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT):
            continue
        if token.type in (tokenize.DEDENT, tokenize.ENDMARKER):
            continue
        lines.update(range(token.start[0], token.end[0] + 1))
    return lines - docstring_lines


def functions(tree: ast.Module) -> dict[str, ast.FunctionDef]:
    """Module-level functions by name, and MLP's methods as ``MLP.name``."""
    found: dict[str, ast.FunctionDef] = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            found[node.name] = node
        if isinstance(node, ast.ClassDef) and node.name == "MLP":
            for item in node.body:
                if isinstance(item, ast.FunctionDef):
                    found[f"MLP.{item.name}"] = item
    return found


def called_names(function: ast.FunctionDef) -> set[str]:
    """Names this function calls: ``self.x(...)`` as ``MLP.x``, ``f(...)`` as ``f``."""
    names = set()
    for node in ast.walk(function):
        if not isinstance(node, ast.Call):
            continue
        called = node.func
        if isinstance(called, ast.Attribute) and getattr(called.value, "id", None) == "self":
            names.add(f"MLP.{called.attr}")
        if isinstance(called, ast.Name):
            names.add(called.id)
    return names


def network_core() -> tuple[int, list[str]]:
    """Lines of code of the core methods and everything of network.py they call."""
    sources = {"network": (SOURCE / "network.py").read_text()}
    index: dict[str, tuple[str, ast.FunctionDef]] = {}
    for module, source in sources.items():
        for name, node in functions(ast.parse(source)).items():
            index.setdefault(name, (module, node))
    todo = [f"MLP.{name}" for name in CORE if f"MLP.{name}" in index]
    seen: list[str] = []
    while todo:
        name = todo.pop()
        if name in seen or name not in index:
            continue
        seen.append(name)
        todo.extend(called_names(index[name][1]))
    lines = {module: code_lines(source) for module, source in sources.items()}
    total = 0
    for name in seen:
        module, node = index[name]
        total += len({n for n in lines[module] if node.lineno <= n <= node.end_lineno})
    return total, sorted(seen)


def file_code_lines(name: str) -> int:
    """Lines of code of one module of the package, docstrings and comments left out."""
    return len(code_lines((SOURCE / name).read_text()))


def exercise_sources(rev: str | None = None) -> dict[str, str]:
    """The text of every ``src/neuronlab/exercises/*.py``: in the working tree, or at git ``rev``."""
    if rev is None:
        return {path.name: path.read_text() for path in sorted((ROOT / EXERCISES).glob("*.py"))}
    listing = subprocess.run(
        ["git", "ls-tree", "--name-only", f"{rev}:{EXERCISES}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return {
        name: subprocess.run(
            ["git", "show", f"{rev}:{EXERCISES}/{name}"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for name in sorted(listing)
        if name.endswith(".py")
    }


def exercise_modules(rev: str | None = None) -> tuple[int, int, int, int]:
    """Files, exercises (``exN_M = ...`` at the top of a module), lines in all (as ``wc -l``
    counts them) and lines of code of the exercise modules.
    """
    sources = exercise_sources(rev)
    exercises = sum(len(EXERCISE.findall(source)) for source in sources.values())
    total = sum(source.count("\n") for source in sources.values())
    code = sum(len(code_lines(source)) for source in sources.values())
    return len(sources), exercises, total, code


def main(argv: list[str] | None = None) -> int:
    """Print the table of lines of code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rev", help="also measure the exercise modules at this git revision")
    args = parser.parse_args(argv)
    core, names = network_core()
    print(f"network_core        {core:4d} lines of code  ({', '.join(names)})")
    print(f"autodiff_engine     {file_code_lines('autodiff.py'):4d} lines of code  (autodiff.py)")
    for name in ("network.py", "losses.py", "autodiff.py", "plotting.py", "widgets.py"):
        path = SOURCE / name
        if path.exists():
            raw = len(path.read_text().splitlines())
            print(f"{name:<19} {file_code_lines(name):4d} lines of code, {raw} lines in all")
    for label, rev in [("working tree", None)] + ([(args.rev, args.rev)] if args.rev else []):
        files, exercises, total, code = exercise_modules(rev)
        print(
            f"exercise_modules    {code:4d} lines of code, {total} lines in all "
            f"({files} files, {exercises} exercises, {total / exercises:.0f} lines each, {label})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
