"""Forms of one's own account: the one-time code, and password reset through the task queue."""

from django import forms
from django.contrib.auth.forms import PasswordResetForm
from django.core.validators import RegexValidator
from django.template import loader
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from herne_portal.mail import send_email
from herne_portal.tasks import enqueue_on_commit


class _DeviceCheckForm(forms.Form):
    """A code field checked by ``device_check(code)``, which returns the matching device."""

    invalid_message: str | Promise = ""

    def __init__(self, *args, device_check=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.device_check = device_check
        self.device = None

    def check_code(self, code):
        self.device = self.device_check(code) if self.device_check else None
        if self.device is None:
            raise forms.ValidationError(self.invalid_message)
        return code


class OneTimeCodeForm(_DeviceCheckForm):
    invalid_message = _(
        "This code is not valid. Check the time on your phone and try the next code."
    )
    token = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=6,
        min_length=6,
        validators=[RegexValidator(r"^\d{6}$", _("Enter the six digits shown in the app."))],
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def clean_token(self):
        return self.check_code(self.cleaned_data["token"])


class RecoveryCodeForm(_DeviceCheckForm):
    invalid_message = _(
        "This recovery code is not valid or has already been used. Each code works once."
    )
    code = forms.CharField(
        label=_("Recovery code"),
        max_length=20,
        validators=[
            RegexValidator(
                r"^[0-9A-Za-z\s-]{12,20}$",
                _("Enter the twelve letters and digits of one code, for example ABCD-EFGH-JKMN."),
            )
        ],
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )

    def clean_code(self):
        return self.check_code(self.cleaned_data["code"])


class QueuedPasswordResetForm(PasswordResetForm):
    """Django's password reset, with the email sent by the task queue after commit."""

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        enqueue_on_commit(send_email, subject, body, [to_email])
