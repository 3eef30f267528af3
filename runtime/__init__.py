"""The composition root: builds the services once per container and hands them to each door."""
