"""Lesson 00, start here: a warm-up that shows how checks answer back."""

from __future__ import annotations

import numpy as np

from neuronlab.exercises.checks import function_exercise

ex0_1 = function_exercise(
    "0.1",
    "square a number or an array",
    reference=lambda x: np.asarray(x, dtype=float) ** 2,
    cases=[
        (3.0,),
        (-2.0,),
        (0.0,),
        (np.array([-1.5, 0.0, 2.0, 10.0]),),
        (np.array([[1.0, -3.0], [0.5, -4.0]]),),
    ],
    mistakes=[
        (
            lambda x: 2 * np.asarray(x, dtype=float),
            "that is x times 2; squaring is x times x (x ** 2).",
        ),
        (
            lambda x: np.abs(np.asarray(x, dtype=float)),
            "that is the absolute value; square with x ** 2.",
        ),
        (
            lambda x: np.asarray(x, dtype=float) * np.abs(x),
            "x * |x| keeps the sign of x, so it is negative for a negative x; a square never is.",
        ),
    ],
    error_hints=[
        (
            "for ^",
            "^ is not a power in Python (it combines the bits of whole numbers); ** is.",
        )
    ],
    hints=[
        "A square is a number times itself, so it is never negative: (-2)² = 4.",
        "In Python, ** raises to a power: 5 ** 3 is 125. It works on numpy arrays too, element "
        "by element.",
    ],
)
