"""The outcome of an exercise's check: one set of words, shared by the checks and the report.

``CORRECT``, ``NOT_YET`` and ``NOT_ATTEMPTED`` come from running a check; ``NOT_RUN`` is what
``python -m neuronlab check`` reports for a check cell that never ran, and ``BROWSER_ONLY`` why
it cannot run at all in the in-browser edition.
"""

CORRECT = "correct"
NOT_YET = "not yet"
NOT_ATTEMPTED = "not attempted"
NOT_RUN = "not run"

BROWSER_ONLY = (
    "this command starts Jupyter kernels, which the in-browser edition of the course "
    "(JupyterLite) cannot do. Run the check cells in the notebook instead "
    "(exercises.exN_M.check(...)): they work in the browser."
)
