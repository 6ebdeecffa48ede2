"""Wrong answers that the checks of lesson 00 must reject, each with the message a learner sees."""

from __future__ import annotations

import numpy as np


def square_keeping_the_sign(x):
    return x * abs(x)


def square_of_each_entry_in_a_list(x):
    return np.array([v**2 for v in x])  # works for an array only, not for one number


def square_with_a_caret(x):
    return x ^ 2  # ^ is a power in some languages, not in Python


# exercise id -> [(wrong answer, a piece of the message the learner must see)]
WRONG_ANSWERS = {
    "0.1": [
        (lambda x: 2 * x, "that is x times 2"),
        (lambda x: abs(x), "absolute value"),
        (lambda x: x**3, "For x = 3 expected 9, but got 27"),
        (lambda x: None, "returned None"),
        (square_keeping_the_sign, "keeps the sign of x"),
        (square_of_each_entry_in_a_list, "'float' object is not iterable"),
        (square_with_a_caret, "^ is not a power in Python"),
    ],
}
