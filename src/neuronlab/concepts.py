"""The course's concept map: the ideas the lessons build on, and how to spot each in a lesson.

Every lesson notebook declares in its metadata, under ``neuronlab``, the concepts it
**introduces** (teaches for the first time) and the concepts it **uses** (taught in an earlier
lesson)::

    {"neuronlab": {"introduces": ["sigmoid", "mean squared error"], "uses": ["net input"]}}

A lesson may also name a concept that a *later* lesson teaches, as a pointer ahead ("lesson 04
turns this slope into a learning rule"); it lists such concepts under ``previews``.

``GLOSSARY`` maps each concept's name to a regular expression (case-insensitive) that finds it
in a lesson's text and code. The test ``tests/test_concept_map.py`` holds the map: every concept
is introduced once, before any lesson uses it, and every concept a lesson's text or code mentions
is declared by that lesson.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

#: concept name -> regular expression that finds it in prose or code (matched ignoring case).
GLOSSARY: dict[str, str] = {
    # the neuron (lesson 01)
    "net input": r"net[ _]inputs?",
    "bias": r"\bbias(es)?\b",
    "dot product": r"dot product|np\.dot\b",
    "batch": r"(?<!mini-)(?<!mini)\bbatch(es)?\b",
    "activation function": r"\bactivations?\b",
    "decision line": r"decision (line|boundary|boundaries|region)s?",
    "step function": r"step (function|neuron|activation)s?|\bstep\(|\"step\"",
    # the perceptron (lesson 02)
    "threshold": r"threshold",
    "perceptron": r"perceptron",
    "learning rate": r"learning[ _]rates?|\\eta\b|η",
    "epoch": r"\bepochs?\b",
    "xor": r"\bxor\b",
    "hidden layer": r"hidden (layer|unit|neuron)s?",
    "matrix product": r"matrix (product|multiplication)s?|matri(x|ces) (×|times|by) (a )?matri(x|ces)|matrix-matrix",
    # the sigmoid (lesson 03)
    "sigmoid": r"sigmoid|logistic function",
    "saturation": r"saturat\w*",
    "mean squared error": r"mean squared error|\bmse\b|mean_squared_error",
    "overflow": r"overflow",
    # derivatives and gradients (lesson 04)
    "derivative": r"derivatives?\b",
    "derivative rules": r"(power|sum|constant[- ]factor|quotient) rule",
    "chain rule": r"chain rule",
    "partial derivative": r"partial derivatives?|∂|\\partial",
    "gradient": r"\bgradients?\b",
    "gradient descent": r"gradient descent",
    "finite difference": r"finite[- ]differences?|centred differences?|central differences?",
    "loss": r"\bloss(es)?\b|cost function|\bthe cost\b",
    # graphs and backpropagation (lessons 05, 06)
    "computational graph": r"computation(al)? graphs?",
    "automatic differentiation": r"automatic differentiation|autodiff",
    "topological sort": r"topological",
    "backpropagation": r"backprop\w*|back-propagat\w*",
    "forward pass": r"forward pass",
    "backward pass": r"backward pass|\.backward\(",
    "hadamard product": r"hadamard|⊙|\\odot|element-?wise product",
    "gradient check": r"gradient[- _]check\w*|check_gradients?",
    "local minimum": r"local minim\w*",
    # the Python an engine is built from (lesson 05's Python box)
    "python class": r"__init__|\bclass [a-z_]\w*\s*[:(]",
    "special method": r"special methods?|__(add|mul|sub|truediv|pow|neg|radd|rmul)__",
    "closure": r"\bclosures?\b",
    "recursion": r"\brecursi(on|ve)\b",
    # outputs, losses and stochastic gradient descent (lesson 07)
    "cross-entropy": r"cross[- _]entropy|log[- ]loss",
    "binary cross-entropy": r"binary[ _]cross[- _]entropy|\bbce\b",
    "categorical cross-entropy": r"categorical[ _]cross[- _]entropy",
    "likelihood": r"likelihood",
    "softmax": r"softmax",
    "one-hot": r"one[- _]hot",
    "logits": r"\blogits?\b",
    "mini-batch": r"mini-?batch\w*|batch[ _]size",
    "stochastic gradient descent": r"stochastic gradient descent|\bsgd\b",
    # the activation zoo (lesson 08)
    "tanh": r"tanh",
    "relu": r"relu\b|rectified linear",
    "leaky relu": r"leaky[ _]relu",
    "elu": r"\belu\b",
    "softplus": r"softplus",
    "silu": r"\bsilu\b|swish",
    "gelu": r"\bgelu",
    "zero-centred": r"zero-cent(red|ered)",
    "product rule": r"product rule",
    "normal distribution": r"normal distribution|standard normal",
    # depth (lesson 09)
    "vanishing gradients": r"vanishing[- ]gradients?",
    "exploding gradients": r"exploding[- ]gradients?|gradients? explode",
    "variance": r"variance|standard deviation|np\.var\b|np\.std\b|\.std\(|\.var\(",
    "xavier initialisation": r"xavier|glorot[ _](initiali[sz]ation|init|uniform|normal)",
    "he initialisation": r"\bhe[ _](initiali[sz]ations?|init|normal)\b|\"he\"|kaiming",
    "dying relu": r"dying|dead (units?|neurons?|relus?)",
    # real data (lesson 10)
    "universal approximation": r"universal(ly)? approximat\w*",
    "validation set": r"validation",
    "test set": r"test set|held-out",
    "overfitting": r"overfit\w*",
    "confusion matrix": r"confusion[ _]matrix",
}

KEYS = ("introduces", "uses", "previews")


@dataclass(frozen=True)
class Declaration:
    """What one lesson says about the concepts: introduced, used, and named as a pointer ahead."""

    lesson: str
    introduces: tuple[str, ...]
    uses: tuple[str, ...]
    previews: tuple[str, ...]

    @property
    def declared(self) -> set[str]:
        """Every concept the lesson declares, in any of its three lists."""
        return set(self.introduces) | set(self.uses) | set(self.previews)


def declaration(lesson: str, metadata: Mapping) -> Declaration:
    """Read a notebook's ``metadata["neuronlab"]``; a clear error names what is missing or wrong."""
    entry = metadata.get("neuronlab")
    if not isinstance(entry, Mapping):
        raise ValueError(
            f"lesson {lesson}: its notebook metadata has no 'neuronlab' entry; add "
            '{"neuronlab": {"introduces": [...], "uses": [...]}} with names from '
            "neuronlab.concepts.GLOSSARY."
        )
    unknown_keys = set(entry) - set(KEYS)
    if unknown_keys:
        raise ValueError(f"lesson {lesson}: unknown keys {sorted(unknown_keys)}; use {KEYS}.")
    lists = {key: tuple(entry.get(key, ())) for key in KEYS}
    for key, names in lists.items():
        unknown = [name for name in names if name not in GLOSSARY]
        if unknown:
            raise ValueError(
                f"lesson {lesson}: {key} names {unknown}, which are not in the glossary "
                "(neuronlab.concepts.GLOSSARY): add them there or use a glossary name."
            )
    return Declaration(lesson, lists["introduces"], lists["uses"], lists["previews"])


#: a lesson named by its title: in prose, "**04 · Derivatives and gradient descent**", and in
#: lesson 00's course map, ``("04", "derivatives and\ngradient descent")``. A title names that
#: lesson's concepts without using them, so it is left out of the search.
LESSON_TITLE = re.compile(r"\*\*\d\d · [^*\n]+\*\*|\(\"\d\d\", \"[^\"]*\"\)")


def lesson_text(cells: Iterable[Mapping]) -> str:
    """The text a learner reads in a lesson: its markdown and code (outputs left out), with
    pointers to other lessons by title removed.
    """
    sources = (cell["source"] for cell in cells if cell["cell_type"] in ("markdown", "code"))
    return LESSON_TITLE.sub(" ", "\n\n".join(sources))


def mentioned(text: str) -> set[str]:
    """The glossary concepts whose pattern occurs in ``text``."""
    return {name for name, pattern in GLOSSARY.items() if re.search(pattern, text, re.IGNORECASE)}


#: an import line, ``import x`` or ``from x import (a, b)``: naming a function is not using it.
IMPORT = re.compile(r"^(from\s+\S+\s+)?import\s+(\([^)]*\)|.*)$", re.MULTILINE)


def code_before_prose(name: str, cells: list[Mapping]) -> tuple[int, int] | None:
    """For a concept a lesson introduces: the first code cell that uses it (imports left out)
    and the first prose cell that names it, when the code comes first; else None.

    The lesson's first cell, its objectives, does not count as prose: listing a concept there
    is a promise, not an introduction.
    """
    pattern = re.compile(GLOSSARY[name], re.IGNORECASE)
    code = [
        index
        for index, cell in enumerate(cells)
        if cell["cell_type"] == "code" and pattern.search(IMPORT.sub("", cell["source"]))
    ]
    prose = [
        index
        for index, cell in enumerate(cells)
        if index > 0
        and cell["cell_type"] == "markdown"
        and pattern.search(LESSON_TITLE.sub(" ", cell["source"]))
    ]
    if code and prose and code[0] < prose[0]:
        return code[0], prose[0]
    return None


def map_problems(lessons: Iterable[tuple[Declaration, list[Mapping]]]) -> list[str]:
    """Every way the lessons, in course order, break the concept map; empty when it holds.

    ``lessons`` gives each lesson's declaration with its cells. A concept must be introduced
    once; a used concept must be introduced by an earlier lesson, or by the same lesson in its
    prose before its code uses it; a previewed concept must be introduced by a later lesson;
    every concept the lesson's text mentions must be declared, and every declared concept must
    be mentioned.
    """
    lessons = [(declared, list(cells)) for declared, cells in lessons]
    problems: list[str] = []
    introduced_in: dict[str, str] = {}
    for declared, _ in lessons:
        for name in declared.introduces:
            if name in introduced_in:
                problems.append(
                    f"lesson {declared.lesson} introduces {name!r}, already introduced by "
                    f"lesson {introduced_in[name]}: the later lesson should list it under 'uses'."
                )
            else:
                introduced_in[name] = declared.lesson
    for declared, cells in lessons:
        for name in declared.uses:
            source = introduced_in.get(name)
            if source is None or source > declared.lesson:
                where = "no lesson" if source is None else f"only the later lesson {source}"
                problems.append(
                    f"lesson {declared.lesson} uses {name!r}, but {where} introduces it."
                )
        for name in declared.introduces:
            early = code_before_prose(name, cells)
            if early:
                problems.append(
                    f"lesson {declared.lesson}: cell {early[0]} uses {name!r} in code before "
                    f"cell {early[1]} introduces it in prose."
                )
        for name in declared.previews:
            source = introduced_in.get(name)
            if source is None or source <= declared.lesson:
                problems.append(
                    f"lesson {declared.lesson} previews {name!r}, which is not introduced by a "
                    "later lesson: list it under 'uses' or 'introduces' instead."
                )
        both = set(declared.introduces) & (set(declared.uses) | set(declared.previews))
        if both:
            problems.append(f"lesson {declared.lesson} both introduces and uses {sorted(both)}.")
        found = mentioned(lesson_text(cells))
        for name in sorted(found - declared.declared):
            problems.append(
                f"lesson {declared.lesson} mentions {name!r} (pattern {GLOSSARY[name]!r}) but "
                "does not declare it: add it to 'introduces', 'uses' or 'previews'."
            )
        for name in sorted(declared.declared - found):
            problems.append(
                f"lesson {declared.lesson} declares {name!r}, but its text never mentions it "
                f"(pattern {GLOSSARY[name]!r})."
            )
    return problems


def read_course(folder: str | Path = "notebooks") -> list[tuple[Declaration, list]]:
    """Every lesson notebook in ``folder``, in course order: its declaration and its cells."""
    import nbformat

    from neuronlab.authoring import course_notebooks

    lessons = []
    for path in course_notebooks(Path(folder)):
        notebook = nbformat.read(path, as_version=4)
        lessons.append((declaration(path.name[:2], notebook.metadata), notebook.cells))
    return lessons


if __name__ == "__main__":  # python -m neuronlab.concepts [folder]: what breaks the map
    import sys

    found = map_problems(read_course(*sys.argv[1:2]))
    print("\n".join(found) if found else "The concept map holds.")
    sys.exit(1 if found else 0)
