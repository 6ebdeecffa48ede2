"""The outcome of an exercise's check: one set of words, shared by the checks and the report.

``CORRECT``, ``INCORRECT`` and ``NOT_ATTEMPTED`` come from running a check; ``NOT_RUN`` is what
``python -m neuronlab check`` reports for a check cell that never ran.
"""

CORRECT = "correct"
INCORRECT = "incorrect"
NOT_ATTEMPTED = "not attempted"
NOT_RUN = "not run"
