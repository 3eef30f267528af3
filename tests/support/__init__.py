"""Test infrastructure: real DynamoDB Local, request counting, GraphQL clients."""
