"""Domain values, errors, configuration and small helpers shared by every layer."""
