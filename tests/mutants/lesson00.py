"""Wrong answers that the checks of lesson 00 must reject, each with the message a learner sees."""

from __future__ import annotations

# 0.1


def square_as_twice_x(x):
    return 2 * x


def square_as_absolute_value(x):
    return abs(x)


def square_as_cube(x):
    return x**3


def square_without_return(x):
    return None


# exercise id -> [(wrong answer, a piece of the message the learner must see)]
WRONG_ANSWERS = {
    "0.1": [
        (square_as_twice_x, "that is x times 2"),
        (square_as_absolute_value, "absolute value"),
        (square_as_cube, "For x = 3 expected 9, but got 27"),
        (square_without_return, "returned None"),
    ],
}
