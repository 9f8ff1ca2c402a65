"""Forms, one module per audience: ``councillor``, ``office``, ``department``, ``public``
and ``admin``. Every field renders through ``templates/forms/field.html``
(``herne_portal.forms.FormRenderer``), which ties help texts and errors to it."""
