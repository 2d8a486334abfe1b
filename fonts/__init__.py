"""Font files embedded in every PDF (data, shipped in the wheel as ``minutes.fonts``)."""
