"""The AppSync door: direct Lambda resolver events answered through the shared registry."""
