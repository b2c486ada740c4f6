"""Read benchmark for one split of an export: full scan in batches, and random single samples.

    python3 notebooks/bench_read.py out/exports [split] [batch] [random_samples] [format]

format is sqlite (default) or lightdb (the same export written with --format both).

Prints samples/s for the scan (every array decoded) and microseconds per random sample.
"""
import os
import random
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import msetl_reader  # noqa: E402


def main(argv):
    path = argv[1] if len(argv) > 1 else "out/exports"
    split_name = argv[2] if len(argv) > 2 else "train"
    batch = int(argv[3]) if len(argv) > 3 else 1024
    randoms = int(argv[4]) if len(argv) > 4 else 20000
    fmt = argv[5] if len(argv) > 5 else "sqlite"
    export = msetl_reader.open_export(path, format=fmt)
    split = export.split(split_name)
    n = len(split)
    print("export %s split %s format %s: %d samples in %d shards, numpy=%s"
          % (export.path, split_name, fmt, n, len(split.shards), msetl_reader.HAVE_NUMPY))

    for label in ("scan (cold page cache)", "scan (warm)"):
        t0, c0 = time.perf_counter(), time.process_time()
        seen = 0
        atoms = 0
        for start in range(0, n, batch):
            for s in split.batch(start, start + batch):
                seen += 1
                atoms += s["node_features"].shape[0]
        dt, cpu = time.perf_counter() - t0, time.process_time() - c0
        print("%-24s %d samples in %.2f s = %.0f samples/s wall, %.0f samples per CPU second (%.1f atoms/sample)"
              % (label, seen, dt, seen / dt, seen / cpu, atoms / max(seen, 1)))

    rng = random.Random(0)
    picks = [rng.randrange(n) for _ in range(randoms)]
    t0, c0 = time.perf_counter(), time.process_time()
    for i in picks:
        split[i]
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    print("random access            %d samples: %.1f us per sample wall, %.1f us CPU" % (randoms, dt / randoms * 1e6, cpu / randoms * 1e6))


if __name__ == "__main__":
    main(sys.argv)
