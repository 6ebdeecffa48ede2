"""Wrong answers that the checks of lesson 00 must reject, each with the message a learner sees."""

from __future__ import annotations

import numpy as np

# 0.1


def square_as_twice_x(x):
    return 2 * x


def square_as_absolute_value(x):
    return abs(x)


def square_as_cube(x):
    return x**3


def square_without_return(x):
    return None


def square_keeping_the_sign(x):
    return x * abs(x)


def square_of_each_entry_in_a_list(x):
    return np.array([v**2 for v in x])  # works for an array only, not for one number


def square_with_a_caret(x):
    return x ^ 2  # ^ is a power in some languages, not in Python


# exercise id -> [(wrong answer, a piece of the message the learner must see)]
WRONG_ANSWERS = {
    "0.1": [
        (square_as_twice_x, "that is x times 2"),
        (square_as_absolute_value, "absolute value"),
        (square_as_cube, "For x = 3 expected 9, but got 27"),
        (square_without_return, "returned None"),
        (square_keeping_the_sign, "keeps the sign of x"),
        (square_of_each_entry_in_a_list, "'float' object is not iterable"),
        (square_with_a_caret, "^ is not a power in Python"),
    ],
}
