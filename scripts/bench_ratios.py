#!/usr/bin/env python3
"""Prints Layerscope's training throughput against the peers of the same run (a JSON Lines file
written by scripts/bench.sh): ratios to the best peer, and the share of the dgemm ceiling."""
import json
import sys


def main(path):
    rows = [json.loads(line) for line in open(path) if line.startswith("{")]
    ours = [r for r in rows if r.get("peer") == "layerscope" and "samples_per_s_median" in r]
    peers = [r for r in rows if r.get("peer") in ("pytorch", "numpy") and r.get("dtype") == "float64"]
    ceiling = {r["threads"]: r["gflops_median"] for r in rows if r.get("lib") and r.get("dtype") == "float64"}
    print("\nworkload  stats      OpenBLAS threads  samples/s  best peer (samples/s)   ratio  GFLOPS  of dgemm ceiling")
    for r in ours:
        same = [p for p in peers if p["workload"] == r["workload"]]
        best = max(same, key=lambda p: p["samples_per_s_median"], default=None)
        best_rate = best["samples_per_s_median"] if best else float("nan")
        best_name = best["peer"] if best else "none"
        share = r["gflops_median"] / ceiling[r["threads"]] if r["threads"] in ceiling else float("nan")
        print(f'{r["workload"]:<9} {r["stats"]:<10} {r["threads"]:<17} {r["samples_per_s_median"]:>9.0f}  '
              f'{best_name + " " + format(best_rate, ".0f"):<22} {r["samples_per_s_median"] / best_rate:6.2f}  '
              f'{r["gflops_median"]:6.2f}  {share:6.0%}')
    for r in ours:
        if r["stats"] == "per-epoch":
            print(f'workload {r["workload"]}, {r["threads"]} thread(s): the statistics snapshot takes '
                  f'{r["stats_share_median"]:.1%} of an epoch (scoring loss and accuracy '
                  f'{r["scoring_seconds_median"]:.3f} s of a {r["snapshot_seconds_median"]:.3f} s snapshot)')


if __name__ == "__main__":
    main(sys.argv[1])
