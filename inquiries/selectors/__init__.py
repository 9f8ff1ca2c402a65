"""Reads across models, with the joins that keep query counts constant.

One module per audience; everything is re-exported here, so callers write
``selectors.office_inbox(...)`` whatever module holds it.
"""

from inquiries.selectors.answering import *  # noqa: F403
from inquiries.selectors.councillor import *  # noqa: F403
from inquiries.selectors.public import *  # noqa: F403
from inquiries.selectors.statistics import *  # noqa: F403
