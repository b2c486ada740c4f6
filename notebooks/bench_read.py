"""Read benchmark of an export, both shard formats side by side with an in-memory list.

    python3 notebooks/bench_read.py EXPORTS [--split train] [--batch 128] [--random 20000]
                                    [--workers 0,2] [--tables TABLES_DIR] [--limit N]

Per format: random access (us per ``split[i]``), DataLoader epoch samples/s through the package's
collate at each --workers (shuffled, seeded), reader RSS (a fresh process opens the export and
iterates every sample of the split), and shard bytes per sample (bytes / samples of the whole
export; with --tables also the ratio to the tables' Parquet bytes). The in-memory list baseline
(the same samples as a Python list of dicts, DataLoader over it with the same collate) is measured
in the same run. Numbers are wall time on a shared machine: compare them side by side, not with
another run. The OS page cache is never dropped (that needs root and disturbs everyone): the first
random-access pass is "first pass in this process", not a cold-cache number.
"""
import argparse
import os
import random
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import msetl_reader  # noqa: E402
from msetl_reader import collate_graphs  # noqa: E402
from msetl_reader import torch_dataset  # noqa: E402

FORMATS = ("sqlite", "lightdb")


def rss_kib():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def random_access(split, picks):
    t0 = time.perf_counter()
    for i in picks:
        split[i]
    return (time.perf_counter() - t0) / len(picks) * 1e6


def epoch(loader):
    t0 = time.perf_counter()
    n = 0
    for b in loader:
        n += b.num_graphs
    return n, n / (time.perf_counter() - t0)


def list_loader(samples, batch, workers, seed):
    torch = torch_dataset.torch
    g = torch.Generator().manual_seed(seed)
    return torch.utils.data.DataLoader(samples, batch_size=batch, shuffle=True, generator=g,
                                       collate_fn=collate_graphs, num_workers=workers)


def parquet_bytes(tables):
    total = 0
    for name in ("compounds", "spectra", "graph_features", "dataset_splits"):
        for root, _, files in os.walk(os.path.join(tables, name)):
            total += sum(os.path.getsize(os.path.join(root, f)) for f in files if f.endswith(".parquet"))
    return total


def rss_child(path, fmt, split_name):
    """Runs in a fresh interpreter: RSS added by opening the export and iterating one split."""
    import importlib
    importlib.import_module("numpy")  # before the baseline: the reader's cost, not numpy's
    before = rss_kib()
    with msetl_reader.open_export(path, format=fmt) as e:
        split = e.split(split_name)
        n = sum(1 for _ in split)
        after = rss_kib()
    print("%d %d %d" % (n, before, after))


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("exports")
    ap.add_argument("--split", default="train")
    ap.add_argument("--batch", type=int, default=128)
    ap.add_argument("--random", type=int, default=20000)
    ap.add_argument("--workers", default="0,2")
    ap.add_argument("--tables", help="tables folder the export came from (for the Parquet ratio)")
    ap.add_argument("--limit", type=int, help="use only the first N samples of the split")
    ap.add_argument("--rss-child", nargs=3, help=argparse.SUPPRESS)
    a = ap.parse_args(argv[1:])
    if a.rss_child:
        return rss_child(*a.rss_child)
    if torch_dataset.torch is None:
        sys.exit("bench_read: the DataLoader passes need PyTorch (Debian: python3-torch)")
    workers = [int(w) for w in a.workers.split(",") if w != ""]
    exports = {f: msetl_reader.open_export(a.exports, format=f) for f in FORMATS}
    path = exports["sqlite"].path
    manifest = exports["sqlite"].manifest
    total_samples = sum(s["samples"] for s in manifest["splits"].values())
    splits = {f: e.split(a.split) for f, e in exports.items()}
    n = len(splits["lightdb"]) if a.limit is None else min(a.limit, len(splits["lightdb"]))
    print("export %s, split %s: %d samples (%d in the export), batch %d, python %s, torch %s, %d CPUs"
          % (path, a.split, n, total_samples, a.batch, sys.version.split()[0], torch_dataset.torch.__version__,
             os.cpu_count()))
    print("machine shared with other work: wall-clock numbers, compare within this run only")

    rng = random.Random(0)
    picks = [rng.randrange(n) for _ in range(a.random)]
    print("\nrandom access, us per split[i] (%d random indexes)" % a.random)
    for f in FORMATS:
        first = random_access(splits[f], picks)
        second = random_access(splits[f], picks)
        print("  %-8s first pass in this process %6.1f   second pass %6.1f" % (f, first, second))
    baseline = splits["lightdb"][0:n]
    t0 = time.perf_counter()
    for i in picks:
        baseline[i]
    print("  %-8s %6.2f" % ("list", (time.perf_counter() - t0) / len(picks) * 1e6))

    print("\nDataLoader epoch, samples/s (shuffled, seed 0, collate_graphs, batch %d)" % a.batch)
    torch = torch_dataset.torch
    torch.set_num_threads(1)
    for w in workers:
        rates = {}
        for f in FORMATS:
            sub = splits[f] if a.limit is None else _Limited(splits[f], n)
            loader = torch_dataset.loader(sub, batch_size=a.batch, seed=0, num_workers=w)
            rates[f] = epoch(loader)[1]
        rates["list"] = epoch(list_loader(baseline, a.batch, w, 0))[1]
        print("  num_workers=%d  list %8.0f   lightdb %8.0f (%3.0f%% of list, goal >= 100%%)   "
              "sqlite %8.0f (%3.0f%% of list, goal >= 50%%)"
              % (w, rates["list"], rates["lightdb"], 100 * rates["lightdb"] / rates["list"], rates["sqlite"],
                 100 * rates["sqlite"] / rates["list"]))
    del baseline

    print("\nreader RSS: a fresh process opens the export and iterates every sample of %s (goal < 100 MB added)"
          % a.split)
    for f in FORMATS:
        out = subprocess.run([sys.executable, os.path.abspath(__file__), a.exports, "--rss-child", path, f, a.split],
                             capture_output=True, text=True, check=True).stdout.split()
        count, before, after = (int(x) for x in out)
        print("  %-8s %d samples: RSS %.1f MB -> %.1f MB, %.1f MB added"
              % (f, count, before / 1024, after / 1024, (after - before) / 1024))

    print("\nshard bytes (whole export)")
    pq = parquet_bytes(a.tables) if a.tables else None
    for f in FORMATS:
        b = sum(x["bytes"] for x in manifest["files"] if x["format"] == f)
        ratio = "" if not pq else ", %.2f x the %.1f MB of Parquet (goal <= 1.5)" % (b / pq, pq / 1e6)
        print("  %-8s %.1f MB, %.0f bytes per sample%s" % (f, b / 1e6, b / max(total_samples, 1), ratio))
    for e in exports.values():
        e.close()


class _Limited:
    """The first n samples of a split (for quick runs)."""

    def __init__(self, split, n):
        self.split, self.n = split, n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        return self.split[i]

    def collated(self, indexes):
        return self.split.collated(indexes)


if __name__ == "__main__":
    main(sys.argv)
