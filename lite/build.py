"""Build the in-browser edition of the course (JupyterLite) into build/lite: ``make lite``.

What it holds: the lessons, exercise and solution notebooks, the course's own wheel
(``neuronlab``) and the wheels that Pyodide's distribution lacks (ipywidgets and its pure-Python
helpers), served to the in-browser ``%pip install``. Each notebook gains a first cell that says
where the learner is and a cell that installs the course into the browser tab's Python.

Two rules keep a learner's work safe and the published course visible:

* lessons and solutions are published **read-only** (``writable: false`` in the contents
  listing), so JupyterLab asks for *Save As* instead of saving a private copy over them; a saved
  copy would otherwise hide every later correction of that lesson (JupyterLite's browser storage
  takes precedence over the published file);
* exercise notebooks are writable: the learner's saved work stays in the browser and wins over a
  newer published exercise, as on a JupyterHub. To start an exercise afresh: *File > Save As...*
  (to keep your version), then right-click the notebook > *Delete*: the published one comes back.

Pyodide itself is fetched by the learner's browser from the URL the pyodide kernel is configured
with (its CDN by default). To serve it from the site instead, download a Pyodide release archive
and run ``make lite PYODIDE=path/to/pyodide-VERSION.tar.bz2`` (passed to ``jupyter lite build
--pyodide``).
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import shutil
import subprocess
import sys
import zipfile
from importlib.metadata import Distribution, distribution
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "lite"
FOLDERS = {"notebooks": False, "exercises": True, "solutions": False}  # folder: writable
# Not in Pyodide's distribution: bundled so that the in-browser install needs no other index.
# (widgetsnbextension and jupyterlab_widgets only carry the front end, which the build already
# includes, so ipywidgets is installed without its declared dependencies.)
EXTRA_WHEELS = ("ipywidgets", "comm")

EDITION_NOTE = """\
**In-browser edition.** This notebook runs in your browser (JupyterLite): nothing is installed
on your computer, and the first start of Python takes a little while. Run the next cell first; it
installs the course's package into this tab. {saving}"""
SAVING = {
    True: "Your work is saved in this browser only. To start again from the published "
    "exercise: *File > Save As...* to keep your version, then right-click this notebook in the "
    "file browser > *Delete*; the published notebook comes back.",
    False: "This notebook is published read-only, so every correction of the course reaches "
    "you; to keep notes, use *File > Save As...* and work in your copy.",
}
INSTALL_CELL = """\
# In-browser edition only: install the course's package into this browser tab's Python.
%pip install -q --no-deps comm ipywidgets neuronlab"""


def stage_notebooks(contents: Path) -> None:
    """Copy every course notebook into ``contents``, with the edition note and install cell."""
    for folder, writable in FOLDERS.items():
        (contents / folder).mkdir(parents=True)
        for path in sorted((ROOT / folder).glob("[0-9][0-9]_*.ipynb")):
            notebook = nbformat.read(path, as_version=4)
            note = nbformat.v4.new_markdown_cell(EDITION_NOTE.format(saving=SAVING[writable]))
            install = nbformat.v4.new_code_cell(INSTALL_CELL)
            notebook.cells[1:1] = [note, install]  # after the title cell
            nbformat.write(notebook, contents / folder / path.name)


def stage_wheels(wheels: Path) -> list[Path]:
    """Wheels of the course and of the extra packages, made here without any download.

    The course's wheel is packed from ``src/neuronlab`` with the installed metadata; the extra
    pure-Python packages are packed from their installed files (the versions the course is
    tested with).
    """
    wheels.mkdir(parents=True)
    course = distribution("neuronlab")
    package = ROOT / "src" / "neuronlab"
    files = {
        f"neuronlab/{path.relative_to(package).as_posix()}": path.read_bytes()
        for path in sorted(package.rglob("*.py"))
    }
    made = [pack_wheel(wheels, course, files)]
    for name in EXTRA_WHEELS:
        dist = distribution(name)
        installed = {
            str(file): file.locate().read_bytes()
            for file in dist.files or []
            if not str(file).startswith("..") and "__pycache__" not in str(file)
            and ".dist-info/" not in str(file)
        }  # fmt: skip
        made.append(pack_wheel(wheels, dist, installed))
    return made


def pack_wheel(folder: Path, dist: Distribution, files: dict[str, bytes]) -> Path:
    """Write a pure-Python wheel (PEP 427) of ``files`` with the metadata of ``dist``."""
    name, version = dist.metadata["Name"].replace("-", "_"), dist.version
    info = f"{name}-{version}.dist-info"
    files = {
        **files,
        f"{info}/METADATA": (dist.read_text("METADATA") or "").encode(),
        f"{info}/WHEEL": b"Wheel-Version: 1.0\nGenerator: neuronlab lite/build.py\n"
        b"Root-Is-Purelib: true\nTag: py3-none-any\n",
    }
    record = [f"{path},sha256={_digest(data)},{len(data)}" for path, data in files.items()]
    files[f"{info}/RECORD"] = ("\n".join([*record, f"{info}/RECORD,,"]) + "\n").encode()
    wheel = folder / f"{name}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, data in files.items():
            archive.writestr(path, data)
    return wheel


def _digest(data: bytes) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def mark_read_only(output: Path) -> None:
    """Publish lessons and solutions read-only in JupyterLite's contents listings."""
    for folder, writable in FOLDERS.items():
        listing = output / "api" / "contents" / folder / "all.json"
        data = json.loads(listing.read_text(encoding="utf-8"))
        for entry in data["content"]:
            entry["writable"] = writable
        listing.write_text(json.dumps(data, indent=2), encoding="utf-8")


def build(output: Path, pyodide: str | None) -> None:
    staging = ROOT / "build" / "lite-staging"
    shutil.rmtree(staging, ignore_errors=True)
    shutil.rmtree(output, ignore_errors=True)
    stage_notebooks(staging / "contents")
    wheels = stage_wheels(staging / "wheels")
    command = [
        sys.executable, "-m", "jupyterlite_core", "check",  # builds, then validates the result
        "--lite-dir", str(HERE), "--output-dir", str(output),
        "--contents", str(staging / "contents"),
        "--settings-overrides", str(HERE / "overrides.json"),
        "--no-sourcemaps",
    ]  # fmt: skip
    for wheel in wheels:
        command += ["--piplite-wheels", str(wheel)]
    if pyodide:
        command += ["--pyodide", pyodide]
    subprocess.run(command, check=True, cwd=staging)
    mark_read_only(output)
    print(f"The in-browser edition is in {output}: serve it with any static web server.")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--output-dir", type=Path, default=ROOT / "build" / "lite")
    parser.add_argument("--pyodide", help="a Pyodide release archive or URL to serve from the site")
    args = parser.parse_args()
    build(args.output_dir, args.pyodide)
    return 0


if __name__ == "__main__":
    sys.exit(main())
