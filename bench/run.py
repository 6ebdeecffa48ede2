"""The course's benchmarks: is neuronlab as fast as the well-known code it teaches?

Run it with ``make bench`` (``.venv/bin/python bench/run.py``). It prints a table and writes
``build/bench.json``: a list of ``{"name", "value", "unit", "target"}`` entries, where a value
at or below its target passes; an entry whose target is None is there for information.

Every value is a *ratio* of two timings taken side by side in the same run: the two are timed
in turn, repeatedly (alternating which goes first), and the value is the median of the
per-repeat ratios. A busy machine slows both sides of a pair alike, so ratios are far steadier
than absolute times.

To add a benchmark, write a function that returns its ratio and decorate it with
``@benchmark(name, unit, target)``.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "build" / "bench.json"


@dataclass(frozen=True)
class Benchmark:
    """One row of the table: a measurement with its unit and the target it must not exceed."""

    name: str
    unit: str
    target: float | None  # the value passes when it is <= target; None: for information
    measure: Callable[[], float]


BENCHMARKS: list[Benchmark] = []


def benchmark(name: str, unit: str, target: float | None) -> Callable:
    """Register a function returning a value to compare with ``target`` (lower is better)."""

    def register(measure: Callable[[], float]) -> Callable[[], float]:
        BENCHMARKS.append(Benchmark(name, unit, target, measure))
        return measure

    return register


# ---------------------------------------------------------------------------------------------
# Timing helpers
# ---------------------------------------------------------------------------------------------


def seconds(f: Callable[[], object], number: int) -> float:
    """Time per call of ``f``, averaged over ``number`` back-to-back calls."""
    start = time.perf_counter()
    for _ in range(number):
        f()
    return (time.perf_counter() - start) / number


def side_by_side(
    ours: Callable[[], object], reference: Callable[[], object], number: int, repeats: int
) -> float:
    """Median over ``repeats`` of (time of ``ours`` / time of ``reference``), timed in turn."""
    ours(), reference()  # warm up: first calls pay for imports, allocations, caches
    ratios = []
    for repeat in range(repeats):
        if repeat % 2:
            t_reference, t_ours = seconds(reference, number), seconds(ours, number)
        else:
            t_ours, t_reference = seconds(ours, number), seconds(reference, number)
        ratios.append(t_ours / t_reference)
    return statistics.median(ratios)


# ---------------------------------------------------------------------------------------------
# The sigmoid against scipy's expit
# ---------------------------------------------------------------------------------------------


def sigmoid_vs_expit(n: int, number: int, repeats: int) -> float:
    """The package's sigmoid over scipy's expit on ``n`` normal values (standard deviation 5)."""
    from scipy.special import expit

    from neuronlab.activations import sigmoid

    z = np.random.default_rng(0).normal(0.0, 5.0, size=n)
    return side_by_side(lambda: sigmoid(z), lambda: expit(z), number, repeats)


@benchmark("sigmoid_vs_expit_1e6", "ratio", 1.6)
def sigmoid_vs_expit_1e6() -> float:
    """The package's sigmoid over scipy.special.expit on 10^6 float64 values."""
    return sigmoid_vs_expit(10**6, number=3, repeats=21)


@benchmark("sigmoid_vs_expit_1e3", "ratio", 1.2)
def sigmoid_vs_expit_1e3() -> float:
    """The same on 10^3 values, where the cost of a call (checks, allocation) dominates."""
    return sigmoid_vs_expit(10**3, number=2000, repeats=21)


# ---------------------------------------------------------------------------------------------
# An epoch of mini-batch SGD against scikit-learn's MLPClassifier
# ---------------------------------------------------------------------------------------------


@benchmark("mlp_step_vs_sklearn", "ratio", 0.5)
def mlp_step_vs_sklearn() -> float:
    """One epoch of mini-batch SGD (batch 32) of a 64-32-10 network with logistic hidden units
    and a softmax output trained on cross-entropy, on the digits training set: neuronlab's
    ``MLP.train(epochs=1)`` over scikit-learn's ``MLPClassifier.partial_fit`` (one epoch).

    scikit-learn is set to do the same work: plain SGD (no momentum), a constant learning
    rate, no L2 penalty, shuffled batches.
    """
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier

    from neuronlab.datasets import digits
    from neuronlab.network import MLP

    X, _, y, _ = digits()
    net = MLP([64, 32, 10], ["sigmoid", "softmax"], init="xavier", seed=0)
    reference = MLPClassifier(
        hidden_layer_sizes=(32,),
        activation="logistic",
        solver="sgd",
        batch_size=32,
        learning_rate="constant",
        learning_rate_init=0.1,
        momentum=0.0,
        alpha=0.0,
        shuffle=True,
        random_state=0,
    )
    classes = np.arange(10)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        reference.partial_fit(X, y, classes=classes)  # sets up the network once
        return side_by_side(
            lambda: net.train(X, y, 1, 0.1, batch_size=32, loss="cross_entropy"),
            lambda: reference.partial_fit(X, y),
            number=5,
            repeats=21,
        )


# ---------------------------------------------------------------------------------------------
# A training step of 784-128-10 against the time its matrix products need
# ---------------------------------------------------------------------------------------------


def mlp_784_128_10_step_over_flop_limit() -> float:
    """One float64 SGD step (forward, backward, update) of a 784-128-10 network (sigmoid hidden
    layer, softmax output, cross-entropy) on a batch of 128, over the time its five matrix
    products would take at this machine's matmul rate, measured on a 1024 x 1024 product
    taken in turn with the steps. 1.0 would mean everything besides the products is free.
    """
    from neuronlab.network import MLP

    m, n_in, n_hidden, n_out = 128, 784, 128, 10
    rng = np.random.default_rng(0)
    X = rng.random((m, n_in))
    y = rng.integers(0, n_out, size=m)
    net = MLP([n_in, n_hidden, n_out], ["sigmoid", "softmax"], init="xavier", seed=0)
    # forward: X W1, H W2; backward: Hᵀ δ2, δ2 W2ᵀ, Xᵀ δ1; 2 flops (a multiply, an add) each
    step_flops = 2 * m * (2 * n_in * n_hidden + 3 * n_hidden * n_out)

    n = 1024
    A, B = rng.random((n, n)), rng.random((n, n))
    matmul_flops = 2 * n**3

    def step() -> None:
        net.sgd_step(X, y, learning_rate=0.01, loss="cross_entropy")

    step(), A @ B  # warm up
    ratios = []
    for _ in range(21):
        t_matmul = seconds(lambda: A @ B, number=2)
        t_step = seconds(step, number=20)
        flop_limit = step_flops / (matmul_flops / t_matmul)
        ratios.append(t_step / flop_limit)
    return statistics.median(ratios)


@benchmark("mlp_784_128_10_vs_flop_limit", "ratio", None)
def mlp_784_128_10_vs_flop_limit() -> float:
    """The step against the matmul rate, with BLAS using its default number of threads."""
    return mlp_784_128_10_step_over_flop_limit()


@benchmark("mlp_784_128_10_vs_flop_limit_1thread", "ratio", None)
def mlp_784_128_10_vs_flop_limit_1thread() -> float:
    """The same with BLAS limited to one thread for both the step and the reference product.

    A batch of 128 is too small to keep several BLAS threads busy, and on a shared machine a
    thread that waits for a descheduled partner can make small products many times slower,
    while the large reference product hardly notices. One thread takes that out, leaving what
    the benchmark is after: the time neuronlab spends outside the matrix products.
    """
    from threadpoolctl import threadpool_limits  # installed with scikit-learn

    with threadpool_limits(limits=1, user_api="blas"):
        return mlp_784_128_10_step_over_flop_limit()


# ---------------------------------------------------------------------------------------------
# Lesson 08: what an activation costs next to its layer's matrix product (late-lessons branch)
# ---------------------------------------------------------------------------------------------


def activation_cost_over_matmul(name: str, width: int, number: int, repeats: int) -> float:
    """Time of an activation and its derivative, ``f(z)`` and ``f'(z)`` on the net inputs of a
    layer of ``width`` units for a batch of ``width`` rows (float64), over the time of ONE of
    that layer's matrix products, ``A @ W`` (``width`` x ``width`` by ``width`` x ``width``),
    both on one BLAS thread. Elementwise work grows like width², the product like width³: the
    ratio falls as layers widen.

    What it times, exactly: ``activation(Z)`` and ``activation.derivative(Z)``, the derivative
    computed again from ``Z`` (for the sigmoid and tanh, a second exponential), not from the
    forward values as backpropagation does (``Activation.derivative_at``). And a training step
    does three products of this size (forward ``A @ W``; backward ``A.T @ delta`` and
    ``delta @ W.T``). Both make the ratio an upper bound on the activation's share of a
    training step, which is about a third of it or less; lesson 08 says so.
    """
    from threadpoolctl import threadpool_limits  # installed with scikit-learn

    from neuronlab.activations import ACTIVATIONS

    activation = ACTIVATIONS[name]
    rng = np.random.default_rng(0)
    A = rng.normal(size=(width, width))
    W = rng.normal(size=(width, width)) / np.sqrt(width)
    Z = A @ W
    with threadpool_limits(limits=1, user_api="blas"):
        return side_by_side(
            lambda: (activation(Z), activation.derivative(Z)), lambda: A @ W, number, repeats
        )


# Targets (upper bounds, against ONE product): what lesson 08 states. At width 1024, sigmoid,
# tanh and ReLU cost less than half of the product; exact GELU (an erf per element) costs about
# as much as the product or more; at width 128 the sigmoid costs about as much as the product,
# so about a third of a training step's three. (GELU's targets are loose upper bounds.)
for _name, _width, _target in [
    ("sigmoid", 1024, 0.5),
    ("tanh", 1024, 0.5),
    ("relu", 1024, 0.5),
    ("gelu", 1024, 4.0),
    ("sigmoid", 128, 2.0),
    ("gelu", 128, 20.0),
]:
    benchmark(f"activation_cost_{_name}_{_width}", "ratio", _target)(
        lambda name=_name, width=_width: activation_cost_over_matmul(
            name, width, number=2 if width > 512 else 50, repeats=7 if width > 512 else 21
        )
    )


# ---------------------------------------------------------------------------------------------
# The learner's wait: the whole course, the slowest notebook, imports and memory
# ---------------------------------------------------------------------------------------------

# The kernel's own peak resident memory in kB: VmHWM belongs to the kernel's address space.
# (getrusage's ru_maxrss is no good here: Linux carries it over from the parent across exec,
# so every kernel would report at least this benchmark process's peak.)
PEAK_RSS_CELL = (
    "print(next(line.split()[1] for line in open('/proc/self/status') if line.startswith('VmHWM')))"
)
_course_runs: dict[str, tuple[float, float]] = {}  # notebook -> (seconds, peak RSS in MB)


def run_course_once() -> dict[str, tuple[float, float]]:
    """Execute every lesson and solution once, each in a fresh kernel, in memory (no file is
    written); time each from kernel start to its last cell, and read the kernel's peak RSS.
    """
    if _course_runs:
        return _course_runs
    import nbformat

    from neuronlab.__main__ import announce
    from neuronlab.authoring import course_notebooks
    from neuronlab.kernels import notebook_client

    paths = [
        path for folder in ("notebooks", "solutions") for path in course_notebooks(ROOT / folder)
    ]
    for number, path in enumerate(paths, start=1):
        name = f"{path.parent.name}/{path.name}"
        announce(number, len(paths), "running", name)
        notebook = nbformat.read(path, as_version=4)
        notebook.cells.append(nbformat.v4.new_code_cell(PEAK_RSS_CELL))
        client = notebook_client(notebook, path.parent, timeout=600)
        start = time.perf_counter()
        client.execute()
        elapsed = time.perf_counter() - start
        peak_kb = int(notebook.cells[-1].outputs[0]["text"])
        _course_runs[name] = (elapsed, peak_kb / 1024)
        print(f"    {name}: {elapsed:.1f} s, peak {peak_kb / 1024:.0f} MB", flush=True)
    return _course_runs


@benchmark("course_total_s", "s", 45)
def course_total_s() -> float:
    """All lessons and solutions executed once, each in a fresh kernel, one after the other."""
    return sum(seconds for seconds, _ in run_course_once().values())


@benchmark("slowest_notebook_s", "s", 5)
def slowest_notebook_s() -> float:
    """The longest single notebook run, kernel start included."""
    return max(seconds for seconds, _ in run_course_once().values())


@benchmark("peak_kernel_rss_mb", "MB", 500)
def peak_kernel_rss_mb() -> float:
    """The largest resident memory of a kernel running any one notebook (Binder gives 1-2 GB)."""
    return max(rss for _, rss in run_course_once().values())


LIGHT_MODULES = "neuronlab, neuronlab.activations, neuronlab.neuron, neuronlab.gradcheck, " \
    "neuronlab.datasets, neuronlab.losses, neuronlab.network, neuronlab.autodiff, " \
    "neuronlab.experiments, neuronlab.exercises"  # fmt: skip


def import_seconds(bytecode_cached: bool, repeats: int = 7) -> float:
    """Median time to import the core modules on top of ``import numpy``, in a fresh Python each
    time. With ``bytecode_cached``, Python keeps the compiled modules (in a scratch folder) as it
    does on a learner's machine after the first import; without, every run compiles them anew
    (as when ``PYTHONDONTWRITEBYTECODE`` is set).
    """
    import os
    import subprocess
    import tempfile

    code = (
        "import time, numpy\n"
        "start = time.perf_counter()\n"
        f"import {LIGHT_MODULES}\n"
        "print(time.perf_counter() - start)"
    )
    with tempfile.TemporaryDirectory(prefix="neuronlab-bench-") as cache:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        if bytecode_cached:
            env["PYTHONPYCACHEPREFIX"] = cache
        else:
            env["PYTHONDONTWRITEBYTECODE"] = "1"

        def run() -> float:
            command = [sys.executable, "-c", code]
            return float(
                subprocess.run(command, capture_output=True, text=True, check=True, env=env).stdout
            )

        run()  # the first import fills the cache
        return statistics.median(run() for _ in range(repeats))


@benchmark("import_neuronlab_ms", "ms", 20)
def import_neuronlab_ms() -> float:
    """Import time of the package's core modules on top of ``import numpy``, compiled modules
    cached as on a learner's machine (median of 7). Plotting and widgets import matplotlib, so
    they are left out.
    """
    return 1000 * import_seconds(bytecode_cached=True)


@benchmark("import_neuronlab_uncached_ms", "ms", None)
def import_neuronlab_uncached_ms() -> float:
    """The same, compiling every module from source on each run."""
    return 1000 * import_seconds(bytecode_cached=False)


# ---------------------------------------------------------------------------------------------
# The code a learner reads: lines of code (bench/code_size.py), docstrings and comments left out
# ---------------------------------------------------------------------------------------------


@benchmark("network_core_lines", "lines", 150)
def network_core_lines() -> float:
    """MLP's forward, backward, sgd_step and train with every helper of network.py they call."""
    from code_size import network_core

    return network_core()[0]


@benchmark("autodiff_engine_lines", "lines", None)
def autodiff_engine_lines() -> float:
    """Every line of code of autodiff.py (micrograd's engine.py has about 70)."""
    from code_size import file_code_lines

    return file_code_lines("autodiff.py")


# ---------------------------------------------------------------------------------------------


def main() -> int:
    """Run every benchmark, print the table and write build/bench.json."""
    results = []
    print(f"{'name':<38} {'value':>8} {'unit':<6} {'target':>8}  result")
    for bench in BENCHMARKS:
        value = float(bench.measure())
        if bench.target is None:
            target, result = "", "info"
        else:
            target, result = f"<= {bench.target}", "pass" if value <= bench.target else "MISS"
        print(f"{bench.name:<38} {value:>8.3f} {bench.unit:<6} {target:>8}  {result}", flush=True)
        results.append(
            {
                "name": bench.name,
                "value": round(value, 4),
                "unit": bench.unit,
                "target": bench.target,
            }
        )
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(json.dumps(results, indent=2) + "\n")
    print(f"wrote {OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
