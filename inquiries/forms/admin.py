"""Forms of the Django admin: the questions of an inquiry as an inline formset."""

from django import forms
from django.utils.translation import gettext as _


class QuestionFormSetMixin:
    """Question numbers in one inquiry are unique; a duplicate gets a German message."""

    def clean(self):
        self._check_unique_numbers()
        super().clean()

    def _check_unique_numbers(self):
        seen = {}
        for form in self.forms:
            if not form.has_changed() and not form.instance.pk:
                continue
            if not hasattr(form, "cleaned_data"):
                continue
            if self.can_delete and self._should_delete_form(form):
                continue
            number = form.cleaned_data.get("number")
            if number is None:
                continue
            if number in seen:
                message = _("Question number %(number)s appears more than once.") % {
                    "number": number
                }
                form.add_error("number", message)
                raise forms.ValidationError(message, code="duplicate_number")
            seen[number] = form


class QuestionInlineFormSet(QuestionFormSetMixin, forms.BaseInlineFormSet):
    pass
