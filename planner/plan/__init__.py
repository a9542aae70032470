"""What a plan is and where it lives: the model, the question bank, files, versions, git, settings."""
