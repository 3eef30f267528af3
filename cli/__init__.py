"""The `agora` command: local serve, dev tokens, table and schema management."""
