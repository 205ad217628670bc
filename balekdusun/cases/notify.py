"""Short messages (SMS / WhatsApp) to officers. A real gateway is a class with the same `send` method, named in
CASES_MESSAGE_SENDER; the default only writes to the log, so nothing leaves the server by accident."""

import logging
from dataclasses import dataclass
from importlib import import_module

from balekdusun.cases import conf

logger = logging.getLogger("balekdusun.cases.messages")


@dataclass
class Message:
    to: str          # E.164 phone number
    text: str
    channel: str = "sms"  # "sms" or "whatsapp"


class Sender:
    """Interface: deliver one message, return True when the gateway accepted it."""

    def send(self, message: Message) -> bool:  # pragma: no cover - interface
        raise NotImplementedError


class LoggingSender(Sender):
    sent: list[Message] = []  # kept for tests and the demo; a real sender keeps nothing

    def send(self, message: Message) -> bool:
        logger.info("%s to %s: %s", message.channel, message.to, message.text)
        LoggingSender.sent.append(message)
        return True


def get_sender() -> Sender:
    module, _, name = conf.MESSAGE_SENDER.rpartition(".")
    return getattr(import_module(module), name)()
