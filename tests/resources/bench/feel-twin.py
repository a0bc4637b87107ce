#!/usr/bin/env python3
"""Writes the default-FEEL twin of a JUEL decision file, for EligibilitySweepBenchmark's per-table comparison.

Usage (repository root):
  python3 tests/resources/bench/feel-twin.py dmn/eligibility-policies.dmn tests/resources/bench/eligibility-policies-feel.dmn

Only the entry shapes the eligibility tables use are translated (see docs/decisions/0006); an unknown JUEL entry
stops the script rather than producing a twin that differs silently. The benchmark cross-checks the twin's results
against the deployed tables for every sampled resident.
"""
import re
import sys
from xml.sax.saxutils import escape

SIMPLE = {
    'cellInput == null': 'null', 'cellInput != null': 'not(null)',
    'cellInput == null || cellInput == 0': 'null, 0', 'cellInput != 1 && cellInput != 2': 'not(1, 2)',
    'cellInput != "none"': 'not("none")', 'cellInput >= 4 && cellInput < 8': '[4..8[',
    "cellInput == 'below-poverty-line' || cellInput == 'below-low-income-line'":
        '"below-poverty-line", "below-low-income-line"',
    "cellInput == 'below-low-income-line' || cellInput == 'not-low-income'": '"below-low-income-line", "not-low-income"',
}


def feel(text):
    m = re.fullmatch(r"\$\{(.*)\}", text, re.S)
    if not m:
        return text  # empty entry or a quoted string literal: the same in FEEL
    e = m.group(1)
    if e in SIMPLE:
        return SIMPLE[e]
    r = re.fullmatch(r"cellInput >= (\w+) && cellInput <= (\w+)", e)
    if r:
        return f"[{r.group(1)}..{r.group(2)}]"
    r = re.fullmatch(r"cellInput (>=|<=|<|>) (\w+)", e)
    if r:
        return f"{r.group(1)} {r.group(2)}"
    r = re.fullmatch(r"cellInput == (.+)", e)
    if r:
        v = r.group(1)
        return '"' + v[1:-1] + '"' if v.startswith("'") else v
    if "cellInput" in e:
        sys.exit(f"feel-twin: no FEEL form for input entry {text!r}")
    return e  # input expression, variable or arithmetic: the same text in FEEL


def twin(xml):
    xml = xml.replace(' expressionLanguage="juel"', '')

    def sub(match):
        inner = (match.group(1).replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">")
                 .replace("&amp;", "&"))
        return "<text>" + escape(feel(inner), {'"': "&quot;"}) + "</text>"
    return re.sub(r"<text>(.*?)</text>", sub, xml)


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as source:
        result = twin(source.read())
    with open(sys.argv[2], "w", encoding="utf-8") as target:
        target.write(result)
