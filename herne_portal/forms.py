"""How forms render: every field through ``templates/forms/field.html``.

Templates write ``{{ form.subject.as_field_group }}`` (or include
``forms/form.html`` for a whole form); Django's own widget templates are
found because ``django.forms`` is an installed app.
"""

from django.forms.renderers import TemplatesSetting


class FormRenderer(TemplatesSetting):
    field_template_name = "forms/field.html"
