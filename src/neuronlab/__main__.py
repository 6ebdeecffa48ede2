"""The course's command line.

For learners::

    python -m neuronlab check exercises/03_sigmoid.ipynb   # how are my exercises doing?
    python -m neuronlab progress                           # every lesson at once
    python -m neuronlab progress --json > progress.json    # the same, for a teacher's scripts
    python -m neuronlab reset exercises/03_sigmoid.ipynb   # a fresh copy; yours is kept as a backup

For authors::

    python -m neuronlab exercises [--force] [NN_topic.ipynb...]   # regenerate exercises/
    python -m neuronlab execute NOTEBOOK...   # run notebooks in a fresh kernel, save outputs

``check`` exits 0 when every exercise is correct, 1 when any is not, 2 on unusable input.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

EXIT_OK, EXIT_NOT_ALL_CORRECT, EXIT_UNUSABLE = 0, 1, 2
BROWSER_ONLY = (
    "this command starts Jupyter kernels, which the in-browser edition of the course "
    "(JupyterLite) cannot do. Run the check cells in the notebook instead "
    "(exercises.exN_M.check(...)): they work in the browser."
)


def _check(paths: list[Path]) -> int:
    from neuronlab.checking import UnusableNotebook, check_notebook, format_report

    status = EXIT_OK
    for path in paths:
        try:
            report = check_notebook(path)
        except UnusableNotebook as error:
            print(f"error: {error}", file=sys.stderr)
            return EXIT_UNUSABLE
        print(format_report(report))
        if not report.all_correct:
            status = EXIT_NOT_ALL_CORRECT
    return status


def _progress(folder: Path, as_json: bool = False) -> int:
    from neuronlab.authoring import course_notebooks
    from neuronlab.checking import UnusableNotebook, check_notebook
    from neuronlab.exercises._core import CORRECT, NOT_ATTEMPTED

    notebooks = course_notebooks(folder) if folder.is_dir() else []
    if not notebooks:
        print(
            f"error: no exercise notebooks in {folder}/. Run this from the course folder, "
            "or pass --dir with the folder that holds them.",
            file=sys.stderr,
        )
        return EXIT_UNUSABLE
    if as_json:
        return _progress_json(notebooks)
    print(f"{'lesson':<44} {'correct':>8}   exercises (✓ correct, ✗ not yet, · not attempted)")
    done = total = 0
    for path in notebooks:
        try:
            report = check_notebook(path)
        except UnusableNotebook as error:
            print(f"{path.stem:<44} {'cannot run':>8}   ({error})")
            continue
        correct = report.count(CORRECT)
        marks = "".join(
            "✓" if r.status == CORRECT else ("·" if r.status == NOT_ATTEMPTED else "✗")
            for r in report.results
        )
        print(f"{path.stem:<44} {correct:>4}/{len(report.results):<3}   {marks}")
        done += correct
        total += len(report.results)
    print(f"{'all lessons':<44} {done:>4}/{total:<3}")
    return EXIT_OK if done == total else EXIT_NOT_ALL_CORRECT


def _progress_json(notebooks: list[Path]) -> int:
    """Print every lesson's results as one JSON document (see TEACHING.md for its fields)."""
    import json
    from datetime import UTC, datetime

    from neuronlab import __version__
    from neuronlab.checking import UnusableNotebook, check_notebook
    from neuronlab.exercises._core import CORRECT

    lessons = []
    for path in notebooks:
        entry: dict = {"notebook": path.as_posix(), "lesson": path.name[:2]}
        try:
            report = check_notebook(path)
        except UnusableNotebook as error:
            lessons.append({**entry, "status": "cannot run", "error": str(error), "exercises": []})
            continue
        exercises = [
            {"id": r.exercise_id, "status": r.status, "message": r.message} for r in report.results
        ]
        lessons.append({**entry, "status": "checked", "exercises": exercises})
    statuses = [e["status"] for lesson in lessons for e in lesson["exercises"]]
    summary = {
        "course": "neuronlab",
        "version": __version__,
        "checked_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "correct": statuses.count(CORRECT),
        "total": len(statuses),
        "lessons": lessons,
    }
    print(json.dumps(summary, indent=2, ensure_ascii=True))
    all_done = all(lesson["status"] == "checked" for lesson in lessons)
    return EXIT_OK if all_done and summary["correct"] == summary["total"] else EXIT_NOT_ALL_CORRECT


def _solution_for(exercise: Path) -> Path:
    return exercise.resolve().parent.parent / "solutions" / exercise.name


def _reset(paths: list[Path]) -> int:
    from neuronlab.authoring import NOTEBOOK_NAME, backup_path, exercise_text

    for path in paths:
        solution = _solution_for(path)
        if not NOTEBOOK_NAME.fullmatch(path.name) or not solution.exists():
            print(
                f"error: {path} is not one of the course's exercise notebooks (expected a file "
                f"like exercises/03_sigmoid.ipynb with its twin in solutions/).",
                file=sys.stderr,
            )
            return EXIT_UNUSABLE
        fresh = exercise_text(solution)
        if path.exists():
            if path.read_text(encoding="utf-8") == fresh:
                print(f"{path}: already fresh, nothing to do.")
                continue
            backup = backup_path(path)
            shutil.copy2(path, backup)
            print(f"{path}: your version is kept as {backup}.")
        path.write_text(fresh, encoding="utf-8")
        print(f"{path}: fresh exercise notebook written.")
    return EXIT_OK


def _exercises(root: Path, force: bool, names: list[str]) -> int:
    from neuronlab.authoring import course_notebooks, write_exercise

    solutions = course_notebooks(root / "solutions")
    if names:
        wanted = {Path(name).name for name in names}
        unknown = wanted - {s.name for s in solutions}
        if unknown:
            print(f"error: no solution notebook named {', '.join(sorted(unknown))} in "
                  f"{root / 'solutions'}/.", file=sys.stderr)  # fmt: skip
            return EXIT_UNUSABLE
        solutions = [s for s in solutions if s.name in wanted]
    if not solutions:
        print(f"error: no solution notebooks in {root / 'solutions'}/.", file=sys.stderr)
        return EXIT_UNUSABLE
    refused = []
    for solution in solutions:
        target = root / "exercises" / solution.name
        outcome = write_exercise(solution, target, force=force)
        print(f"{target}: {outcome}")
        if outcome == "refused":
            refused.append(target)
    if refused:
        print(
            f"\n{len(refused)} exercise notebook(s) hold a learner's changes and were left as they "
            "are. To replace them anyway (each is first backed up beside itself), run "
            "`make exercises FORCE=1` or `python -m neuronlab exercises --force`.",
            file=sys.stderr,
        )
        return EXIT_NOT_ALL_CORRECT
    return EXIT_OK


def _execute(paths: list[Path], timeout: int) -> int:
    import time

    from neuronlab.authoring import execute_notebook

    for path in paths:
        start = time.perf_counter()
        try:
            execute_notebook(path, timeout=timeout)
        except Exception as error:
            print(f"error: {path} failed: {error}", file=sys.stderr)
            return EXIT_NOT_ALL_CORRECT
        print(f"{path}: executed in {time.perf_counter() - start:.1f} s")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m neuronlab",
        description=__doc__.split("\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="check the exercises of one or more notebooks")
    check.add_argument("notebooks", nargs="+", type=Path)
    progress = commands.add_parser("progress", help="every lesson's exercises at once")
    progress.add_argument("--dir", type=Path, default=Path("exercises"))
    progress.add_argument(
        "--json", action="store_true", help="one JSON document on standard output, for scripts"
    )
    reset = commands.add_parser("reset", help="a fresh exercise notebook; yours is backed up")
    reset.add_argument("notebooks", nargs="+", type=Path)
    exercises = commands.add_parser(
        "exercises", help="(authors) regenerate exercises/ from solutions/"
    )
    exercises.add_argument("names", nargs="*", help="only these notebooks (default: all)")
    exercises.add_argument("--root", type=Path, default=Path("."))
    exercises.add_argument(
        "--force",
        action="store_true",
        help="replace notebooks a learner changed (each is backed up first)",
    )
    execute = commands.add_parser("execute", help="(authors) run notebooks and save their outputs")
    execute.add_argument("notebooks", nargs="+", type=Path)
    execute.add_argument("--timeout", type=int, default=60, help="seconds per cell")
    return parser


KERNEL_COMMANDS = {"check", "progress", "execute"}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command in KERNEL_COMMANDS and sys.platform == "emscripten":
        print(f"error: {BROWSER_ONLY}", file=sys.stderr)
        return EXIT_UNUSABLE
    if args.command == "check":
        return _check(args.notebooks)
    if args.command == "progress":
        return _progress(args.dir, args.json)
    if args.command == "reset":
        return _reset(args.notebooks)
    if args.command == "exercises":
        return _exercises(args.root, args.force, args.names)
    return _execute(args.notebooks, args.timeout)


if __name__ == "__main__":
    sys.exit(main())
