"""The concept map: every concept introduced once, before it is used, and declared where it is used.

Each lesson's notebook metadata says which concepts it introduces, uses and previews
(``neuronlab.concepts``); these tests hold the declarations against each other, against the
lessons' text, and against the README's course map.
"""

from __future__ import annotations

import copy
import re

import nbformat
import pytest

from neuronlab.concepts import (
    GLOSSARY,
    Declaration,
    code_before_prose,
    declaration,
    lesson_text,
    map_problems,
    mentioned,
    read_course,
)

from .conftest import ROOT, course_notebooks

LESSONS = course_notebooks("notebooks")


def read_lessons() -> list[tuple[Declaration, list]]:
    """Every lesson's declaration with its cells, in course order."""
    return read_course(ROOT / "notebooks")


def test_the_concept_map_holds_over_the_whole_course():
    problems = map_problems(read_lessons())
    assert not problems, "\n".join(problems)


# Planted violations: the same check must catch each way of breaking the map.


def planted(lesson: str, **changes) -> list[tuple[Declaration, list]]:
    """The real course with one lesson's declaration (or cells, under ``cells=``) changed."""
    lessons = copy.deepcopy(read_lessons())
    for index, (declared, cells) in enumerate(lessons):
        if declared.lesson == lesson:
            cells = changes.pop("cells", cells)
            fields = {key: tuple(value) for key, value in changes.items()}
            lessons[index] = (Declaration(**{**declared.__dict__, **fields}), cells)
    return lessons


def cells_of(lesson: str) -> list:
    return next(cells for declared, cells in read_lessons() if declared.lesson == lesson)


def markdown(source: str) -> dict:
    return {"cell_type": "markdown", "source": source}


def code(source: str) -> dict:
    return {"cell_type": "code", "source": source}


def by_lesson(lesson: str) -> Declaration:
    return next(declared for declared, _ in read_lessons() if declared.lesson == lesson)


def test_a_concept_used_before_any_lesson_introduces_it_fails():
    # Lesson 02 uses the sigmoid, which only lesson 03 introduces.
    lesson = by_lesson("02")
    problems = map_problems(planted("02", uses=[*lesson.uses, "sigmoid"]))
    assert any("lesson 02 uses 'sigmoid', but only the later lesson 03" in p for p in problems)


def test_a_concept_introduced_twice_fails():
    lesson = by_lesson("03")
    problems = map_problems(planted("03", introduces=[*lesson.introduces, "net input"]))
    assert any(
        "lesson 03 introduces 'net input', already introduced by lesson 01" in p for p in problems
    )


def test_a_mention_the_lesson_does_not_declare_fails():
    # A sentence about softmax slipped into lesson 01, which does not declare it.
    cells = [*cells_of("01"), markdown("The softmax turns scores into ...")]
    problems = map_problems(planted("01", cells=cells))
    assert any("lesson 01 mentions 'softmax'" in p and "does not declare it" in p for p in problems)


def test_a_declared_concept_the_text_never_mentions_fails():
    lesson = by_lesson("01")
    problems = map_problems(planted("01", introduces=[*lesson.introduces, "overfitting"]))
    assert any(
        "lesson 01 declares 'overfitting', but its text never mentions it" in p for p in problems
    )


def test_code_that_uses_a_concept_before_the_lesson_introduces_it_in_prose_fails():
    # Lesson 03 computes a mean squared error in a new cell before the prose introduces it.
    cells = cells_of("03")
    defined = next(i for i, c in enumerate(cells) if "**mean squared error**" in c.source)
    early = code("mse = np.mean((a - y) ** 2)  # the mean squared error")
    problems = map_problems(planted("03", cells=[*cells[:2], early, *cells[2:]]))
    assert (
        f"lesson 03: cell 2 uses 'mean squared error' in code before cell {defined + 1} "
        "introduces it in prose."
    ) in problems


def test_imports_and_the_objectives_do_not_count_as_uses():
    cells = [
        markdown("# 99 · Test\n\n**Learning objectives**: the softmax"),
        code("from neuronlab.losses import (\n    softmax,\n)"),
        markdown("The **softmax** turns scores into probabilities."),
        code("softmax(z)"),
    ]
    assert code_before_prose("softmax", cells) is None
    cells[1] = code("p = softmax(z)")
    assert code_before_prose("softmax", cells) == (1, 2)


def test_a_preview_of_a_concept_taught_earlier_fails():
    lesson = by_lesson("03")
    problems = map_problems(planted("03", previews=[*lesson.previews, "perceptron"]))
    assert any("lesson 03 previews 'perceptron'" in p for p in problems)


def test_a_planted_violation_in_a_notebook_file_fails():
    """End to end: a lesson notebook whose metadata forgets a concept it uses."""
    notebook = nbformat.read(LESSONS[3], as_version=4)  # 03: the sigmoid
    notebook.metadata["neuronlab"]["uses"].remove("perceptron")
    lessons = read_lessons()
    lessons[3] = (declaration("03", notebook.metadata), notebook.cells)
    new = set(map_problems(lessons)) - set(map_problems(read_lessons()))
    assert new == {
        "lesson 03 mentions 'perceptron' (pattern 'perceptron') but does not declare it: "
        "add it to 'introduces', 'uses' or 'previews'."
    }


def test_unknown_names_and_missing_metadata_get_clear_errors():
    with pytest.raises(ValueError, match="no 'neuronlab' entry"):
        declaration("01", {})
    with pytest.raises(ValueError, match=r"\['sigmoids'\], which are not in the glossary"):
        declaration("01", {"neuronlab": {"introduces": ["sigmoids"]}})
    with pytest.raises(ValueError, match="unknown keys"):
        declaration("01", {"neuronlab": {"introduced": ["sigmoid"]}})


# The glossary's patterns: what each finds, and the near misses it must leave alone.

FOUND = {
    "net input": "the net input z",
    "batch": "a batch of samples",
    "mini-batch": "mini-batches of 20",
    "step function": "the step function",
    "derivative": "sigmoid_derivative(z)",
    "partial derivative": r"$\partial C / \partial w$",
    "binary cross-entropy": 'loss="bce"',
    "he initialisation": "He initialisation",
    "xavier initialisation": "Xavier-uniform weights",
    "vanishing gradients": "vanishing gradients",
    "learning rate": r"$\eta$ is the learning rate",
}
NOT_FOUND = {
    "batch": "mini-batch",
    "vanishing gradients": "the derivative all but vanishes",
    "xavier initialisation": "Glorot, Bordes and Bengio",
    "he initialisation": "the initialisation",
    "gradient": "numerical_gradient",
    "derivative rules": "the perceptron learning rule",
}


@pytest.mark.parametrize("name", sorted(FOUND))
def test_the_glossary_finds_its_terms(name):
    assert name in mentioned(FOUND[name])


@pytest.mark.parametrize("name", sorted(NOT_FOUND))
def test_the_glossary_leaves_near_misses_alone(name):
    assert name not in mentioned(NOT_FOUND[name])


def test_a_pointer_to_a_lesson_by_its_title_is_not_a_mention():
    cells = [{"cell_type": "markdown", "source": "Then go on to **03 · The sigmoid**."}]
    assert "sigmoid" not in mentioned(lesson_text(cells))


def test_every_glossary_pattern_compiles():
    for name, pattern in GLOSSARY.items():
        assert name == name.lower()
        assert re.compile(pattern)


# The README's course map shows what each lesson introduces.


def readme_introduces() -> dict[str, str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    header = re.search(r"^\| # \| lesson \| (.+?) \|", readme, re.M)
    assert header, "the course map needs an 'introduces' column"
    assert header.group(1) == "introduces", "the course map needs an 'introduces' column"
    rows = re.findall(r"^\|\s*(\d\d)\s*\|[^|]*\|([^|]*)\|", readme, re.M)
    return {number: cell.strip() for number, cell in rows}


def test_the_readme_course_map_lists_what_each_lesson_introduces():
    column = readme_introduces()
    for declared, _ in read_lessons():
        expected = ", ".join(declared.introduces) or "—"
        assert column[declared.lesson] == expected, f"README row {declared.lesson}"


def test_lesson_00s_course_map_names_lessons_by_title_without_mentioning_them():
    cells = [
        {
            "cell_type": "code",
            "source": 'lessons = [("03", "the sigmoid"), ("06", "backpropagation")]',
        }
    ]
    assert mentioned(lesson_text(cells)) == set()
