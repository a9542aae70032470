"""The `planner` command line: parse, call, print; exit codes in one place."""
