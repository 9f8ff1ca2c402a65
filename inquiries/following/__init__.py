"""Following by email: ``subscriptions`` (sign up, confirm, unsubscribe) and ``digests``."""
