"""An organisation's branding on its PDFs: a checked logo and an accent colour readable on white.

Logos are raster only (PNG or JPEG): checked by content with ``filetype`` and Pillow's ``verify()``,
bounded in bytes and pixels. SVG is refused: sanitising SVG well is more than a logo is worth.
"""

import io
import re
import uuid

import filetype
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

MAX_LOGO_BYTES = 1024 * 1024
MAX_LOGO_PIXELS = 4000 * 4000
LOGO_TYPES = {"image/png": "png", "image/jpeg": "jpg"}
DEFAULT_ACCENT = "#1d4f91"
# WCAG 2.1 AA for normal text (1.4.3): headings in the accent colour on white paper.
MIN_CONTRAST = 4.5
HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast_on_white(colour: str) -> float:
    return 1.05 / (relative_luminance(colour) + 0.05)


def check_accent(colour: str) -> str:
    colour = (colour or "").strip()
    if not HEX_COLOUR.match(colour):
        raise ValidationError(_("Give the colour as # and six hexadecimal digits, for example #1d4f91."))
    ratio = contrast_on_white(colour)
    if ratio < MIN_CONTRAST:
        raise ValidationError(
            _(
                "This colour has a contrast of %(ratio).1f:1 on white; at least 4.5:1 is needed to read it. "
                "Choose a darker colour."
            )
            % {"ratio": ratio}
        )
    return colour.lower()


def check_logo(upload) -> str:
    """Validate an uploaded logo by its content; return the file extension to store it under."""
    from PIL import Image

    if upload.size > MAX_LOGO_BYTES:
        raise ValidationError(
            _("The logo is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(MAX_LOGO_BYTES)}
        )
    upload.seek(0)
    content = upload.read(MAX_LOGO_BYTES + 1)
    upload.seek(0)
    kind = filetype.guess(content)
    if kind is None or kind.mime not in LOGO_TYPES:
        raise ValidationError(_("Upload the logo as a PNG or JPEG image."))
    try:
        with Image.open(io.BytesIO(content)) as image:
            if image.width * image.height > MAX_LOGO_PIXELS:
                raise ValidationError(_("The logo has too many pixels; 4000 × 4000 at most."))
            image.verify()
    except ValidationError:
        raise
    except Exception as error:
        raise ValidationError(_("This image is damaged or not really an image.")) from error
    return LOGO_TYPES[kind.mime]


def logo_path(instance, filename: str) -> str:
    """Stored under a name of our own; only the checked extension is kept."""
    extension = filename.rsplit(".", 1)[-1] if "." in filename else "png"
    return f"logos/{uuid.uuid4().hex}.{extension}"
