"""What a plan's answers call for: rules, the risk register, advice, verdicts, diffs (pure: no disk, no git)."""
