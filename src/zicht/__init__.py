"""zicht: bring victims of human trafficking into view, lawfully and with minimal personal data."""

__version__ = "0.1.0"
