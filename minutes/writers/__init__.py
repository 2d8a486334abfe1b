"""The writers: document tree + profile → file bytes. Each writer knows every role or fails."""
