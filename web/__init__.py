"""HTTP front doors: the ASGI app (local server and Lambda through Mangum)."""
