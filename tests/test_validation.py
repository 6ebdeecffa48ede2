"""The shared input checks: whole numbers and descriptions of values in messages."""

from __future__ import annotations

import numpy as np
import pytest

from neuronlab._validation import as_whole_number, describe
from neuronlab.datasets import separable_blobs
from neuronlab.neuron import train_perceptron


@pytest.mark.parametrize("value", [3, np.int64(3), np.int32(3), np.uint8(3)])
def test_whole_numbers_of_every_integer_type_are_accepted(value):
    number = as_whole_number(value, "n")
    assert number == 3
    assert type(number) is int


@pytest.mark.parametrize("value", [True, False, 3.0, "3", None, np.float64(3.0), 0, -2])
def test_booleans_floats_text_and_small_numbers_are_refused(value):
    with pytest.raises(ValueError, match=r"n must be a whole number >= 1, but got"):
        as_whole_number(value, "n")


def test_the_minimum_is_part_of_the_message():
    with pytest.raises(ValueError, match="depth must be a whole number >= 2, but got 1"):
        as_whole_number(1, "depth", minimum=2)
    assert as_whole_number(0, "index", minimum=0) == 0


def test_numpy_counts_reach_the_datasets_and_booleans_do_not_reach_the_perceptron():
    X, y = separable_blobs(np.int64(10))
    assert X.shape == (10, 2)
    with pytest.raises(ValueError, match="max_epochs must be a whole number"):
        train_perceptron(X, y, max_epochs=True)


def test_describe_gives_the_type_and_a_short_repr():
    assert describe("a") == "str 'a'"
    assert describe([1, 2]) == "list [1, 2]"
    long = describe("x" * 100)
    assert long.startswith("str 'xxx")
    assert long.endswith("...")
    assert len(long) < 70
