"""Kernels for the course's notebook tools: this Python's own ipykernel, quietly.

``check``, ``progress``, ``execute``, ``bench`` and the tests run notebooks through
:func:`notebook_client`, never through a kernel found by name.
"""

from __future__ import annotations

import functools
import queue
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import nbformat

if TYPE_CHECKING:
    from nbclient import NotebookClient


def notebook_client(
    notebook: nbformat.NotebookNode, cwd: Path | str, timeout: int, **options: Any
) -> NotebookClient:
    """A client that runs ``notebook`` in a fresh kernel of *this* Python, started in ``cwd``.

    The kernel is this interpreter's ipykernel whatever kernelspecs are installed (a ``python3``
    kernel left in the user's Jupyter folders by ``ipykernel install --user`` may belong to
    another Python), as nbval's ``--nbval-current-env`` does. Its connection is encrypted, so
    the kernel does not warn in the learner's terminal about plain-text TCP (where pyzmq lacks
    encryption, the kernel's log is limited to errors instead). ``options`` go to
    ``nbclient.NotebookClient`` (``allow_errors``, ``record_timing``...).
    """
    import zmq
    from nbclient import NotebookClient

    quiet = [] if zmq.has("curve") else ["--IPKernelApp.log_level=ERROR"]
    # Once the last cell has run, the outputs are in hand: stop the kernel at once. A graceful
    # shutdown sometimes waited about 3 s for the kernel to exit, longer than the notebook ran.
    options.setdefault("shutdown_kernel", "immediate")
    return NotebookClient(
        notebook,
        timeout=timeout,
        kernel_name="python3",
        kernel_manager_class=this_python_kernel_manager(),
        extra_arguments=quiet,
        resources={"metadata": {"path": str(cwd)}},
        **options,
    )


@functools.cache
def this_python_kernel_manager() -> type:
    """A kernel manager class that starts this Python's ipykernel, whatever a kernel is called,
    over a CurveZMQ-encrypted connection when pyzmq has CurveZMQ. (Imported here, not at the top:
    the browser-only edition, Pyodide, has no kernels and no zmq.)
    """
    import ipykernel.kernelspec
    import zmq
    from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
    from jupyter_client.manager import AsyncKernelManager

    class ThisPythonOnly(KernelSpecManager):
        """Kernel specs in which every name means this interpreter's own ipykernel."""

        def get_kernel_spec(self, kernel_name: str) -> KernelSpec:
            """This Python's kernel spec, whatever ``kernel_name`` asks for."""
            return self.kernel_spec_class(
                resource_dir=ipykernel.kernelspec.RESOURCES,
                **ipykernel.kernelspec.get_kernel_dict(),
            )

    class ThisPythonKernel(AsyncKernelManager):
        """Starts this Python's ipykernel, encrypted when pyzmq can."""

        def __init__(self, **kwargs: Any) -> None:
            kwargs.setdefault("kernel_spec_manager", ThisPythonOnly())
            kwargs.setdefault("client_factory", sliced_poll_client())
            if zmq.has("curve"):
                kwargs.setdefault("transport_encryption", "auto")
            super().__init__(**kwargs)

    return ThisPythonKernel


POLL_SLICE_S = 0.25  # how long one look for a kernel's message lasts before looking again


@functools.cache
def sliced_poll_client() -> type:
    """A kernel client whose channels wait for a message in slices of ``POLL_SLICE_S`` seconds.

    Waiting in one long poll, as jupyter_client does, sometimes missed the wake-up of a reply
    that had already arrived: after lesson 07's widget cell the reply sat unread until the whole
    cell timeout (60 s) ran out, although the kernel had finished in milliseconds. Looking again
    every quarter second bounds that delay; a message that is waiting is always found.
    """
    from jupyter_client.asynchronous import AsyncKernelClient
    from jupyter_client.channels import AsyncZMQSocketChannel
    from traitlets import Type

    class SlicedPollChannel(AsyncZMQSocketChannel):
        """A channel whose ``get_msg`` polls in short slices until ``timeout`` (or forever)."""

        async def get_msg(self, timeout: float | None = None) -> dict[str, Any]:
            """The next message; ``queue.Empty`` when none comes within ``timeout`` seconds."""
            deadline = None if timeout is None else time.monotonic() + timeout
            while True:
                left = POLL_SLICE_S if deadline is None else deadline - time.monotonic()
                wait_s = min(POLL_SLICE_S, max(0.0, left))
                if await self.socket.poll(int(wait_s * 1000)):
                    return await self._recv()
                if deadline is not None and time.monotonic() >= deadline:
                    raise queue.Empty

    class SlicedPollClient(AsyncKernelClient):
        """An asynchronous kernel client with sliced polling on every message channel."""

        shell_channel_class = Type(SlicedPollChannel)
        iopub_channel_class = Type(SlicedPollChannel)
        stdin_channel_class = Type(SlicedPollChannel)
        control_channel_class = Type(SlicedPollChannel)

    return SlicedPollClient
