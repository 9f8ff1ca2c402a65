"""django-filter FilterSets, one module per audience (public, office, department)."""
