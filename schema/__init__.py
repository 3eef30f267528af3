"""Strawberry types, inputs and root operations; SDL export. No boto3 here."""
