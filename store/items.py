"""What the table holds, as the store handles it: low-level AttributeValue maps."""

from __future__ import annotations

from typing import Any

#: One item (or the part of one) as DynamoDB's low-level API sends and returns it.
Item = dict[str, Any]
#: (PK, SK)
TableKey = tuple[str, str]
