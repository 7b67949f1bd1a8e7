#!/usr/bin/env python3
"""Writes docs/benchmarks/load.md from one run of ops/load/run-load.sh: its wrk results (one JSON line per
measurement), its warm-up runs (for the audit count) and the facts about the machine and the service (JSON on
standard input). Every number in the page comes from these; nothing is typed in."""
import json
import sys

# The bar of issue 7: the HAPI cds-hooks peer at 16 connections on these machines (1 GB heap), as the issue gives it.
PEER_RPS = {"typical": 1249, "long-stay": 11}

results_file, warmups_file, out = sys.argv[1:4]
facts = json.load(sys.stdin)
results = [json.loads(line) for line in open(results_file)]
warmups = [json.loads(line) for line in open(warmups_file)]


def result(chart, endpoint, connections):
    return next(r["result"] for r in results
                if (r["chart"], r["endpoint"], r["connections"]) == (chart, endpoint, connections))


def share(part, whole):
    return "%.0f%%" % (100 * part / whole) if whole else "n/a (the floor answered nothing)"


def verdict(ok):
    return "met" if ok else "**missed**"


lines = [
    "# Load test: Pinpoint against its floor, one run",
    "",
    "Written by `ops/load/run-load.sh` (not by hand). The floor is `POST /benchmark/floor` of the same jar in the same",
    "run (`benchmark` profile): the body read into a Jackson tree and a fixed card answered. Pinpoint is",
    "`POST /cds-services/petechiae-triage` with the same body (the order-sign call: `POST",
    "/cds-services/antithrombotic-order-check`, the typical chart with a draft apixaban order). Both run in one JVM with `-Xmx%s`; wrk runs on the" % facts["heap"],
    "same machine, so the two share its cores as an EHR's load balancer would not.",
    "",
    "| machine | |",
    "|---|---|",
    "| cores (`nproc`) | %s (%s) |" % (facts["nproc"], facts["cpu"]),
    "| memory | %s |" % facts["memory"],
    "| java | %s |" % facts["java"],
    "| wrk | %s |" % facts["wrk"],
    "| load average before / after (1, 5, 15 min) | %s / %s |" % (facts["load_before"], facts["load_after"]),
    "| each measurement | %s, after a %s warm-up per chart and endpoint at 16 connections right before that chart's measurements |" % (facts["duration"], facts["warmup"]),
    "",
]
ORDER = ["typical", "order-sign", "long-stay"]
TITLES = {"typical": "typical chart", "order-sign": "order-sign call (the typical chart, a draft apixaban order)",
          "long-stay": "long-stay chart"}
charts = sorted({r["chart"] for r in results}, key=ORDER.index)
connections = sorted({r["connections"] for r in results})
for chart in charts:
    lines += ["## " + TITLES[chart], "",
              "| connections | endpoint | requests/s | p50 ms | p99 ms | p99.9 ms | max ms | non-2xx | socket errors | of the floor |",
              "|---|---|---|---|---|---|---|---|---|---|"]
    for c in connections:
        floor = result(chart, "floor", c)
        for endpoint in ["pinpoint", "floor"]:
            r = result(chart, endpoint, c)
            of_floor = share(r["rps"], floor["rps"]) if endpoint == "pinpoint" else ""
            lines.append("| %d | %s | %.0f | %.2f | %.2f | %.2f | %.1f | %d | %d | %s |" % (
                c, endpoint, r["rps"], r["p50_ms"], r["p99_ms"], r["p999_ms"], r["max_ms"], r["non2xx"],
                r["socket_errors"], of_floor))
    lines.append("")

lines += ["## Goals at 16 connections", "", "| goal | measured | |", "|---|---|---|"]
if 16 in connections:
    t, tf = result("typical", "pinpoint", 16), result("typical", "floor", 16)
    l, lf = result("long-stay", "pinpoint", 16), result("long-stay", "floor", 16)
    errors = sum(r["result"]["non2xx"] + r["result"]["socket_errors"] for r in results if r["endpoint"] == "pinpoint")
    lines += [
        "| typical >= 50%% of the floor's throughput | %s (%.0f of %.0f requests/s) | %s |" % (
            share(t["rps"], tf["rps"]), t["rps"], tf["rps"], verdict(t["rps"] >= 0.5 * tf["rps"])),
        "| typical p99 <= 10 ms | %.2f ms | %s |" % (t["p99_ms"], verdict(t["p99_ms"] <= 10)),
    ]
    if "order-sign" in charts:
        o, of = result("order-sign", "pinpoint", 16), result("order-sign", "floor", 16)
        lines.append("| order-sign >= 50%% of the floor's throughput (the triage's budget) | %s (%.0f of %.0f requests/s) | %s |" % (
            share(o["rps"], of["rps"]), o["rps"], of["rps"], verdict(o["rps"] >= 0.5 * of["rps"])))
    lines += [
        "| long stay >= 1/3 of the floor's throughput | %s (%.1f of %.1f requests/s) | %s |" % (
            share(l["rps"], lf["rps"]), l["rps"], lf["rps"], verdict(l["rps"] >= lf["rps"] / 3)),
        "| zero errors (non-2xx and socket errors, every Pinpoint run above) | %d | %s |" % (errors, verdict(errors == 0)),
        "| typical >= 3x the HAPI peer's 1,249 requests/s (the issue's figure, not measured here) | %.0f requests/s, %.2fx | %s |" % (
            t["rps"], t["rps"] / PEER_RPS["typical"], verdict(t["rps"] >= 3 * PEER_RPS["typical"])),
        "| long stay >= 3x the HAPI peer's 11 requests/s (idem) | %.1f requests/s, %.2fx | %s |" % (
            l["rps"], l["rps"] / PEER_RPS["long-stay"], verdict(l["rps"] >= 3 * PEER_RPS["long-stay"])),
        ""]

answered = sum(r["result"]["requests"] for r in results + warmups if r["endpoint"] == "pinpoint")
cards = sum(r["result"]["requests"] * facts["cards_per_answer"][r["chart"]]
            for r in results + warmups if r["endpoint"] == "pinpoint")
lines += [
    "## Off-thread audit and issued-card rows",
    "",
    "Every hook call queues an audit row and every card an issued-card row; a background writer stores them in",
    "batches. wrk counts the answers it received; calls still in flight when a run ends are answered and audited",
    "but not counted, so the database may hold a few more rows (at most the connections of each run).",
    "",
    "| | rows stored | answers counted by wrk | drop warnings in the service log |",
    "|---|---|---|---|",
    "| audit (`hook_call_audit`) | %d | %d | %d |" % (facts["audit_rows"], answered, facts["drop_warnings"]),
    "| issued cards (`issued_card`) | %d | %d (cards per answer: %s) | |" % (
        facts["issued_rows"], cards, ", ".join("%s %d" % kv for kv in facts["cards_per_answer"].items())),
    "",
    "## The service's heap after the run (`jcmd GC.heap_info`)",
    "",
    "OutOfMemoryError in the service's log during the run: %d (Pinpoint's calls pass the heap share; the floor's do"
    " not, and its long stays at 64 connections are what can exhaust a 256 MB heap)." % facts["out_of_memory"],
    "",
    "Once the service answers again after the last measurement:",
    "",
    "```",
    facts["heap_loaded"].strip(),
    "```",
    "",
    "After a full GC (`jcmd GC.run`), what stays live:",
    "",
    "```",
    facts["heap_collected"].strip(),
    "```",
    "",
]
with open(out, "w") as f:
    f.write("\n".join(lines))
