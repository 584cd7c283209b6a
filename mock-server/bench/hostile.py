"""Hostile clients for the mock's benchmark: every attack is bounded in time and only talks to loopback.

  python3 hostile.py slow PORT SECONDS UPLOADS SLOWLORIS   # slow uploads + header slowloris, prints a summary line
  python3 hostile.py big PORT COUNT PERSONS                  # COUNT concurrent 10 MB uploads (PERSONS images each)
  python3 hostile.py unknown PORT COUNT SHAPE                # COUNT concurrent 28 MB submits, an unknown field of SHAPE
  python3 hostile.py keys PORT COUNT KEY_BYTES PATH          # COUNT requests (submit or poll) with distinct huge keys
  python3 hostile.py prefer PORT COUNT TOKEN_BYTES           # COUNT polls with a huge ignored Prefer token and a huge path
  python3 hostile.py paced PORT COUNT BYTES_PER_S            # COUNT maximal uploads at a fixed rate, for a graceful stop
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


MAX_BODY = 28_027_568


def unknown_body(shape):
    """A valid submit whose unknown field fills the body with SHAPE: tiny objects, members, or top-level fields."""
    start = b'{"effect_scene":"pet_lion_pro","image":"https://example.com/cat.jpg",'
    room = MAX_BODY - len(start) - 16
    if shape == "objects":
        middle = b'"x":[' + b"{}," * (room // 3 - 2) + b"{}]"
    elif shape == "members":
        count = room // 13
        middle = b'"x":{' + b",".join(b'"m%07d":0' % i for i in range(count)) + b"}"
    elif shape == "fields":
        count = room // 13
        middle = b",".join(b'"f%07d":0' % i for i in range(count))
    else:  # deep: arrays nested as deep as the parser allows, repeated
        unit = b"[" * 60 + b"]" * 60
        middle = b'"x":[' + b",".join([unit] * (room // (len(unit) + 1) - 1)) + b"]"
    return start + middle + b"}"


async def one_request(port, raw, timeout=300):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    started = time.monotonic()
    try:
        writer.write(raw)
        await writer.drain()
    except (ConnectionError, OSError):
        pass  # refused before the whole body was sent: its answer is still waiting to be read
    try:
        answer = await asyncio.wait_for(reader.read(), timeout=timeout)
    finally:
        writer.close()
    return answer, time.monotonic() - started


def summarise(answers):
    statuses, seconds, shapes = {}, [], {"error_shape": 0, "other_body": 0}
    for answer in answers:
        if isinstance(answer, BaseException):
            statuses[type(answer).__name__] = statuses.get(type(answer).__name__, 0) + 1
            continue
        raw, took = answer
        status = int(raw.split()[1]) if raw.startswith(b"HTTP/1.1 ") else -1
        statuses[status] = statuses.get(status, 0) + 1
        seconds.append(took)
        body = raw.split(b"\r\n\r\n", 1)[-1]
        if status >= 400:
            ok = body.startswith(b'{"code":%d,"message":"' % status)
            shapes["error_shape" if ok else "other_body"] += 1
    seconds.sort()
    return {"statuses": statuses, "errors_in_api_shape": shapes,
            "slowest_s": round(seconds[-1], 2) if seconds else None,
            "median_s": round(seconds[len(seconds) // 2], 2) if seconds else None}


async def unknown(port, count, shape):
    body = unknown_body(shape)
    raw = (f"POST {SUBMIT} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer bench-key\r\n"
           f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n").encode() + body
    result = summarise(await asyncio.gather(*[one_request(port, raw) for _ in range(count)], return_exceptions=True))
    result["body_bytes"] = len(body)
    return result


async def keys(port, count, key_bytes, path):
    """Distinct keys of KEY_BYTES each, 50 connections at a time, one request per connection."""
    semaphore = asyncio.Semaphore(50)
    body = b'{"effect_scene":"pet_lion_pro","image":"https://example.com/cat.jpg"}'

    async def send(i):
        key = (f"{i:08d}" + "k" * key_bytes)[:key_bytes]
        if path == "submit":
            raw = (f"POST {SUBMIT} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {key}\r\n"
                   f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n").encode() + body
        else:
            raw = (f"GET /api/v1/tasks/task-unknown-{i} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {key}\r\n"
                   f"Connection: close\r\n\r\n").encode()
        async with semaphore:
            return await one_request(port, raw, timeout=30)

    return summarise(await asyncio.gather(*[send(i) for i in range(count)], return_exceptions=True))


async def prefer(port, count, token_bytes):
    """Polls with an ignored Prefer token and a path of TOKEN_BYTES each, 50 connections at a time."""
    semaphore = asyncio.Semaphore(50)

    async def send(i):
        raw = (f"GET /api/v1/tasks/task-{'p' * token_bytes}-{i} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
               f"Authorization: Bearer bench-key\r\nPrefer: {'x' * token_bytes}\r\nConnection: close\r\n\r\n").encode()
        async with semaphore:
            return await one_request(port, raw, timeout=30)

    return summarise(await asyncio.gather(*[send(i) for i in range(count)], return_exceptions=True))


async def paced_upload(port, body, bytes_per_second):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    started = time.monotonic()
    writer.write(head(port, len(body)))
    sent, step = 0, max(1, bytes_per_second // 20)
    while sent < len(body):
        writer.write(body[sent:sent + step])
        sent += step
        await writer.drain()
        await asyncio.sleep(max(0.0, sent / bytes_per_second - (time.monotonic() - started)))
    answer = await asyncio.wait_for(reader.read(), timeout=60)
    writer.close()
    return answer, time.monotonic() - started


async def paced(port, count, bytes_per_second):
    """COUNT uploads of a 256 KiB body (an image URL padded with spaces) at BYTES_PER_S each."""
    body = b'{"effect_scene":"pet_lion_pro","image":"https://example.com/cat.jpg"' + b" " * (256 * 1024) + b"}"
    return summarise(await asyncio.gather(*[paced_upload(port, body, bytes_per_second) for _ in range(count)],
                                          return_exceptions=True))


if __name__ == "__main__":
    mode, port = sys.argv[1], int(sys.argv[2])
    if mode == "slow":
        print(json.dumps(asyncio.run(attack(port, int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])))))
    elif mode == "unknown":
        print(json.dumps(asyncio.run(unknown(port, int(sys.argv[3]), sys.argv[4]))))
    elif mode == "keys":
        print(json.dumps(asyncio.run(keys(port, int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]))))
    elif mode == "prefer":
        print(json.dumps(asyncio.run(prefer(port, int(sys.argv[3]), int(sys.argv[4])))))
    elif mode == "paced":
        print(json.dumps(asyncio.run(paced(port, int(sys.argv[3]), int(sys.argv[4])))))
    else:
        print(json.dumps(asyncio.run(big(port, int(sys.argv[3]), int(sys.argv[4])))))
