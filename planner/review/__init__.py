"""Review of plan changes in a pull request: `planner check` (every problem at once) and `planner diff`."""
