"""The older name of :mod:`neuronlab.exercises.checks`, kept so that ``from
neuronlab.exercises._core import function_exercise, Exercise`` keeps working.
"""

from neuronlab.exercises.checks import (  # noqa: F401
    CORRECT,
    INCORRECT,
    LOG_VARIABLE,
    NOT_ATTEMPTED,
    NOT_YET,
    CheckResult,
    Exercise,
    Incorrect,
    Mistakes,
    NotAttempted,
    call,
    compare_cases,
    copies,
    describe,
    diagnose,
    expect_array,
    function_exercise,
    hint_by_message,
    is_float32,
    require_callable,
)
