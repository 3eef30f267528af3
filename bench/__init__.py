"""Benchmarks: scripts that print figures, compared side by side with a baseline in one run."""
