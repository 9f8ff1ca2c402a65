"""The read-only OParl 1.1 API under ``/oparl/v1/`` (docs/oparl.md).

Only what the public may see goes out: published inquiries, their released
reply PDFs and the council's master data. ``selectors`` says what that is,
``serializers`` turn rows into OParl objects, ``pagination`` pages the lists
with a keyset cursor, ``views`` and ``urls`` answer the requests.
"""
