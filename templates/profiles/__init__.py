"""Format profiles (data)."""
