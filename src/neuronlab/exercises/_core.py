"""The older name of :mod:`neuronlab.exercises.checks`, kept so that ``from
neuronlab.exercises._core import function_exercise, Exercise`` keeps working: it re-exports the
framework's public names.
"""

from neuronlab.exercises.checks import *  # noqa: F403
