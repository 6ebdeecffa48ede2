"""Lesson 09, vanishing gradients and initialisation: the sigmoid chain, Xavier and He weights,
dead ReLUs, per-layer gradient norms.
"""

from __future__ import annotations

import itertools
from functools import partial
from typing import Any

import numpy as np

from neuronlab.activations import sigmoid, sigmoid_derivative
from neuronlab.exercises.checks import (
    Exercise,
    Incorrect,
    WrongShape,
    call,
    describe,
    diagnose,
    expect_shape,
    function_exercise,
    predict_question,
    seeded,
)

# ---------------------------------------------------------------------------------------------
# 9.1 The derivative of a chain of sigmoid neurons
# ---------------------------------------------------------------------------------------------

_rng = seeded("9.1")


def _chain(x, weights, biases, factor=None, activation=sigmoid, feed=True, combine=np.multiply):
    """The derivative of a chain of neurons a = activation(w a + b): the product of the layers'
    factors w f'(z). With the keywords, the mistakes learners make: another ``factor(w, a, z)``,
    not feeding a layer's output on, adding the factors instead.
    """
    if factor is None:
        factor = lambda w, a, z: w * sigmoid_derivative(z)  # noqa: E731
    a = np.asarray(x, dtype=float)
    derivative = np.ones_like(a) if combine is np.multiply else np.zeros_like(a)
    for w, b in zip(weights, biases, strict=True):
        z = w * a + b
        derivative = combine(derivative, factor(w, a, z))
        if feed:
            a = activation(z)
    return derivative


_X_GRID = np.array([-4.0, -1.0, 0.0, 0.5, 2.0, 6.0])
_CHAIN_MISTAKES = [
    (
        lambda x, w, b: _chain(x, w, b, lambda w, a, z: w * sigmoid(z)),
        "that multiplies by σ(z), the layer's output; the slope is σ'(z) = σ(z)(1 - σ(z)).",
    ),
    (
        lambda x, w, b: _chain(x, w, b, lambda w, a, z: sigmoid_derivative(z)),
        "each layer contributes w_l σ'(z_l): the chain rule also multiplies by the weight "
        "(∂z_l/∂a_(l-1) = w_l).",
    ),
    (
        lambda x, w, b: _chain(x, w, b, lambda w, a, z: w * sigmoid_derivative(a)),
        "take σ' at the layer's net input z_l = w_l a_(l-1) + b_l, not at its input a_(l-1).",
    ),
    (
        lambda x, w, b: _chain(x, w, b, lambda w, a, z: w * z * (1 - z)),
        "z(1 - z) is the sigmoid's slope only when z is already a sigmoid's *output*; "
        "at the net input use σ'(z) = σ(z)(1 - σ(z)).",
    ),
    (
        lambda x, w, b: _chain(x, w, b, feed=False),
        "feed each layer's output into the next: after the factor, set a = σ(z), so that "
        "the next layer's z uses it.",
    ),
    (
        lambda x, w, b: _chain(x, w, b, lambda w, a, z: np.abs(w) / 4 + 0 * z),
        "that is the bound Π |w_l| / 4, the largest the derivative can be; compute the "
        "derivative itself, with σ'(z_l) at each layer's net input.",
    ),
    (
        lambda x, w, b: _chain(x, w, b, lambda w, a, z: np.abs(w) * sigmoid_derivative(z)),
        "keep the sign of w_l: the factor is w_l σ'(z_l); the |w_l| belongs only in the bound "
        "Π |w_l| / 4, and a negative weight makes the derivative change sign.",
    ),
    (
        lambda x, w, b: _chain(x, w, b, lambda w, a, z: w * sigmoid_derivative(sigmoid(z))),
        "σ'(z) takes the net input z = w_l a_(l-1) + b_l, not the output a_l = σ(z): "
        "`sigmoid_derivative(z)`, not `sigmoid_derivative(sigmoid(z))`.",
    ),
    (
        lambda x, w, b: _chain(x, w, b, combine=np.add),
        "the chain rule *multiplies* the layers' factors; it does not add them.",
    ),
    (
        lambda x, w, b: _chain(x, w[:-1], b[:-1]),
        "one factor is missing: a chain of L layers has L factors w_l σ'(z_l).",
    ),
]


ex9_1 = function_exercise(
    "9.1",
    "the derivative of a chain of sigmoid neurons",
    reference=_chain,
    cases=[
        (_X_GRID.copy(), [1.0, 1.0, 1.0], [0.0, 0.0, 0.0]),  # the lesson's chain, 3 layers
        (_X_GRID.copy(), [2.0, -1.5, 0.5, 3.0], [0.5, -1.0, 0.0, 0.25]),
        (np.array([-500.0, -30.0, 0.0, 30.0, 500.0]), [1.0, 4.0], [0.0, -2.0]),  # extremes
        (np.array([[0.0, 1.0, -1.0], [3.0, -3.0, 0.25]]), [1.0] * 10, [0.0] * 10),  # 2-D, 10 layers
        (_rng.normal(size=7).astype(np.float32), [0.8, -2.0, 1.2], [0.1, 0.3, -0.4]),  # float32
        (np.array([0.0, 2.0]), [5.0], [1.0]),  # a single layer
    ],
    mistakes=_CHAIN_MISTAKES,
    hints=[
        "Follow x through the chain, one neuron at a time. What does each neuron multiply the "
        "derivative by, and what does it pass on to the next neuron?",
        "σ'(z) = σ(z)(1 - σ(z)); `sigmoid_derivative` from neuronlab.activations computes it. Start "
        "the running derivative at np.ones_like(x).",
    ],
)


# ---------------------------------------------------------------------------------------------
# 9.2 and 9.3 Initialisers: shapes, the generator, and the variance of a large sample
# ---------------------------------------------------------------------------------------------

# The large sample: 800 x 500 = 400 000 weights. The sample variance s² of n draws has a
# standard deviation of σ² √((κ - 1) / n), with kurtosis κ = 1.8 for a uniform and 3 for a
# normal distribution: 0.14% and 0.22% of σ² here. A 3% tolerance is over 13 standard
# deviations (a correct answer never fails), and the known mistakes are off by 19% or more.
BIG_IN, BIG_OUT = 800, 500
VARIANCE_TOLERANCE = 0.03


def _weights(answer, fan_in, fan_out, seed):
    """Call an initialiser and return its weights as a float array, or explain what's wrong."""
    result = call(answer, fan_in, fan_out, np.random.default_rng(seed))
    given = f"fan_in = {fan_in}, fan_out = {fan_out}"
    try:
        W = expect_shape(result, (fan_in, fan_out), given, name="weights").astype(float)
    except WrongShape as error:
        swapped = np.shape(result) == (fan_out, fan_in)
        raise Incorrect(
            f"{error} Rows and columns are swapped: one row per input, as in z = a @ W, so the "
            "shape is (fan_in, fan_out)."
            if swapped
            else str(error)
        ) from None
    if not np.all(np.isfinite(W)):
        raise Incorrect(f"For {given} some weights are not finite numbers (inf or NaN).")
    return W


def _test_initialiser(answer, name, variance, extra_test, mistakes):
    """Custom (the answer is random), shared by 9.2 and 9.3: shape, the seed, mean 0, the
    variance formula.
    """
    _weights(answer, 3, 5, seed=0)
    first, again = _weights(answer, 4, 6, seed=7), _weights(answer, 4, 6, seed=7)
    if not np.array_equal(first, again):
        raise Incorrect(
            "Two calls with generators made from the same seed gave different weights: draw "
            "from the generator `rng` you are given (rng.uniform(...) or rng.normal(...)), not "
            "from np.random, so that a seed fixes the start."
        )
    if np.all(first == first.flat[0]):
        raise Incorrect(
            "Every weight is the same number: the units of a layer would compute the same thing "
            "and get the same updates for ever. Draw random weights."
        )
    if np.array_equal(first, _weights(answer, 4, 6, seed=8)):
        raise Incorrect(
            "Generators with different seeds gave the same weights: draw them from `rng`."
        )
    W = _weights(answer, BIG_IN, BIG_OUT, seed=0)
    given = f"fan_in = {BIG_IN}, fan_out = {BIG_OUT}"
    mean, sample_variance = float(W.mean()), float(W.var())
    if abs(mean) > 6 * np.sqrt(variance / W.size):  # the mean of n draws has sd σ / √n
        raise Incorrect(
            f"For {given} the weights' mean is {mean:.3g}, but it should be 0 (up to chance, "
            f"{np.sqrt(variance / W.size):.1g}): draw from a distribution centred on 0."
        )
    ratio = sample_variance / variance
    if abs(ratio - 1) > VARIANCE_TOLERANCE:
        wrong = [(lambda r=r: r, message) for r, message in mistakes]  # r: the mistake's ratio
        hint = diagnose(ratio, (), wrong, rtol=VARIANCE_TOLERANCE)
        raise Incorrect(
            f"For {given} the {W.size} weights have variance {sample_variance:.4g}, but "
            f"{name} weights should have variance {variance:.4g} (±{VARIANCE_TOLERANCE:.0%} "
            f"for a sample this large).{hint}"
        )
    extra_test(W, given)


_XAVIER_VARIANCE = 2.0 / (BIG_IN + BIG_OUT)
_XAVIER_LIMIT = np.sqrt(6.0 / (BIG_IN + BIG_OUT))
# (variance of the mistake / the right variance, what to say), for the large sample
_XAVIER_MISTAKES = [
    (
        1 / 3,
        "the variance is a third of the target: √(2 / (fan_in + fan_out)) is the standard "
        "deviation, not the limit. A uniform distribution on (-r, r) has variance r² / 3, so "
        "r = √(6 / (fan_in + fan_out)).",
    ),
    (
        (BIG_IN + BIG_OUT) / BIG_IN,
        "that variance is 2 / fan_in: Xavier averages both sides, 2 / (fan_in + fan_out).",
    ),
    (
        (BIG_IN + BIG_OUT) / BIG_OUT,
        "that variance is 2 / fan_out: Xavier averages both sides, 2 / (fan_in + fan_out).",
    ),
    (
        (BIG_IN + BIG_OUT) / (2 * BIG_IN),
        "that variance is 1 / fan_in (LeCun's); Xavier's is 2 / (fan_in + fan_out).",
    ),
    (
        6 / (BIG_IN + BIG_OUT),
        "the square root is missing: the limit is r = √(6 / (fan_in + fan_out)).",
    ),
    (
        2 / (BIG_IN + BIG_OUT),
        "2 / (fan_in + fan_out) is the *variance*; the standard deviation is its square root "
        "(and the uniform's limit is √(6 / (fan_in + fan_out))).",
    ),
    (
        2 / (3 * (BIG_IN + BIG_OUT)),
        "2 / (fan_in + fan_out) is the *variance*, not a limit: r = √(6 / (fan_in + fan_out)).",
    ),
]


def _xavier_shape(W, given):
    largest = float(np.abs(W).max())
    if largest > _XAVIER_LIMIT * (1 + 1e-12):
        raise Incorrect(
            f"For {given} the variance is right, but some weights reach {largest:.4g}, beyond "
            f"the limit r = √(6 / (fan_in + fan_out)) = {_XAVIER_LIMIT:.4g}: that is Glorot's "
            "*normal* version. Here draw uniformly from (-r, r) with rng.uniform."
        )
    if largest < 0.99 * _XAVIER_LIMIT:  # 400 000 uniform draws come within 0.001% of r
        raise Incorrect(
            f"For {given} no weight comes near the limit r = {_XAVIER_LIMIT:.4g} (the largest "
            f"is {largest:.4g}): draw uniformly from the whole interval (-r, r)."
        )


ex9_2 = Exercise(
    "9.2",
    "Xavier (Glorot) uniform weights",
    partial(
        _test_initialiser,
        name="xavier_uniform",
        variance=_XAVIER_VARIANCE,
        extra_test=_xavier_shape,
        mistakes=_XAVIER_MISTAKES,
    ),
    hints=[
        "The target variance is 2 / (fan_in + fan_out). A uniform distribution on (-r, r) has "
        "variance r² / 3: solve for r.",
        "Once you have r, draw from the generator you are given: rng.uniform(low, high, size=...) "
        "with one row per input.",
    ],
)


_HE_VARIANCE = 2.0 / BIG_IN
_HE_MISTAKES = [
    (
        BIG_IN / (BIG_IN + BIG_OUT),
        "that is Xavier's variance, 2 / (fan_in + fan_out), made for tanh. ReLU zeroes half "
        "of its inputs, so He doubles the variance a layer needs: 2 / fan_in.",
    ),
    (
        2 / BIG_IN,
        "2 / fan_in is the *variance*; the standard deviation is its square root, √(2 / fan_in).",
    ),
    (
        0.5,
        "the factor 2 is missing: 1 / fan_in is LeCun's variance. ReLU halves the signal's "
        "variance, and He's 2 / fan_in makes up for it.",
    ),
    (
        BIG_IN / BIG_OUT,
        "that variance is 2 / fan_out: He's forward rule divides by fan_in, the number of "
        "inputs each unit sums.",
    ),
]

# For a normal distribution 4.55% of the draws lie beyond 2 standard deviations (a uniform one
# with the same variance has none beyond 1.73). Over 400 000 draws that fraction has a
# standard deviation of 0.033%, so [4%, 5.1%] is more than 15 standard deviations wide.
_TAIL_RANGE = (0.040, 0.051)


def _he_shape(W, given):
    tail = float(np.mean(np.abs(W) > 2 * np.sqrt(_HE_VARIANCE)))
    if not _TAIL_RANGE[0] <= tail <= _TAIL_RANGE[1]:
        looks = " they look uniform;" if tail < 0.01 else ""
        raise Incorrect(
            f"For {given} the variance is right, but {tail:.2%} of the weights lie beyond two "
            f"standard deviations, where a normal distribution has 4.55%:{looks} draw them "
            "with rng.normal(0, std, size=...)."
        )


ex9_3 = Exercise(
    "9.3",
    "He (Kaiming) normal weights",
    partial(
        _test_initialiser,
        name="he_normal",
        variance=_HE_VARIANCE,
        extra_test=_he_shape,
        mistakes=_HE_MISTAKES,
    ),
    hints=[
        "He's weights are normal with mean 0 and variance 2 / fan_in.",
        "rng.normal(mean, scale, size=...) takes the standard deviation as its scale, not the "
        "variance; one row per input.",
    ],
)


# ---------------------------------------------------------------------------------------------
# 9.4 The fraction of dead ReLU units
# ---------------------------------------------------------------------------------------------

_rng = seeded("9.4")


def _dead_fraction(Z):
    return float(np.mean(np.all(np.asarray(Z) <= 0, axis=0)))


# Six units (columns) over three samples (rows): unit 0 dead (z < 0 throughout), unit 1 alive,
# unit 2 dead (z = 0 throughout: relu gives 0 and relu' is taken as 0), unit 3 always active,
# unit 4 alive (0 on two samples, 3 on one), unit 5 dead. Each known mistake gives another value.
_Z_SMALL = np.array(
    [
        [-1.0, 2.0, 0.0, 3.0, 0.0, -3.0],
        [-2.0, 1.0, 0.0, 4.0, 3.0, -0.1],
        [-0.5, -1.0, 0.0, 5.0, 0.0, -2.0],
    ]
)
_Z_RANDOM = _rng.normal(size=(40, 10)) + np.array([-9, -1, 0, 1, -9, 2, -9, -9, 0.5, -0.2])
_DEAD_CASES = [
    _Z_SMALL,
    _Z_RANDOM,
    np.array([[-1.0, 0.0, 2.0]]),  # a single sample
    np.abs(_Z_RANDOM[:5]) + 0.1,  # nobody dead
    # alive units with small net inputs, all in (0, 1]: relu passes them, relu' = 1 there
    np.array(
        [
            [0.5, 1.0, -1.0, 0.01, 1e-3, 1e-300],
            [0.2, 0.9, -2.0, 0.001, 1e-4, 1e-320],
            [1.0, 0.3, 0.0, 0.05, 1e-6, 5e-324],
        ]
    ),
    -np.abs(_Z_RANDOM[:, :3]),  # everybody dead
    _Z_SMALL.astype(np.float32),
]
_SMALL_IS_ALIVE = (
    "a unit whose net inputs are small but positive (0 < z <= 1) is alive: relu passes "
    "them on and its slope there is 1, so it learns. Dead means z <= 0 on every sample: "
    "compare with 0, not with another threshold."
)
_DEAD_MISTAKES = [
    *[  # a threshold other than 0
        (lambda z, t=t: float(np.mean(np.all(z <= t, axis=0))), _SMALL_IS_ALIVE)
        for t in (1.0, 0.1, 1e-3, 1e-9)
    ],
    (lambda Z: float(np.mean(np.all(Z < 1, axis=0))), _SMALL_IS_ALIVE),
    (
        lambda Z: float(np.mean(np.any(Z <= 0, axis=0))),
        "a unit is dead only if it is silent on *every* sample (np.all); one that outputs 0 "
        "on some samples still learns from the others.",
    ),
    (
        lambda Z: float(np.mean(np.all(Z < 0, axis=0))),
        "count z = 0 as silent too: relu(0) = 0 and its derivative there is taken as 0, so a "
        "unit whose net input is always 0 gets no gradient either (use z <= 0).",
    ),
    (
        lambda Z: float(np.mean(np.all(Z <= 0, axis=1))),
        "that is per sample (axis=1); units are the columns, so take np.all over the "
        "samples, axis=0.",
    ),
    (
        lambda Z: float(np.mean(Z <= 0)),
        "that is the fraction of silent *entries*; a unit is dead when its whole column is "
        "<= 0. First np.all(..., axis=0), then the mean over units.",
    ),
    (
        lambda Z: float(np.sum(np.all(Z <= 0, axis=0))),
        "that is the number of dead units; divide by the number of units for the fraction.",
    ),
    (
        lambda Z: float(np.mean(np.all(Z > 0, axis=0))),
        "that is the fraction of units that fire on every sample; dead ones never fire "
        "(z <= 0 on every sample).",
    ),
]


ex9_4 = function_exercise(
    "9.4",
    "the fraction of dead ReLU units",
    reference=_dead_fraction,
    cases=[(Z,) for Z in _DEAD_CASES],
    mistakes=_DEAD_MISTAKES,
    given=lambda args: f"Z = {describe(args[0], most=24)} (rows: samples, columns: units)",
    hints=[
        "Z has one row per sample and one column per unit. A unit is dead when z <= 0 in every "
        "row of its column.",
        "np.all(condition, axis=0) gives one True/False per column (unit); the mean of "
        "True/False values is the fraction of Trues.",
    ],
)


# ---------------------------------------------------------------------------------------------
# 9.5 Per-layer gradient norms of a tanh network, by backpropagation
# ---------------------------------------------------------------------------------------------


def _right_push(delta, W, a, a_next):
    """BP2 through a tanh layer: δ @ Wᵀ times tanh'(z) = 1 - a², a the layer's output."""
    return (delta @ W.T) * (1.0 - a**2)


def _gradient_norms(
    activations, weights, delta_out, push=_right_push, norm=np.linalg.norm, of=None, reverse=True
):
    """The norm of each layer's weight gradient aᵀ δ (BP4), δ pushed back by BP2, first layer
    first. With the keywords, the mistakes learners make: another ``push``, ``norm``, the norm
    ``of(a, δ)`` something else, the list left reversed.
    """
    norms = []
    delta = np.asarray(delta_out, dtype=float)
    for layer in reversed(range(len(weights))):
        gradient = activations[layer].T @ delta if of is None else of(activations[layer], delta)
        norms.append(float(norm(gradient)))
        if layer > 0:
            delta = push(delta, weights[layer], activations[layer], activations[layer + 1])
    return norms[::-1] if reverse else norms


_NORM_MISTAKES = [
    (
        lambda a, W, d: [float(np.linalg.norm(x.T @ d)) for x in a[:-1]],
        "δ changes from layer to layer: push it back through each layer (BP2) before you take "
        "the next layer's weight gradient.",
    ),
    (
        lambda a, W, d: _gradient_norms(a, W, d)[1:],
        "the first layer is missing: return one norm per layer of weights, len(weights) in "
        "all, including activations[0].T @ delta for the first.",
    ),
    (
        lambda a, W, d: _gradient_norms(a, W, d, reverse=False),
        "the norms are in reverse order: list them from the first layer (next to the input) to "
        "the last.",
    ),
    (
        lambda a, W, d: _gradient_norms(a, W, d, lambda d, W, a, a1: d @ W.T),
        "BP2 multiplies by f'(z) after pushing δ back through the weights: "
        "δ = (δ @ Wᵀ) * (1 - a²).",
    ),
    (
        lambda a, W, d: _gradient_norms(
            a, W, d, lambda d, W, a, a1: (d @ W.T) * (1 - np.tanh(a) ** 2)
        ),
        "a is already tanh(z), so f'(z) = 1 - tanh(z)² = 1 - a²; don't apply tanh again.",
    ),
    (
        lambda a, W, d: _gradient_norms(a, W, d, lambda d, W, a, a1: (d @ W.T) * (1 - a1**2)),
        "use the derivative of the layer δ moves *into*: the one whose output is "
        "activations[layer], the current layer's input.",
    ),
    (
        lambda a, W, d: _gradient_norms(a, W, d, lambda d, W, a, a1: (d @ W) * (1 - a**2)),
        "δ goes back through the transpose: δ @ Wᵀ (W.T), not δ @ W.",
    ),
    (
        lambda a, W, d: _gradient_norms(a, W, d, of=lambda a, delta: delta),
        "that is the norm of the error δ; the weight gradient is a^(l-1)ᵀ δ^l (BP4): "
        "activations[layer].T @ delta.",
    ),
    (
        lambda a, W, d: _gradient_norms(a, W, d, norm=lambda g: np.linalg.norm(g, 2)),
        "np.linalg.norm(g, 2) of a matrix is its largest singular value; the gradient norm is "
        "the Frobenius norm, np.linalg.norm(g) (the square root of the sum of squares).",
    ),
    (
        lambda a, W, d: _gradient_norms(a, W, d, norm=lambda g: np.sum(g**2)),
        "that is the squared norm: take the square root of the sum of squares.",
    ),
    (
        lambda a, W, d: _gradient_norms(a, W, d, norm=lambda g: np.sum(np.abs(g))),
        "the gradient norm is the Frobenius norm, √(Σ g²), not the sum of |g|.",
    ),
]


def _tanh_network(sizes, n_samples, seed, scale=1.0) -> tuple[Any, ...]:
    """A tanh network's forward pass and an output error: (activations, weights, delta_out)."""
    rng = np.random.default_rng(seed)
    weights = [
        rng.normal(0.0, scale / np.sqrt(n_in), size=(n_in, n_out))
        for n_in, n_out in itertools.pairwise(sizes)
    ]
    activations = [rng.normal(size=(n_samples, sizes[0]))]
    for W in weights[:-1]:
        activations.append(np.tanh(activations[-1] @ W))
    activations.append(activations[-1] @ weights[-1])  # a linear output layer
    delta_out = rng.normal(size=(n_samples, sizes[-1])) / n_samples
    return (activations, weights, delta_out)


_NETWORKS = [  # (layer sizes, samples, seed, weight scale): square layers first
    ([4, 4, 4, 4], 6, 1, 1.0),
    ([3, 5, 6, 2], 8, 2, 1.5),
    ([2, 1], 5, 3, 1.0),  # one layer: no BP2 at all
    ([8] * 11 + [1], 16, 4, 3.0),  # deep and saturated: the norms fall towards the input
]


_NORM_CASES = [_tanh_network(*network) for network in _NETWORKS]


def _network_text(args: tuple[Any, ...]) -> str:
    sizes, n_samples, _, scale = _NETWORKS[next(i for i, c in enumerate(_NORM_CASES) if c is args)]
    return (
        f"a tanh network with layer sizes {sizes} and {n_samples} samples "
        f"(weights of std {scale:g} / √fan_in)"
    )


ex9_5 = function_exercise(
    "9.5",
    "per-layer gradient norms by backpropagation",
    reference=lambda activations, weights, delta_out: np.array(
        _gradient_norms(activations, weights, delta_out)
    ),
    cases=_NORM_CASES,
    mistakes=_NORM_MISTAKES,
    given=_network_text,
    hints=[
        "Walk from the last layer to the first. At each layer the weight gradient is "
        "activations[layer].T @ delta (BP4); record its norm.",
        "Then push the error one layer down (BP2): through the transpose of the layer's weights, "
        "then times tanh'(z) of the layer below, which is 1 - a² with a = activations[layer].",
        "np.linalg.norm(matrix) is the Frobenius norm. Reverse your list at the end so that it "
        "starts with the first layer.",
    ],
)


# ---------------------------------------------------------------------------------------------
# 9.7 Transfer: the chain derivative through tanh layers
# ---------------------------------------------------------------------------------------------

_rng = seeded("9.7")


def _tanh_slope(w, a, z):
    return w * (1.0 - np.tanh(z) ** 2)


ex9_7 = function_exercise(
    "9.7",
    "transfer: the derivative through tanh layers",
    reference=partial(_chain, factor=_tanh_slope, activation=np.tanh),
    cases=[
        (0.0, [1.0, 1.0], [0.0, 0.0]),
        (np.array([-1.0, 0.0, 0.5, 2.0]), [0.5, -1.5, 2.0], [0.1, 0.0, -0.3]),
        (
            _rng.normal(size=(2, 3)),
            list(_rng.normal(size=6)),
            list(_rng.normal(size=6)),
        ),
    ],
    mistakes=[
        (
            lambda x, W, B: _chain(x, W, B, activation=np.tanh),
            "that is the sigmoid's derivative; tanh's is 1 - tanh(z)², at most 1 (at z = 0).",
        ),
        (
            lambda x, W, B: _chain(x, W, B, lambda w, a, z: w * (1.0 - z**2), np.tanh),
            "1 - a² needs the layer's output a = tanh(z), not its net input z.",
        ),
        (
            lambda x, W, B: np.prod(
                [
                    w * (1.0 - np.tanh(w * np.asarray(x) + b) ** 2)
                    for w, b in zip(W, B, strict=True)
                ],
                axis=0,
            ),
            "each layer's net input depends on the previous layer's output: carry a forward.",
        ),
    ],
    hints=[
        "The same walk as exercise 9.1, with tanh in place of the sigmoid.",
        "Each layer multiplies the running derivative by w · tanh'(z) with z = w a + b, and "
        "tanh'(z) = 1 - tanh(z)²; then a becomes tanh(z).",
    ],
)


# Predict, then run. The lesson prints the chain with w = 1 (3.875e-07) and a chain with w = 8
# whose biases are tuned (1024); this one has w = 8 and no biases, which the lesson does not run.
ex9_6 = predict_question(
    "9.6",
    "predict: ten sigmoid layers with large weights",
    answer="below 1e-6",
    choices=("above 1000", "about 1", "about 1e-3", "below 1e-6"),
    explanation="only the first neuron sits on its steepest point (z = 0, factor 8 × 0.25 = 2). "
    "Its output 0.5 gives the second neuron z = 4, and from the third on z is close to 8, deep in "
    "the flat tail, where each factor 8 σ'(8) is about 0.0027. Ten layers end near 8.9e-22, far "
    "below the 3.9e-7 of weight 1: without biases that put every z back near 0, large weights "
    "saturate the chain instead of making its gradient explode.",
    hints=[
        "Follow x = 0 through the first three neurons: what is each one's net input z = 8 a?",
        "The lesson's table of |w σ'(w · 1)| gives the factor of a neuron whose input is about 1.",
    ],
)
