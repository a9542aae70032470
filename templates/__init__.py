"""Jinja2 templates and workspace skeleton files shipped with planner."""
