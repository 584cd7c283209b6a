"""Writes a submit body with a 10 MB PNG (a 1024x1024 header, zero bytes after it) in Base64: the benches' large-image mix."""
import base64
import struct
import sys
import zlib


def chunk(kind, data):
    return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xffffffff)


header = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', 1024, 1024, 8, 2, 0, 0, 0))
image = header + b'\0' * (10 * 1024 * 1024 - len(header))
with open(sys.argv[1], 'w') as out:
    out.write('{"effect_scene": "pet_lion_pro", "image": "' + base64.b64encode(image).decode() + '"}')
