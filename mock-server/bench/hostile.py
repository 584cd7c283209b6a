"""Hostile clients for the mock's benchmark: every attack is bounded in time and only talks to loopback.

  python3 hostile.py slow PORT SECONDS UPLOADS SLOWLORIS   # slow uploads + header slowloris, prints a summary line
  python3 hostile.py big PORT COUNT PERSONS                  # COUNT concurrent 10 MB uploads (PERSONS images each)
"""
import asyncio, base64, json, struct, sys, time, zlib

SUBMIT = "/api/v1/image-to-video/kling/kling-video-effects/async"


def head(port, length, key="bench-key"):
    return (f"POST {SUBMIT} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAuthorization: Bearer {key}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {length}\r\n\r\n").encode()


async def read_status(reader):
    line = await reader.readline()
    return int(line.split()[1]) if line.startswith(b"HTTP/1.1 ") else -1


async def slow_upload(port, stop_at, results, key):
    """Declares a maximal body, then sends one byte a second; when answered, comes back, until the attack ends."""
    while time.monotonic() < stop_at:
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
        except OSError:
            results["refused_connect"] += 1
            await asyncio.sleep(0.1)
            continue
        try:
            writer.write(head(port, 28_000_000, key) + b'{"effect_scene":')
            await writer.drain()
            status = "unanswered"
            while time.monotonic() < stop_at:
                try:
                    status = await asyncio.wait_for(read_status(reader), timeout=1.0)
                    break
                except asyncio.TimeoutError:
                    writer.write(b" ")
                    await writer.drain()
            results[status] = results.get(status, 0) + 1
        except (ConnectionError, OSError):
            results["reset"] += 1
        finally:
            writer.close()


async def slowloris(port, stop_at, results):
    """Sends a request's headers one line every few seconds, never finishing them."""
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(f"GET /health HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n".encode())
        await writer.drain()
        while time.monotonic() < stop_at:
            await asyncio.sleep(5)
            writer.write(b"X-Slow: 1\r\n")
            await writer.drain()
        results["slowloris_held"] += 1
        writer.close()
    except (ConnectionError, OSError):
        results["slowloris_dropped"] += 1


async def attack(port, seconds, uploads, lorises):
    stop_at = time.monotonic() + seconds
    results = {"refused_connect": 0, "reset": 0, "slowloris_held": 0, "slowloris_dropped": 0}
    tasks = [slow_upload(port, stop_at, results, "bench-key" if i % 2 else "") for i in range(uploads)]
    tasks += [slowloris(port, stop_at, results) for _ in range(lorises)]
    await asyncio.gather(*tasks)
    return results


def png_base64(size_bytes):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1024, 1024, 8, 2, 0, 0, 0))
    return base64.b64encode(header + b"\0" * (size_bytes - len(header))).decode()


async def big_upload(port, body):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    started = time.monotonic()
    writer.write(head(port, len(body)) + body)
    await writer.drain()
    status = await asyncio.wait_for(read_status(reader), timeout=120)
    writer.close()
    return status, time.monotonic() - started


async def big(port, count, persons):
    image = png_base64(10 * 1024 * 1024)
    body = (json.dumps({"effect_scene": "pet_lion_pro", "image": image}) if persons == 1
            else json.dumps({"effect_scene": "hug_pro", "images": [image, image]})).encode()
    answers = await asyncio.gather(*[big_upload(port, body) for _ in range(count)], return_exceptions=True)
    statuses, seconds = {}, []
    for answer in answers:
        key = type(answer).__name__ if isinstance(answer, BaseException) else answer[0]
        statuses[key] = statuses.get(key, 0) + 1
        if not isinstance(answer, BaseException):
            seconds.append(answer[1])
    seconds.sort()
    return {"body_bytes": len(body), "statuses": statuses,
            "slowest_s": round(seconds[-1], 2) if seconds else None,
            "median_s": round(seconds[len(seconds) // 2], 2) if seconds else None}


if __name__ == "__main__":
    mode, port = sys.argv[1], int(sys.argv[2])
    if mode == "slow":
        print(json.dumps(asyncio.run(attack(port, int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])))))
    else:
        print(json.dumps(asyncio.run(big(port, int(sys.argv[3]), int(sys.argv[4])))))
