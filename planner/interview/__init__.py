"""The kickoff interview and the `try` prompts (the only place questionary is imported)."""
