"""Summarises a Java Flight Recorder file: the share of execution samples per method.

    python3 benchmarks/jfr_summary.py recording.jfr [--top 15]

Reads `jfr print --json --events jdk.ExecutionSample` (the JDK's own tool) and prints, for the
methods most often on top of the stack ("self") and anywhere on it ("total"), the share of samples,
as a Markdown table. Needs only the standard library and the JDK's `jfr` on PATH.
"""
import argparse
import collections
import json
import subprocess
import sys


def frames(event):
    trace = event["values"].get("stackTrace") or {}
    for frame in trace.get("frames", []):
        method = frame["method"]
        owner = method["type"]["name"].rsplit(".", 1)[-1]
        yield owner + "." + method["name"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("recording")
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args()
    out = subprocess.run(
        ["jfr", "print", "--json", "--events", "jdk.ExecutionSample", args.recording],
        check=True, capture_output=True, text=True).stdout
    events = json.loads(out)["recording"]["events"]
    if not events:
        sys.exit("no execution samples in " + args.recording)
    own = collections.Counter()
    anywhere = collections.Counter()
    for event in events:
        stack = list(frames(event))
        if stack:
            own[stack[0]] += 1
            anywhere.update(set(stack))
    n = len(events)
    print(f"{n} samples")
    print()
    print("| method | self | total |")
    print("|---|---:|---:|")
    for method, count in own.most_common(args.top):
        print(f"| `{method}` | {100 * count / n:.1f}% | {100 * anywhere[method] / n:.1f}% |")


if __name__ == "__main__":
    main()
