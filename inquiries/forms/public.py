"""Forms of the public pages: following an inquiry, a topic, a department, a person or a search.

The list filters are ``inquiries.filters.public``.
"""

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inquiries.following.subscriptions import SEARCH_MAX_LENGTH, TARGETS
from inquiries.models import Inquiry, Subscription


class SubscriptionForm(forms.Form):
    """What to follow is ``follow`` = "kind:id" (or "search"); the view offers the choices."""

    email = forms.EmailField(
        label=gettext_lazy("Your email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": gettext_lazy("Please enter your email address."),
            "invalid": gettext_lazy(
                "Please enter a valid email address, such as name@example.org."
            ),
        },
    )
    follow = forms.CharField(label=gettext_lazy("What do you want to follow?"), widget=forms.Select)
    search = forms.CharField(required=False, max_length=SEARCH_MAX_LENGTH, widget=forms.HiddenInput)

    def __init__(self, *args, choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["follow"].widget.choices = list(choices)

    def clean_follow(self):
        value = self.cleaned_data["follow"]
        kind, _sep, ident = value.partition(":")
        if value == Subscription.Kind.SEARCH:
            self.target = None
            self.kind = kind
            return value
        if kind not in TARGETS or not ident.isdigit():
            raise forms.ValidationError(_("Please choose what you want to follow."))
        self.kind = kind
        self.target = TARGETS[kind][1]().filter(pk=int(ident)).first()
        if self.target is None:
            raise forms.ValidationError(_("This can no longer be followed."))
        return value

    def clean_search(self):
        # Only the list's own parameters are kept, and never the page number.
        params = QueryDict(self.cleaned_data.get("search") or "", mutable=True)
        params.pop("seite", None)
        return params.urlencode()[:SEARCH_MAX_LENGTH]


def choices_for_inquiry(inquiry: Inquiry) -> list[tuple[str, str]]:
    choices = [(f"inquiry:{inquiry.pk}", _("This inquiry (new answers and corrections)"))]
    choices += [(f"topic:{t.pk}", _("Topic: %(name)s") % {"name": t}) for t in inquiry.topics.all()]
    departments = {q.lead_department for q in inquiry.questions.all() if q.lead_department}
    choices += [
        (f"department:{d.pk}", _("Department: %(name)s") % {"name": d})
        for d in sorted(departments, key=lambda d: d.code)
    ]
    choices.append(
        (
            f"councillor:{inquiry.author_id}",
            _("Councillor: %(name)s") % {"name": inquiry.author.full_name},
        )
    )
    return choices


def choices_for_list(filterset) -> list[tuple[str, str]]:
    choices = [("search", _("New inquiries matching this search and these filters"))]
    data = filterset.form.cleaned_data if filterset.form.is_valid() else {}
    if data.get("thema"):
        choices.append(
            (f"topic:{data['thema'].pk}", _("Topic: %(name)s") % {"name": data["thema"]})
        )
    if data.get("fachbereich"):
        department = data["fachbereich"]
        choices.append(
            (f"department:{department.pk}", _("Department: %(name)s") % {"name": department})
        )
    if data.get("ratsmitglied"):
        person = data["ratsmitglied"]
        choices.append((f"councillor:{person.pk}", _("Councillor: %(name)s") % {"name": person}))
    return choices
