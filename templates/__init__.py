"""Templates and format profiles of ``minutes`` (data, shipped in the wheel as
``minutes.templates``)."""
