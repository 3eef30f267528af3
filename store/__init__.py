"""The single-table model: key builders, codecs, the table definition and all DynamoDB I/O."""
