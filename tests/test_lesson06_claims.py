"""The claims of lesson 06 that its notebook only samples: the XOR stuck rate of 2-2-1 and
2-4-1 sigmoid networks over 200 seeds (the lesson trains 50 of them, to stay quick), the two
clusters of final costs, and the seeds its explorer text names as stuck.
"""

from __future__ import annotations

import inspect
import json
from pathlib import Path

import numpy as np
import pytest

from neuronlab.datasets import xor
from neuronlab.experiments import xor_final_losses
from neuronlab.network import MLP

LESSON = Path(__file__).resolve().parents[1] / "notebooks" / "06_backpropagation.ipynb"
STUCK = 0.05  # the lesson's threshold on the final cost


@pytest.fixture(scope="module")
def final_costs() -> dict[int, np.ndarray]:
    """Final MSE after 3000 epochs (learning rate 2, Xavier-uniform) for seeds 0-199."""
    return {hidden: xor_final_losses(range(200), hidden=hidden) for hidden in (2, 3, 4)}


def lesson_markdown() -> str:
    cells = json.loads(LESSON.read_text(encoding="utf-8"))["cells"]
    return "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")


def lesson_prose() -> str:
    """The lesson's markdown with every run of white space (line breaks too) as one space."""
    return " ".join(lesson_markdown().split())


def test_48_of_200_small_networks_get_stuck_and_none_of_the_wider(final_costs):
    stuck_small = int(np.sum(final_costs[2] > STUCK))
    stuck_wide = int(np.sum(final_costs[4] > STUCK))
    assert (stuck_small, stuck_wide) == (48, 0)
    text = lesson_markdown()
    assert "48 of the 2-2-1 networks get stuck (24%)" in text
    assert "(48 of 200 seeds in the claims test)" in text
    assert f"{stuck_small / 200:.0%}" == "24%"


def test_final_costs_form_two_clusters_with_nothing_between(final_costs):
    costs = np.concatenate(list(final_costs.values()))
    solved, stuck = costs[costs < STUCK], costs[costs > STUCK]
    assert solved.max() < 0.002  # "solved runs below 0.002"
    assert stuck.min() > 0.12
    assert stuck.max() < 0.17
    assert np.sum(np.isclose(stuck, 0.125, atol=0.002)) > 0.9 * len(stuck)  # mostly 0.125


def test_the_seeds_the_explorer_text_names_are_stuck_and_wider_networks_solve_them(final_costs):
    assert "seeds 9, 11 and 12 do" in lesson_markdown()
    for seed in (9, 11, 12):
        assert final_costs[2][seed] > STUCK
        assert final_costs[3][seed] < STUCK
        assert final_costs[4][seed] < STUCK


def test_a_stuck_run_creeps_towards_the_cost_0125_and_no_lower():
    """'For seed 9 the cost creeps down from 0.1258 after 3000 epochs to 0.1251 after 30000,
    towards 0.125 and no lower.'
    """
    costs = [xor_final_losses([9], hidden=2, epochs=epochs)[0] for epochs in (3000, 10000, 30000)]
    assert [round(float(c), 4) for c in (costs[0], costs[2])] == [0.1258, 0.1251]
    assert costs[0] > costs[1] > costs[2] > 0.125
    assert "from 0.1258 after 3000 epochs to 0.1251 after 30000" in lesson_prose()


def test_a_stuck_run_drifts_towards_ever_larger_weights():
    """'A stuck run drifts along a nearly flat valley towards ever larger weights.'"""
    X, y = xor()
    net = MLP([2, 2, 1], "sigmoid", init="xavier", seed=9)
    sizes, done = [], 0
    for epochs in (3000, 10000, 30000):
        net.train(X, y, epochs=epochs - done, learning_rate=2.0)
        done = epochs
        sizes.append(np.sqrt(sum(np.sum(w**2) for w in net.weights)))
    assert sizes[0] < sizes[1] < sizes[2]
    assert sizes[2] > 1.2 * sizes[0]
    assert "towards ever larger weights" in lesson_markdown()


def test_the_summary_states_the_settings_the_stuck_rate_is_measured_with():
    """The summary quotes 48 of 200 with its settings; they must be the ones measured above
    (``xor_final_losses``'s defaults, seeds ``range(200)``, threshold ``STUCK``).
    """
    defaults = {
        name: parameter.default
        for name, parameter in inspect.signature(xor_final_losses).parameters.items()
    }
    assert (defaults["learning_rate"], defaults["epochs"], defaults["init"]) == (
        2.0,
        3000,
        "xavier",
    )
    assert STUCK == 0.05
    text = lesson_prose()
    for setting in (
        "sigmoid hidden and output units, the mean squared error",
        "Xavier-uniform starting weights from 200 seeds numbered from 0",
        "full-batch gradient descent with learning rate 2 for 3000 epochs",
        "when its final cost is above 0.05",
    ):
        assert setting in text, setting


def test_training_in_chunks_gives_the_same_network_as_one_long_run():
    """'Training in chunks ... gives the same network as one long run': the boundary cell's
    network (500 + 200 epochs), trained on to 3000, is the solved network of the first run.
    """
    X, y = xor()
    whole = MLP([2, 2, 1], "sigmoid", init="xavier", seed=1)
    whole.train(X, y, epochs=3000, learning_rate=2.0)
    chunks = MLP([2, 2, 1], "sigmoid", init="xavier", seed=1)
    for epochs in (500, 200, 2300):
        chunks.train(X, y, epochs=epochs, learning_rate=2.0)
    for a, b in zip(whole.weights + whole.biases, chunks.weights + chunks.biases, strict=True):
        np.testing.assert_array_equal(a, b)
    assert "gives the same network as one long run" in lesson_prose()


def test_on_the_first_plateau_the_output_unit_alone_could_reach_about_023():
    """'With these hidden outputs held fixed, about 0.23 is the lowest cost any output unit
    could reach': with seed 1's hidden outputs after 50 epochs held fixed, the best output unit (two weights and a bias, the lowest of many starts) costs 0.23,
    while the network's own costs 0.248.
    """
    from scipy.optimize import minimize

    X, y = xor()
    net = MLP([2, 2, 1], "sigmoid", init="xavier", seed=1)
    net.train(X, y, epochs=50, learning_rate=2.0)
    H = net.forward_with_cache(X).a[1]

    def output_cost(p: np.ndarray) -> float:
        return float(np.mean((1.0 / (1.0 + np.exp(-(H @ p[:2] + p[2]))) - y) ** 2))

    rng = np.random.default_rng(0)
    options = {"xatol": 1e-10, "fatol": 1e-12, "maxiter": 20000}
    starts = [rng.normal(scale=scale, size=3) for scale in (0.1, 1.0, 5.0, 20.0) for _ in range(5)]
    best = min(minimize(output_cost, s, method="Nelder-Mead", options=options).fun for s in starts)
    assert round(best, 2) == 0.23
    assert round(float(net.loss(X, y)), 3) == 0.248
    assert "about 0.23 is the lowest cost any output unit could reach" in lesson_prose()
