"""The shared registry: registrations of possible victims, consent levels and exports.

Importing the package registers the registrations' retention rule.
"""

from zicht.registry import retention as _retention  # noqa: F401  (registers the rule)
