"""Searching inquiries: ``query`` (what was typed), ``fulltext`` (search and snippets),
``similarity`` (earlier inquiries like this one), all with the one tokenizer in ``words``."""
