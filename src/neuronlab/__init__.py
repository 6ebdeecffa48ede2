"""neuronlab: the shared code of the course on activation functions.

Each module holds one idea of the course, written to be read:

* ``neuron``: net input ``z = w · x + b``, a neuron's output, the perceptron
* ``activations``: every activation with its derivative, and the ``ACTIVATIONS`` registry
* ``gradcheck``: centred finite differences and relative error
* ``autodiff``: a scalar ``Value`` engine that backpropagates through any expression
* ``losses`` and ``network``: loss functions (the ``LOSSES`` registry) and a small multi-layer
  perceptron
* ``experiments``: the lessons' experiments, many networks summed up in a few numbers
* ``datasets``: logic gates, XOR, 2-D point clouds (blobs, moons, circles, spirals), digits
* ``plotting`` and ``widgets``: the course's figures and sliders (they import matplotlib)
* ``exercises`` and ``status``: the self-checks of every exercise and the words for their outcome
* ``concepts``: the concept map, the glossary of ideas each lesson introduces and uses
* ``authoring`` and ``checking``: exercises generated from solutions, notebooks executed, and a
  learner's notebook checked; ``python -m neuronlab`` is their command line

The modules form layers: ``_validation`` and ``status`` at the bottom; then ``activations``,
``gradcheck``, ``datasets``, ``autodiff``, ``losses``, ``neuron`` and ``network``; above them
``experiments``; ``plotting`` and ``widgets`` on top. A module imports only from below it
(``tests/test_package_layers.py`` holds this). ``import neuronlab`` stays light: matplotlib,
ipywidgets and scikit-learn are imported only by the modules that use them.
"""

__version__ = "0.1.0"
