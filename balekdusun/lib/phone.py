"""Phone numbers as people type them ("0812-3456-7890", "+62 812 3456 7890") to E.164 ("+6281234567890")."""

import phonenumbers


def to_e164(text: str | None, region: str = "ID") -> str | None:
    """E.164 for a possible number, "" for empty input, None for something that is not a phone number."""
    text = (text or "").strip()
    if not text:
        return ""
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
