"""The one Lambda entry point (`handler.handler`): recognise the event, hand it to its door."""

from __future__ import annotations

from web.lambda_door import handle as handler

__all__ = ["handler"]
