"""Views of the rankings app: ``public`` pages and charts, ``exports`` for downloads."""
