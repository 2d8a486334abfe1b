"""The web app's page templates and static files (``minutes.templates.web``)."""
