"""An email backend for the worker processes of the fault tests.

Each message is written as a file into ``FAULT_MAIL_DIR``. While the file
named by ``FAULT_MAIL_HOLD`` exists, sending blocks (after touching
``<hold>.entered``), so that a test can kill the worker in the middle of a job.
"""

import os
import time
import uuid
from pathlib import Path

from django.core.mail.backends.base import BaseEmailBackend


class RecordingBackend(BaseEmailBackend):
    def send_messages(self, messages):
        hold = os.environ.get("FAULT_MAIL_HOLD")
        if hold and Path(hold).exists():
            Path(f"{hold}.entered").touch()
            while Path(hold).exists():
                time.sleep(0.05)
        directory = Path(os.environ["FAULT_MAIL_DIR"])
        for message in messages:
            (directory / f"{uuid.uuid4()}.eml").write_bytes(message.message().as_bytes())
        return len(messages)
