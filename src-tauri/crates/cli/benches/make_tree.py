"""Writes a source-like tree of at least SIZE_MIB MiB for the scan benchmark, with each value
planted once in plain text (and every other one also base64-encoded in another file).

usage: make_tree.py DIR SIZE_MIB VALUE...

Files are 256 KiB slices of a 32 MiB pool of code-, log- and config-like lines (identifiers,
words, numbers, hex ids, base64 tokens), 64 folders of files; no hidden files, no .gitignore,
no binary files, so that ripgrep and the scan read exactly the same bytes.
"""
import base64
import os
import random
import sys

root, size_mib, values = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
rng = random.Random(12)
words = ("def return self value config client request response error token user id name "
         "data list dict import from class async await if else for while try except with "
         "print log info debug warn http https api url path file open read write json yaml").split()
alnum = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"


def line():
    kind = rng.random()
    if kind < 0.55:
        return "    " + " ".join(rng.choices(words, k=rng.randint(3, 12))) + "\n"
    if kind < 0.75:
        return f"2026-12-01T10:{rng.randint(0,59):02d}:{rng.randint(0,59):02d}Z INFO request id={rng.getrandbits(64):016x} took {rng.randint(1,999)}ms\n"
    if kind < 0.9:
        token = "".join(rng.choices(alnum, k=rng.randint(16, 60)))
        return f"  {rng.choice(words)}_{rng.choice(words)}: \"{token}\"\n"
    return base64.b64encode(rng.randbytes(rng.randint(24, 57))).decode() + "\n"


pool_size = 32 * 1024 * 1024
parts, length = [], 0
while length < pool_size:
    chunk = "".join(line() for _ in range(1000)).encode()
    parts.append(chunk)
    length += len(chunk)
pool = b"".join(parts)

file_size = 256 * 1024
count = (size_mib * 1024 * 1024 + file_size - 1) // file_size
paths = []
for i in range(count):
    folder = os.path.join(root, f"pkg{i % 64:02d}", f"mod{(i // 64) % 8}")
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, f"file{i:05d}.py")
    start = rng.randrange(0, len(pool) - file_size)
    with open(path, "wb") as f:
        f.write(pool[start:start + file_size])
    paths.append(path)


def plant(path, text):
    with open(path, "rb") as f:
        content = f.read()
    at = content.index(b"\n", rng.randrange(0, len(content) // 2)) + 1
    content = content[:at] + b"key = \"" + text + b"\"\n" + content[at:]
    with open(path, "wb") as f:
        f.write(content)


for n, value in enumerate(values):
    plant(rng.choice(paths), value.encode())
    if n % 2 == 0:
        plant(rng.choice(paths), base64.b64encode(b"secret: " + value.encode()))
print(f"{count} files, {count * file_size / 2**30:.2f} GiB, {len(values)} values planted in {root}")
