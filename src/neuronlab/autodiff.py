"""A tiny scalar autodiff engine: the ``Value`` class of lesson 05.

Every :class:`Value` holds one number (``data``) and, after :meth:`Value.backward`, the
derivative of the final output with respect to it (``grad``). Each operation on Values makes a
new Value that remembers the Values it came from (``children``), the operation's name (``op``)
and its *local* derivative with respect to each child, nothing more: the whole calculation
forms a *computational graph*.

Backpropagation is then the chain rule, applied node by node from the output back to the inputs::

    ∂out/∂child = Σ over every use of child:  ∂out/∂node · ∂node/∂child
                                              (node.grad)   (local derivative)

A node's ``grad`` must be complete before it is passed on, so :meth:`Value.backward` visits the
nodes in reverse *topological order* (every node after all the nodes that use it). The sum is
why gradients are *added* (``+=``): a Value used twice (a *fork*) gets a contribution from each.

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

from neuronlab._validation import describe

__all__ = ["Value", "trace"]


def _require_number(value: object, expected: str, advice: str = "") -> None:
    """Refuse anything but an int, a float or a numpy real scalar (bool, str, complex, arrays...).

    The TypeError says what was ``expected``, what came instead, and the ``advice`` if any.
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{expected}, but got {describe(value)}.{advice}")


def _as_value(other: object, symbol: str) -> Value:
    """``other`` as a Value: a number becomes a constant Value; anything else is refused."""
    if isinstance(other, Value):
        return other
    _require_number(other, f"'{symbol}' takes a number or another Value")
    return Value(other)


def _node(data: float, op: str, *inputs: tuple[Value, float]) -> Value:
    """The Value ``data`` that ``op`` makes from ``inputs``, pairs ``(child, ∂data/∂child)``.

    Every operation is just this: its forward value and the *local* derivative for each child.
    The new node's ``_backward`` applies the chain rule, ``child.grad += local · out.grad``,
    adding so that a Value used several times collects the sum over all of its uses.
    """
    out = Value(data, tuple(child for child, _ in inputs), op)

    def _backward() -> None:
        for child, local in inputs:
            child.grad += local * out.grad

    out._backward = _backward
    return out


class Value:
    """One scalar in a computational graph, with its gradient.

    ``data`` is the number (stored as a float); ``children`` the Values it was computed from and
    ``op`` the operation's name (``"+"``, ``"tanh"``, ...), both empty for an input; ``label`` a
    name for drawing the graph (``"x"``, ``"w1"``). After ``out.backward()``, ``v.grad`` is
    ``∂out/∂v`` for every Value ``v`` in ``out``'s graph.
    """

    def __init__(
        self, data: float, children: tuple[Value, ...] = (), op: str = "", label: str = ""
    ) -> None:
        advice = " It is already a Value: use it directly." if isinstance(data, Value) else ""
        _require_number(data, "Value holds a real number", advice)
        self.data = float(data)
        self.grad = 0.0  # ∂output/∂self, filled in by backward()
        self.children = tuple(children)
        self.op, self.label = op, label
        # Passes this node's grad on to its children; set by the operation that made it.
        self._backward = lambda: None

    def __repr__(self) -> str:
        # 4 significant digits, so printed graphs look the same on every machine.
        return f"Value(data={self.data:.4g}, grad={self.grad:.4g})"

    def __add__(self, other: Value | float) -> Value:
        """``a + b``. Local derivatives 1 and 1: an add gate passes its gradient to both."""
        other = _as_value(other, "+")
        return _node(self.data + other.data, "+", (self, 1.0), (other, 1.0))

    def __mul__(self, other: Value | float) -> Value:
        """``a · b``. Local derivatives ``b`` and ``a``: a multiply gate swaps its inputs."""
        other = _as_value(other, "*")
        return _node(self.data * other.data, "*", (self, other.data), (other, self.data))

    def __pow__(self, exponent: float) -> Value:
        """``a ** n`` for a constant number ``n``. Local derivative: ``n · a^(n-1)``."""
        advice = " For a Value exponent b, write (b * a.log()).exp() instead of a ** b."
        _require_number(exponent, "'**' takes a constant exponent", advice)
        n, x = float(exponent), self.data
        if x == 0 and n < 0:
            raise ZeroDivisionError(f"0 ** {exponent:g} divides by zero (a Value with data 0).")
        if x < 0 and not n.is_integer():
            raise ValueError(
                f"({x:g}) ** {exponent:g} is not a real number: use a whole-number exponent."
            )
        if n == 0:
            local = 0.0  # a^0 = 1 is constant
        elif x == 0 and n < 1:
            local = math.inf  # a^n for 0 < n < 1 is vertical at 0 (√a, for one)
        else:
            local = n * x ** (n - 1)
        return _node(x**n, f"**{exponent:g}", (self, local))

    def __rpow__(self, base: object) -> Value:
        """``number ** Value`` is refused: the exponent must be a constant."""
        raise TypeError(
            f"'**' takes a constant exponent, but got {describe(base)} ** {self!r}. "
            "For c ** b with a Value b, write (b * math.log(c)).exp()."
        )

    def __neg__(self) -> Value:
        """``-a``, built as ``a · (-1)``."""
        return self * -1.0

    def __sub__(self, other: Value | float) -> Value:
        """``a - b``, built as ``a + (-b)``."""
        return self + (-_as_value(other, "-"))

    def __truediv__(self, other: Value | float) -> Value:
        """``a / b``, built as ``a · b^(-1)``; dividing by a Value with data 0 raises."""
        other = _as_value(other, "/")
        if other.data == 0:
            raise ZeroDivisionError(f"division by zero: {self!r} / {other!r}.")
        return self * other**-1

    # With the number first (`2 * x`, `1 - x`, `1 / x`), Python calls these reflected versions.
    __radd__ = __add__
    __rmul__ = __mul__

    def __rsub__(self, other: float) -> Value:
        """``number - a``."""
        return _as_value(other, "-") - self

    def __rtruediv__(self, other: float) -> Value:
        """``number / a``."""
        return _as_value(other, "/") / self

    def exp(self) -> Value:
        """``e^a``. Local derivative: ``e^a``, the output itself."""
        try:
            value = math.exp(self.data)
        except OverflowError:  # e^a beyond 1.8e308 (a > 709.78) is infinite in float64
            value = math.inf
        return _node(value, "exp", (self, value))

    def log(self) -> Value:
        """Natural logarithm ``ln a``, for ``a > 0``. Local derivative: ``1 / a``."""
        if self.data <= 0:
            raise ValueError(f"log needs a positive number, but got {self.data:g}.")
        return _node(math.log(self.data), "log", (self, 1.0 / self.data))

    def tanh(self) -> Value:
        """``tanh a``, in (-1, 1). Local derivative: ``1 - tanh²(a)``.

        Computed as ``4e / (1 + e)²`` with ``e = e^(-2|a|)``: the same number, but exact in the
        tails, where ``1 - tanh²(a)`` rounds to 0 (as in ``activations.tanh_derivative``).
        """
        e = math.exp(-2.0 * abs(self.data))
        return _node(math.tanh(self.data), "tanh", (self, 4.0 * e / (1.0 + e) ** 2))

    def sigmoid(self) -> Value:
        """``σ(a) = 1 / (1 + e^(-a))``. Local derivative: ``σ(a) (1 - σ(a))``.

        Computed, as in ``activations.sigmoid``, from ``e = e^(-|a|)``, which never overflows:
        ``σ(a) = 1 / (1 + e)`` for ``a >= 0``, ``e / (1 + e)`` below, and the derivative
        ``e / (1 + e)²``, equal to ``σ(a) (1 - σ(a))`` and exact in the tails.
        """
        e = math.exp(-abs(self.data))
        s = 1.0 / (1.0 + e) if self.data >= 0 else e / (1.0 + e)
        return _node(s, "sigmoid", (self, e / (1.0 + e) ** 2))

    def relu(self) -> Value:
        """``max(0, a)``. Local derivative: 1 for ``a > 0``, 0 for ``a <= 0``.

        At the kink ``a = 0`` the convention is 0, as in
        ``activations.relu_derivative`` and PyTorch. NaN passes through.
        """
        return _node(0.0 if self.data <= 0 else self.data, "relu", (self, float(self.data > 0)))

    def backward(self) -> None:
        """Fill in ``v.grad = ∂self/∂v`` for every Value ``v`` in this Value's graph.

        1. Sort the graph topologically (:func:`trace`): inputs first, ``self`` last.
        2. Set every ``grad`` in the graph to 0, then ``self.grad = 1`` (``∂self/∂self``).
        3. From ``self`` back to the inputs, each node passes its (now complete) grad on to its
           children with the chain rule.

        **Calling backward() twice gives the same grads, not double**, because step 2 starts
        afresh. micrograd and PyTorch instead *accumulate* across calls, so a training loop must
        zero the gradients itself, and re-running a notebook cell would silently double them.
        Here the grads always mean "the derivative of the Value you last called backward() on".
        For the gradient of a sum of two outputs, call ``(loss1 + loss2).backward()``, not
        backward() on each in turn (the second call would reset the shared inputs' grads).
        """
        nodes, _ = trace(self)
        for node in nodes:
            node.grad = 0.0
        self.grad = 1.0
        for node in reversed(nodes):
            node._backward()


def trace(root: Value) -> tuple[list[Value], list[tuple[Value, Value]]]:
    """The nodes and edges of ``root``'s computational graph (for backward() and draw_graph).

    * ``nodes``: every Value ``root`` depends on, once each, in *topological order*: each node
      after all of its children, so inputs come first and ``root`` last;
    * ``edges``: ``(child, parent)`` pairs, one per *use* of a child: ``x * x`` gives the edge
      ``(x, x*x)`` twice, as ``x`` gets two contributions to its gradient.

    A depth-first search appends a node once all of its children are in. It keeps its own stack
    instead of recursing, so long chains (a sum of thousands of terms) do not hit Python's
    recursion limit.
    """
    if not isinstance(root, Value):
        raise TypeError(f"trace expects a Value, but got {describe(root)}.")
    nodes, visited = [], set()  # the sorted nodes; the nodes already reached
    stack = [(root, False)]  # (node, are its children already in `nodes`?)
    while stack:
        node, children_done = stack.pop()
        if children_done:
            nodes.append(node)
        elif node not in visited:
            visited.add(node)
            stack.append((node, True))  # come back to it after its children
            stack.extend((child, False) for child in reversed(node.children))  # first child first
    edges = [(child, node) for node in nodes for child in node.children]
    return nodes, edges
