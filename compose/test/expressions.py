#!/usr/bin/env python3
"""Prints every PromQL expression of the Grafana dashboard and of alerts.yml, one per line as
KIND<TAB>EXPR, and fails when the dashboard does not parse or names a metric loadtest does not
export (the names are read from MetricNames.java, the one place they are defined).

KIND is 'dashboard', 'alert' (the expression without its final comparison) or 'llm' (names a
metric that only streamed LLM answers produce: the checks run an LLM spec for these).
$__rate_interval becomes 1m."""
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
NAMES = ROOT / "engine/src/main/java/dev/loadtest/metrics/MetricNames.java"
SUFFIXES = ("_bucket", "_count", "_sum", "_total", "_created")


def exported_names():
    text = NAMES.read_text()
    prefix = re.search(r'PREFIX = "([a-z_]+)"', text).group(1)
    names = {prefix + n for n in re.findall(r'PREFIX \+ "([a-z_]+)"', text)}
    llm = set()
    for line in text.splitlines():
        m = re.search(r'(TIME_TO_FIRST_TOKEN|INTER_TOKEN_LATENCY|TOKENS|COST) = PREFIX \+ "([a-z_]+)"',
                      line)
        if m:
            llm.add(prefix + m.group(2))
    return names, llm


def base(name):
    for suffix in SUFFIXES:
        if name.endswith(suffix) and name[: -len(suffix)]:
            return name[: -len(suffix)]
    return name


def main():
    names, llm = exported_names()
    dashboard = json.loads((ROOT / "compose/grafana/dashboards/loadtest.json").read_text())
    problems = []
    for panel in dashboard["panels"]:
        for target in panel.get("targets", []):
            expr = target["expr"].replace("$__rate_interval", "1m")
            used = {base(n) for n in re.findall(r"\bloadtest_[a-z_]+", expr)}
            unknown = used - names
            if unknown:
                problems.append(f"panel '{panel['title']}' uses unexported {sorted(unknown)}")
            print(("llm" if used & llm else "dashboard") + "\t" + expr)
    for line in (ROOT / "compose/alerts.yml").read_text().splitlines():
        m = re.match(r"\s*expr:\s*(.+)$", line)
        if m:
            signal = re.sub(r"\s*(>|<|==|>=|<=|!=)\s*[0-9.]+\s*$", "", m.group(1))
            used = {base(n) for n in re.findall(r"\bloadtest_[a-z_]+", signal)}
            if used - names:
                problems.append(f"alert uses unexported {sorted(used - names)}")
            print("alert\t" + signal)
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
