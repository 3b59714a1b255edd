"""Signed, encrypted data packages and the keys that sign and open them (no Qt, no DB)."""
