"""A form base that ties each field's error message to the field for screen readers."""

from django import forms


class DescribedErrorsMixin:
    """After validation, each field with an error points at its message (``aria-describedby``)."""

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                bound = self[name]
                attrs = self.fields[name].widget.attrs
                attrs["aria-describedby"] = f"{bound.auto_id}-error"
                attrs["aria-invalid"] = "true"


class DescribedErrorsForm(DescribedErrorsMixin, forms.Form):
    pass
