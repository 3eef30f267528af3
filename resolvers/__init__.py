"""Domain resolvers: plain functions of (context, source, arguments) -> domain values.

Importing this package registers every resolver in `resolvers.registry`.
"""

from resolvers import meta, posts, users

__all__ = ["meta", "posts", "users"]
