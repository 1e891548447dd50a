#!/usr/bin/env python3
"""Reads KIND<TAB>EXPR lines and asks Prometheus (argv[1]) to evaluate each one at the time
argv[2] (Unix seconds). Fails when any expression ('dashboard', 'llm' or 'alert') returns no
data. Each query is retried with a short pause until a 30 s deadline, since the last scrapes
may still be landing."""
import json
import sys
import time
import urllib.parse
import urllib.request


def query(server, expr, at):
    url = server + "/api/v1/query?" + urllib.parse.urlencode({"query": expr, "time": at})
    with urllib.request.urlopen(url, timeout=10) as response:
        body = json.load(response)
    if body.get("status") != "success":
        raise RuntimeError(f"{expr}: {body}")
    return body["data"]["result"]


def main():
    server, at = sys.argv[1], sys.argv[2]
    failures = 0
    deadline = time.monotonic() + 30
    for line in sys.stdin:
        kind, expr = line.rstrip("\n").split("\t", 1)
        result = query(server, expr, at)
        while not result and time.monotonic() < deadline:
            time.sleep(0.5)
            result = query(server, expr, at)
        if result:
            print(f"  data ({len(result)} series, {kind}): {expr}")
        else:
            failures += 1
            print(f"  NO DATA: {expr}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
