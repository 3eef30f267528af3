"""Identity: who is asking, from a verified JWT."""
