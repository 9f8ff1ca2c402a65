"""Import of Smart City Index results from CSV, in two phases.

Phase one reads and validates every row of both files (rankings and, where
given, editions) without writing anything (``files``: the file itself;
``rows``: the rankings and editions in it). If there is any error the import
is refused as a whole (``ImportRefused``). Phase two (``writing``) writes
everything in one transaction. ``cities`` imports the cities' master data.
"""
