"""Writes SIZE bytes of log-like text to OUT for the redaction benchmark: lines of random
base64 (no value occurs by chance), with each VALUE written once per 64 KiB, just past each
64 KiB boundary (where reads of a default-size pipe end).

usage: python3 make_stream.py OUT SIZE_MIB VALUE...
"""

import base64
import os
import random
import sys


def main() -> None:
    out, size_mib, values = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    rng = random.Random(42)
    block = bytearray()
    # One 4 MiB block, repeated: fast to write, and big enough not to look periodic to reads.
    while len(block) < 4 * 1024 * 1024:
        line = base64.b64encode(rng.randbytes(57)).decode()  # 76 characters
        block += f"INFO request ok payload={line}\n".encode()
        if len(block) % (64 * 1024) < 110:
            for value in values:
                block += f"DEBUG token={value} sent\n".encode()
    block = bytes(block[: 4 * 1024 * 1024])
    with open(out, "wb") as f:
        for _ in range(size_mib // 4):
            f.write(block)
        f.write(block[: (size_mib % 4) * 1024 * 1024])
    os.chmod(out, 0o600)


main()
