"""Wrong answers that the checks of lesson 00 must reject, each with the message a learner sees."""

from __future__ import annotations

# exercise id -> [(wrong answer, a piece of the message the learner must see)]
WRONG_ANSWERS = {
    "0.1": [
        (lambda x: 2 * x, "that is x times 2"),
        (lambda x: abs(x), "absolute value"),
        (lambda x: x**3, "For x = 3 expected 9, but got 27"),
        (lambda x: None, "returned None"),
    ],
}
