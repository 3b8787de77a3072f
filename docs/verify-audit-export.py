#!/usr/bin/env python3
"""Recompute the hash chain of a recshell audit export, without recshell.

Usage: verify-audit-export.py EXPORT.csv|EXPORT.json [ID:HASH]

EXPORT is the output of `audit export --format csv|json`. ID:HASH is an entry recorded
earlier (the newest entry of an earlier verify or export): it must still be there, unchanged.
Exit code 0: the chain holds; 1: it does not (the first bad entry is named); 2: usage.
"""
import csv
import hashlib
import json
import sys

FIELDS = ["id", "at", "action", "command", "filters", "acting_user", "os_user", "host",
          "ssh_client", "db_user", "session_id", "outcome", "message", "matched", "deleted",
          "deleted_bytes", "run_id", "prev_hash"]
GENESIS = "0" * 64


def encode(value):
    text = "" if value is None else str(value)
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")


def entry_hash(entry):
    canonical = "\n".join(name + "=" + encode(entry[name]) for name in FIELDS)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def entries(path):
    with open(path, encoding="utf-8", newline="") as f:
        yield from json.load(f) if path.endswith(".json") else csv.DictReader(f)


def check(path, anchor):
    """Returns (entries read, first id, (last id, last hash), the first problem or None)."""
    first = last = None
    count = 0
    for entry in entries(path):
        count += 1
        entry_id = int(entry["id"])
        if last is None and entry_id == 1 and entry["prev_hash"] != GENESIS:
            return count, first, last, "entry 1 does not start the chain"
        if last is not None and entry_id != last[0] + 1:
            return count, first, last, f"entry {last[0] + 1} is missing (next is {entry_id})"
        if last is not None and entry["prev_hash"] != last[1]:
            return count, first, last, f"entry {entry_id} does not follow entry {last[0]}"
        if entry_hash(entry) != entry["hash"]:
            return count, first, last, f"entry {entry_id} does not match its hash"
        if anchor and anchor[0] == entry_id and anchor[1] != entry["hash"]:
            return count, first, last, f"entry {entry_id} is not the one recorded earlier"
        first = first or entry_id
        last = (entry_id, entry["hash"])
    if anchor and (last is None or not first <= anchor[0] <= last[0]):
        return count, first, last, f"entry {anchor[0]} recorded earlier is not in this export"
    return count, first, last, None


def main(argv):
    if len(argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    anchor = None
    if len(argv) == 3:
        anchor_id, anchor_hash = argv[2].split(":", 1)
        anchor = (int(anchor_id), anchor_hash)
    count, first, last, problem = check(argv[1], anchor)
    if problem:
        print(f"BROKEN ({count} entries read): {problem}")
        return 1
    if last is None:
        print("intact: the export holds no entries")
        return 0
    start = "" if first == 1 else f" (entry {first} follows an entry not in this export)"
    print(f"intact: {count} entries, ids {first} to {last[0]}{start}; newest hash {last[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
