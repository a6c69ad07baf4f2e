"""The python-telegram-bot adapter: handlers, streaming replies, formatting, delivery.

python-telegram-bot 22 warns on every `RetryAfter` that its `retry_after` will
become a `timedelta`; the adapter opts in to that behaviour now (it reads the
variable at call time), so flood control never logs deprecation noise.
"""

import os

os.environ.setdefault("PTB_TIMEDELTA", "1")
