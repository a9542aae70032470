"""Figures that replace guesses: samples, measuring, `try`, the experiment log, MLflow, status, check."""
