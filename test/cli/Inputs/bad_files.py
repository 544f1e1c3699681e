"""bad_files.py GOOD DIR: writes to DIR one bad snapshot file of each kind,
made from the good snapshot file GOOD (a directory and a missing file need
nothing written: DIR/dir is made, DIR/missing.snap is not)."""
import os
import struct
import sys

good, out = sys.argv[1], sys.argv[2]
data = open(good, "rb").read()


def write(name, content):
    with open(os.path.join(out, name), "wb") as f:
        f.write(content)


os.makedirs(os.path.join(out, "dir"), exist_ok=True)
write("empty.snap", b"")
write("text.snap", b"hello, this is not a snapshot\n")
write("trunc-header.snap", data[:20])        # inside the 48-byte header
write("trunc-body.snap", data[:len(data) - 10])
flipped = bytearray(data)
flipped[len(data) // 2] ^= 0x40              # a body byte: the CRC differs
write("corrupt.snap", bytes(flipped))
version = bytearray(data)
version[8:12] = struct.pack("<I", 99)        # the format version field
write("version.snap", bytes(version))
