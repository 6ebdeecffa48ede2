"""A tiny scalar autodiff engine: the ``Value`` class of lesson 05.

Every :class:`Value` holds one number (``data``) and, after :meth:`Value.backward`, the
derivative of the final output with respect to it (``grad``). Each arithmetic operation on
Values makes a new Value that remembers

* the Values it came from (``children``) and the operation's name (``op``), so the whole
  calculation forms a *computational graph*, and
* how to pass a gradient back to its children: its *local* derivatives, nothing more.

Backpropagation is then the chain rule, applied node by node from the output back to the inputs::

    ∂out/∂child = Σ over every use of child:  ∂out/∂node · ∂node/∂child
                                              (node.grad)   (local derivative)

For this to work, a node's ``grad`` must be complete before it is passed on, so
:meth:`Value.backward` visits the nodes in reverse *topological order* (every node after all the
nodes that use it). The sum is why gradients are *added* (``+=``): a Value used twice (a *fork*)
gets a contribution from each use.

Subtraction, division and unary minus are built from the other operations
(``a - b = a + (-b)``, ``a / b = a · b^(-1)``, ``-a = a · (-1)``), so they need no derivative of
their own. The design follows Andrej Karpathy's micrograd (``micrograd/engine.py``).

Example, the textbook circuit ``f = (x + y) · z``::

    >>> x, y, z = Value(-2.0, label="x"), Value(5.0, label="y"), Value(-4.0, label="z")
    >>> f = (x + y) * z
    >>> f.backward()
    >>> f, x.grad, y.grad, z.grad
    (Value(data=-12, grad=1), -4.0, -4.0, 3.0)
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable

from neuronlab._validation import describe

__all__ = ["Value", "trace"]


def _is_number(value: object) -> bool:
    """True for int, float and numpy real scalars; False for bool, complex, str, arrays, ..."""
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


class Value:
    """One scalar in a computational graph, with its gradient.

    Parameters
    ----------
    data:
        The number this node holds (stored as a float).
    children:
        The Values this one was computed from; empty for an input. Set by the operations.
    op:
        The operation's name (``"+"``, ``"*"``, ``"tanh"``, ...); empty for an input.
    label:
        A name for drawing the graph (``"x"``, ``"w1"``); optional.

    After ``out.backward()``, ``v.grad`` is ``∂out/∂v`` for every Value ``v`` in ``out``'s graph.
    """

    def __init__(
        self,
        data: float,
        children: tuple[Value, ...] = (),
        op: str = "",
        label: str = "",
    ) -> None:
        if not _is_number(data):
            hint = " (it is already a Value: use it directly)" if isinstance(data, Value) else ""
            raise TypeError(f"Value holds a real number, but got {describe(data)}{hint}.")
        self.data: float = float(data)
        self.grad: float = 0.0  # ∂output/∂self, filled in by backward()
        self.children: tuple[Value, ...] = tuple(children)
        self.op: str = op
        self.label: str = label
        # Passes this node's grad on to its children; set by the operation that made it.
        self._backward: Callable[[], None] = lambda: None

    def __repr__(self) -> str:
        # Rounded to 4 significant digits, so printed graphs look the same on every machine;
        # the full numbers are in .data and .grad.
        return f"Value(data={self.data:.4g}, grad={self.grad:.4g})"

    # -----------------------------------------------------------------------------------------
    # The operations. Each computes the forward value and defines _backward, which applies the
    # chain rule locally: child.grad += (local derivative) · out.grad.
    # -----------------------------------------------------------------------------------------

    @staticmethod
    def _wrap(other: object, symbol: str) -> Value:
        """``other`` as a Value: plain numbers become constant Values; anything else is refused."""
        if isinstance(other, Value):
            return other
        if _is_number(other):
            return Value(other)
        raise TypeError(
            f"'{symbol}' combines a Value with a number or another Value, "
            f"but got {describe(other)}."
        )

    def __add__(self, other: Value | float) -> Value:
        """``a + b``. Local derivatives: ``∂(a+b)/∂a = 1``, ``∂(a+b)/∂b = 1``.

        An add gate passes its gradient unchanged to both inputs.
        """
        other = self._wrap(other, "+")
        out = Value(self.data + other.data, (self, other), "+")

        def _backward() -> None:
            self.grad += 1.0 * out.grad
            other.grad += 1.0 * out.grad

        out._backward = _backward
        return out

    def __mul__(self, other: Value | float) -> Value:
        """``a · b``. Local derivatives: ``∂(ab)/∂a = b``, ``∂(ab)/∂b = a``.

        A multiply gate swaps its inputs: each gets the *other* one times the gradient.
        """
        other = self._wrap(other, "*")
        out = Value(self.data * other.data, (self, other), "*")

        def _backward() -> None:
            self.grad += other.data * out.grad
            other.grad += self.data * out.grad

        out._backward = _backward
        return out

    def __pow__(self, exponent: float) -> Value:
        """``a ** n`` for a constant number ``n``. Local derivative: ``n · a^(n-1)``.

        The exponent must be a plain number: for ``a ** b`` with a Value ``b``, write
        ``(b * a.log()).exp()``, which is the same for ``a > 0``.
        """
        if not _is_number(exponent):
            raise TypeError(
                f"'**' takes a constant exponent (an int or a float), but got {describe(exponent)}."
                " For a Value exponent b, write (b * a.log()).exp() instead of a ** b."
            )
        n = float(exponent)
        x = self.data
        if x == 0 and n < 0:
            raise ZeroDivisionError(f"0 ** {exponent:g} divides by zero (a Value with data 0).")
        if x < 0 and not n.is_integer():
            raise ValueError(
                f"({x:g}) ** {exponent:g} is not a real number: a negative base needs "
                "a whole-number exponent."
            )
        out = Value(x**n, (self,), f"**{exponent:g}")

        def _backward() -> None:
            if n == 0:
                local = 0.0  # a ** 0 = 1 is constant
            elif x == 0 and n < 1:
                local = math.inf  # the slope of a^n at 0 is infinite for 0 < n < 1 (e.g. √a)
            else:
                local = n * x ** (n - 1)
            self.grad += local * out.grad

        out._backward = _backward
        return out

    def __rpow__(self, base: object) -> Value:
        """``number ** Value`` is refused: the exponent must be a constant."""
        raise TypeError(
            f"'**' takes a constant exponent, but the exponent here is a Value {self!r} "
            f"(base {describe(base)}). For c ** b with a Value b, write (b * math.log(c)).exp()."
        )

    def __neg__(self) -> Value:
        """``-a``, built as ``a · (-1)``."""
        return self * -1.0

    def __sub__(self, other: Value | float) -> Value:
        """``a - b``, built as ``a + (-b)``."""
        return self + (-self._wrap(other, "-"))

    def __truediv__(self, other: Value | float) -> Value:
        """``a / b``, built as ``a · b^(-1)``; dividing by a Value with data 0 raises."""
        other = self._wrap(other, "/")
        if other.data == 0:
            raise ZeroDivisionError(f"division by zero: {self!r} / {other!r}.")
        return self * other**-1

    # The reflected versions make `2 * x`, `1 - x` and `1 / x` work when the number comes first.
    def __radd__(self, other: float) -> Value:
        """``number + a``."""
        return self + other

    def __rmul__(self, other: float) -> Value:
        """``number · a``."""
        return self * other

    def __rsub__(self, other: float) -> Value:
        """``number - a``."""
        return self._wrap(other, "-") - self

    def __rtruediv__(self, other: float) -> Value:
        """``number / a``."""
        return self._wrap(other, "/") / self

    # -----------------------------------------------------------------------------------------
    # Functions of one Value
    # -----------------------------------------------------------------------------------------

    def exp(self) -> Value:
        """``e^a``. Local derivative: ``e^a`` itself (the forward output, reused)."""
        try:
            value = math.exp(self.data)
        except OverflowError:  # e^a beyond 1.8e308 (a > 709.78) is infinite in float64
            value = math.inf
        out = Value(value, (self,), "exp")

        def _backward() -> None:
            self.grad += out.data * out.grad

        out._backward = _backward
        return out

    def log(self) -> Value:
        """Natural logarithm ``ln a``, for ``a > 0``. Local derivative: ``1 / a``."""
        if self.data <= 0:
            raise ValueError(
                f"log needs a positive number, but got {self.data:g}: ln a is defined "
                "only for a > 0."
            )
        out = Value(math.log(self.data), (self,), "log")

        def _backward() -> None:
            self.grad += (1.0 / self.data) * out.grad

        out._backward = _backward
        return out

    def tanh(self) -> Value:
        """``tanh a``, in (-1, 1). Local derivative: ``1 - tanh²(a)``.

        The derivative is computed as ``4e / (1 + e)²`` with ``e = e^(-2|a|)``, the same number
        as ``1 - tanh(a)²`` but exact in the tails, where ``1 - tanh(a)²`` rounds to 0
        (as in :func:`neuronlab.activations.tanh_derivative`).
        """
        out = Value(math.tanh(self.data), (self,), "tanh")

        def _backward() -> None:
            e = math.exp(-2.0 * abs(self.data))
            self.grad += 4.0 * e / (1.0 + e) ** 2 * out.grad

        out._backward = _backward
        return out

    def sigmoid(self) -> Value:
        """Logistic sigmoid ``σ(a) = 1 / (1 + e^(-a))``. Local derivative: ``σ(a) (1 - σ(a))``.

        As in :func:`neuronlab.activations.sigmoid`, it is computed from ``e = e^(-|a|)``, which
        never overflows: ``σ(a) = 1 / (1 + e)`` for ``a >= 0`` and ``e / (1 + e)`` for ``a < 0``.
        The derivative ``e / (1 + e)²`` equals ``σ(a) (1 - σ(a))`` and stays exact in the tails.
        """
        e = math.exp(-abs(self.data))
        s = 1.0 / (1.0 + e) if self.data >= 0 else e / (1.0 + e)
        out = Value(s, (self,), "sigmoid")

        def _backward() -> None:
            self.grad += e / (1.0 + e) ** 2 * out.grad

        out._backward = _backward
        return out

    def relu(self) -> Value:
        """``max(0, a)``. Local derivative: 1 for ``a > 0``, 0 for ``a <= 0``.

        At ``a = 0`` there is a kink; the convention, as in :func:`neuronlab.activations.relu_derivative`
        and PyTorch, is 0. Like a max gate, ReLU routes the gradient to its input or blocks it.
        """
        out = Value(0.0 if self.data <= 0 else self.data, (self,), "relu")  # NaN passes through

        def _backward() -> None:
            self.grad += (1.0 if self.data > 0 else 0.0) * out.grad

        out._backward = _backward
        return out

    # -----------------------------------------------------------------------------------------
    # Backpropagation
    # -----------------------------------------------------------------------------------------

    def backward(self) -> None:
        """Fill in ``v.grad = ∂self/∂v`` for every Value ``v`` in this Value's graph.

        1. Sort the graph topologically (see :func:`trace`): inputs first, ``self`` last.
        2. Set every ``grad`` in the graph to 0, then ``self.grad = 1`` (``∂self/∂self``).
        3. Visit the nodes from ``self`` back to the inputs; each passes its (now complete) grad
           to its children with the chain rule, adding (``+=``) to what is there, so a Value
           used in several places collects the sum of all the paths.

        **Calling backward() twice gives the same grads, not double.** Step 2 starts every
        gradient afresh. micrograd and PyTorch instead *accumulate* across calls, and a training
        loop must zero the gradients itself before each step; forgetting to is a classic bug, and
        in a notebook re-running a cell would silently double every gradient. Here the grads
        always mean exactly "the derivative of the Value you last called backward() on".
        The one consequence: for the gradient of a sum of two outputs, call backward() on the
        sum, ``(loss1 + loss2).backward()``, not on each output in turn (the second call would
        reset the shared inputs' grads).
        """
        nodes, _ = trace(self)
        for node in nodes:
            node.grad = 0.0
        self.grad = 1.0
        for node in reversed(nodes):
            node._backward()


# ---------------------------------------------------------------------------------------------
# The graph, for backward() (and for neuronlab.plotting.draw_graph)
# ---------------------------------------------------------------------------------------------


def trace(root: Value) -> tuple[list[Value], list[tuple[Value, Value]]]:
    """The nodes and edges of ``root``'s computational graph.

    Returns ``(nodes, edges)``:

    * ``nodes``: every Value ``root`` depends on, once each, in *topological order*: each node
      comes after all of its children, so inputs come first and ``root`` last;
    * ``edges``: ``(child, parent)`` pairs, one per *use* of a child, in the order of ``nodes``:
      ``x * x`` gives the edge ``(x, x*x)`` twice, since ``x`` is used twice and gets two
      contributions to its gradient.

    The sort is a depth-first search: a node is appended once all of its children have been.
    It uses an explicit stack instead of recursion, so long chains (a sum of thousands of terms)
    do not hit Python's recursion limit.
    """
    if not isinstance(root, Value):
        raise TypeError(f"trace expects a Value, but got {describe(root)}.")
    nodes: list[Value] = []
    visited: set[int] = set()  # ids of the nodes already reached
    stack: list[tuple[Value, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        if children_done:
            nodes.append(node)  # all its children are already in `nodes`
            continue
        if id(node) in visited:
            continue
        visited.add(id(node))
        stack.append((node, True))  # come back to it after its children
        for child in reversed(node.children):  # reversed: the first child is visited first
            stack.append((child, False))
    edges = [(child, node) for node in nodes for child in node.children]
    return nodes, edges
