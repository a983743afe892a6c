#!/usr/bin/env python3
"""Prints Layerscope's training throughput against the peers of the same run (a JSON Lines file
written by scripts/bench.sh): the ratio to the fastest peer setting, and the share of the highest
1024 x 1024 dgemm rate measured in the run with the same OpenBLAS thread count."""
import json
import sys


def peer_name(row):
    return f'{row["peer"]} ({row.get("peer_blas", "system")} BLAS)'


def main(path):
    rows = [json.loads(line) for line in open(path) if line.startswith("{")]
    ours = [r for r in rows if r.get("peer") == "layerscope" and "samples_per_s_median" in r]
    peers = [r for r in rows if r.get("peer") in ("pytorch", "numpy") and r.get("dtype") == "float64"]
    ceiling = {}
    for r in rows:
        if r.get("lib") and r.get("dtype") == "float64":
            threads = str(r["threads"])
            if r["gflops_median"] > ceiling.get(threads, (0, ""))[0]:
                ceiling[threads] = (r["gflops_median"], r["lib"] + " " + r.get("peer_blas", ""))
    for threads, (gflops, source) in sorted(ceiling.items()):
        print(f"dgemm ceiling, {threads} thread(s): {gflops:.1f} GFLOPS ({source.strip()})")
    print("\nworkload  stats      threads  samples/s  fastest peer                          ratio  GFLOPS  of ceiling")
    for r in ours:
        same = [p for p in peers if p["workload"] == r["workload"]]
        best = max(same, key=lambda p: p["samples_per_s_median"], default=None)
        best_rate = best["samples_per_s_median"] if best else float("nan")
        best_text = f'{peer_name(best)} {best_rate:.0f}' if best else "none"
        share = r["gflops_median"] / ceiling[r["threads"]][0] if r["threads"] in ceiling else float("nan")
        print(f'{r["workload"]:<9} {r["stats"]:<10} {r["threads"]:<8} {r["samples_per_s_median"]:>9.0f}  '
              f'{best_text:<37} {r["samples_per_s_median"] / best_rate:6.2f}  {r["gflops_median"]:6.2f}  {share:6.0%}')
    print()
    for r in ours:
        if r["stats"] == "per-epoch":
            print(f'workload {r["workload"]}, {r["threads"]} thread(s): the statistics snapshot takes '
                  f'{r["stats_share_median"]:.1%} of an epoch (scoring loss and accuracy '
                  f'{r["scoring_seconds_median"]:.3f} s of a {r["snapshot_seconds_median"]:.3f} s snapshot)')


if __name__ == "__main__":
    main(sys.argv[1])
