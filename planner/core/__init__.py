"""The core: errors, inert text, formatting and statistics; it imports nothing else of planner's."""
