"""An aiosmtpd handler for SkillBridge's tests: keeps every message it accepts as a JSON file in a folder.

Run as: python3 -m aiosmtpd -n -l 127.0.0.1:PORT -c store_handler.StoreHandler FOLDER
(with this file's folder on PYTHONPATH). The file is complete before the server answers 250, so a client that has
been told "accepted" finds the message in the folder.
"""
import base64
import json
import os
import time
import uuid


class StoreHandler:
    def __init__(self, folder):
        self.folder = folder
        os.makedirs(folder, exist_ok=True)

    @classmethod
    def from_cli(cls, parser, *args):
        if len(args) != 1:
            parser.error("StoreHandler needs one argument: the folder to keep messages in")
        return cls(args[0])

    async def handle_DATA(self, server, session, envelope):
        content = envelope.content if isinstance(envelope.content, bytes) else envelope.content.encode("utf-8")
        record = {
            "from": envelope.mail_from,
            "to": list(envelope.rcpt_tos),
            "data": base64.b64encode(content).decode("ascii"),
        }
        name = f"{time.time_ns():020d}-{uuid.uuid4().hex}"
        temporary = os.path.join(self.folder, name + ".tmp")
        with open(temporary, "w", encoding="utf-8") as file:
            json.dump(record, file)
        os.replace(temporary, os.path.join(self.folder, name + ".json"))
        return "250 Message accepted for delivery"
