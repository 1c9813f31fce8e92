"""The anonymous help chat: visitors talk with a counsellor; nothing traces them back.

No address is read or stored, the visitor has no account, the transcript is deleted
by the retention job (`zicht.chat.retention`) and only the closing form is kept.
Importing the package registers that retention rule.
"""

from zicht.chat import retention as _retention  # noqa: F401  (registers the rule)
