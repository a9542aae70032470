"""planner: plan machine-learning projects before building them."""

__version__ = "0.1.0"
