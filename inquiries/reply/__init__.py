"""The formal reply letter of an inquiry as PDF/A.

- ``payload``: the inquiry and its approved answers as a JSON-ready dict, and its hash;
- ``renderer``: HTML from ``templates/pdf/`` to PDF through WeasyPrint;
- ``documents``: building, storing and restoring the released versions;
- ``tasks``: the background job and ``schedule_reply_build``.

See ``docs/reply-pdf.md``.
"""
