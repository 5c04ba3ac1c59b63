"""Persistence: schema, batched idempotent writes, reads and export."""
