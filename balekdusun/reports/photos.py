"""Outreach documentation photos: resized and re-encoded on upload (strips EXIF, GPS included)."""

import io

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from balekdusun.core import audit
from balekdusun.core.services import DomainError
from balekdusun.reports import conf
from balekdusun.reports.models import OutreachPhoto


def resize(data: bytes, max_side: int) -> tuple[bytes, int, int]:
    try:
        image = Image.open(io.BytesIO(data))
        image = ImageOps.exif_transpose(image)
    except (UnidentifiedImageError, OSError) as exc:
        raise DomainError("photo.invalid", _("Not a readable image."), field="image") from exc
    image.thumbnail((max_side, max_side))
    if image.mode != "RGB":
        image = image.convert("RGB")
    out = io.BytesIO()
    image.save(out, "JPEG", quality=82, optimize=True)
    return out.getvalue(), image.width, image.height


@transaction.atomic
def add_photo(*, outreach, upload, caption: str = "", actor=None) -> OutreachPhoto:
    if upload.size > conf.PHOTO_MAX_BYTES:
        raise DomainError("photo.too_large", _("The photo is too large."), field="image")
    if outreach.photos.count() >= conf.PHOTOS_PER_OUTREACH:
        raise DomainError("photo.too_many", _("This outreach day already has the maximum number of photos."),
                          field="image")
    data, width, height = resize(upload.read(), conf.PHOTO_MAX_SIDE)
    photo = OutreachPhoto(outreach=outreach, caption=caption, width=width, height=height, uploaded_by=actor)
    photo.image.save("photo.jpg", ContentFile(data), save=False)
    photo.save()
    audit.log(actor, "outreach.photo_added", photo, outreach=outreach.pk)
    return photo


@transaction.atomic
def delete_photo(*, photo, actor=None) -> None:
    audit.log(actor, "outreach.photo_removed", photo, outreach=photo.outreach_id)
    photo.image.delete(save=False)
    photo.delete()
