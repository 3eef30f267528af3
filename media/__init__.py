"""Media processing: pure functions over bytes (images, videos, placeholders). No I/O."""
