"""The data sets: shapes, labels, seeding, the digits split."""

from __future__ import annotations

import numpy as np
import pytest

from neuronlab import datasets as ds

CLOUDS = {
    "moons": lambda seed: ds.moons(100, noise=0.1, seed=seed),
    "circles": lambda seed: ds.circles(100, noise=0.05, factor=0.5, seed=seed),
    "spirals": lambda seed: ds.spirals(100, noise=0.05, seed=seed, n_turns=1.5),
}


@pytest.mark.parametrize("name", CLOUDS)
def test_clouds_have_two_balanced_classes_in_the_plane(name):
    X, y = CLOUDS[name](0)
    assert X.shape == (100, 2)
    assert y.shape == (100,)
    assert X.dtype == np.float64
    assert y.dtype == np.float64
    assert set(np.unique(y)) == {0.0, 1.0}
    assert np.sum(y == 1) == 50


@pytest.mark.parametrize("name", CLOUDS)
def test_clouds_are_seeded(name):
    X0, y0 = CLOUDS[name](0)
    X0_again, y0_again = CLOUDS[name](0)
    X1, _ = CLOUDS[name](1)
    np.testing.assert_array_equal(X0, X0_again)
    np.testing.assert_array_equal(y0, y0_again)
    assert not np.allclose(X0, X1)


def test_spirals_without_noise_lie_on_their_spirals():
    X, y = ds.spirals(40, noise=0.0, seed=0, n_turns=1.0)
    r = np.hypot(X[:, 0], X[:, 1])
    assert r.min() == pytest.approx(0.1)
    assert r.max() == pytest.approx(1.0)
    # angle = 2π · turns · r + π · label: undo it and every point sits at angle 0
    angle = np.arctan2(X[:, 1], X[:, 0]) - 2 * np.pi * r - np.pi * y
    np.testing.assert_allclose(np.cos(angle), 1.0, atol=1e-12)


def test_circles_radii_follow_factor_without_noise():
    X, y = ds.circles(60, noise=0.0, factor=0.3, seed=0)
    r = np.hypot(X[:, 0], X[:, 1])
    np.testing.assert_allclose(r[y == 1], 0.3)
    np.testing.assert_allclose(r[y == 0], 1.0)


def test_digits_split_is_stratified_scaled_and_fixed():
    X_train, X_test, y_train, y_test = ds.digits()
    assert X_train.shape == (1347, 64)
    assert X_test.shape == (450, 64)
    assert y_train.shape == (1347,)
    assert y_test.shape == (450,)
    assert X_train.dtype == np.float64
    assert y_train.dtype == np.int64
    assert X_train.min() == 0.0
    assert X_train.max() == 1.0
    # stratified: each digit's share of the test set is within one image of its overall share
    counts_all = np.bincount(np.concatenate([y_train, y_test]), minlength=10)
    assert np.all(np.abs(np.bincount(y_test, minlength=10) - counts_all * 0.25) <= 1)
    again = ds.digits()
    np.testing.assert_array_equal(again[0], X_train)
    np.testing.assert_array_equal(again[3], y_test)
    other = ds.digits(seed=1)
    assert not np.array_equal(other[3], y_test)
    small = ds.digits(test_size=0.5)
    assert len(small[1]) == 899


def test_bad_arguments_are_explained():
    with pytest.raises(ValueError, match="n_samples"):
        ds.moons(1)
    with pytest.raises(ValueError, match="noise must be >= 0"):
        ds.spirals(10, noise=-0.1)
    with pytest.raises(ValueError, match="factor"):
        ds.circles(10, factor=1.5)
    with pytest.raises(ValueError, match="n_turns"):
        ds.spirals(10, n_turns=0)
    with pytest.raises(ValueError, match="test_size"):
        ds.digits(test_size=1.0)
    with pytest.raises(TypeError, match="noise"):
        ds.moons(10, noise="a lot")
