"""A PEP 517 build backend with the standard library only: a pure-Python wheel of msetl_reader.

pip runs it from this folder (pyproject.toml's backend-path), so ``pip install ./notebooks`` works
offline, without setuptools or wheel being installed.
"""
import base64
import hashlib
import os
import re
import zipfile

NAME, DIST, PACKAGE = "msetl-reader", "msetl_reader", "msetl_reader"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
with open(os.path.join(ROOT, PACKAGE, "__init__.py"), encoding="utf-8") as _f:
    VERSION = re.search(r'^__version__ = "([^"]+)"', _f.read(), re.M).group(1)  # one place for the version
TAG = "py3-none-any"
METADATA = ("Metadata-Version: 2.1\nName: %s\nVersion: %s\nSummary: Readers for msetl exports (SQLite and LightDB "
            "shards)\nRequires-Python: >=3.8\nProvides-Extra: numpy\nProvides-Extra: torch\n"
            "Requires-Dist: numpy; extra == \"numpy\"\nRequires-Dist: numpy; extra == \"torch\"\n"
            "Requires-Dist: torch; extra == \"torch\"\n" % (NAME, VERSION))
WHEEL = "Wheel-Version: 1.0\nGenerator: msetl_build\nRoot-Is-Purelib: true\nTag: %s\n" % TAG


def _files():
    src = os.path.join(ROOT, PACKAGE)
    for name in sorted(os.listdir(src)):
        if name.endswith(".py"):
            yield "%s/%s" % (PACKAGE, name), os.path.join(src, name)


def _record_line(arcname, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return "%s,sha256=%s,%d" % (arcname, digest, len(data))


def _dist_info(metadata_directory):
    info = "%s-%s.dist-info" % (DIST, VERSION)
    os.makedirs(os.path.join(metadata_directory, info), exist_ok=True)
    for name, text in (("METADATA", METADATA), ("WHEEL", WHEEL)):
        with open(os.path.join(metadata_directory, info, name), "w", encoding="utf-8") as f:
            f.write(text)
    return info


def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    return _dist_info(metadata_directory)


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    info = "%s-%s.dist-info" % (DIST, VERSION)
    wheel = "%s-%s-%s.whl" % (DIST, VERSION, TAG)
    records = []
    with zipfile.ZipFile(os.path.join(wheel_directory, wheel), "w", zipfile.ZIP_DEFLATED) as z:
        entries = [(a, open(p, "rb").read()) for a, p in _files()]
        entries += [("%s/METADATA" % info, METADATA.encode()), ("%s/WHEEL" % info, WHEEL.encode())]
        for arcname, data in entries:
            z.writestr(zipfile.ZipInfo(arcname, date_time=(2020, 1, 1, 0, 0, 0)), data)
            records.append(_record_line(arcname, data))
        records.append("%s/RECORD,," % info)
        z.writestr(zipfile.ZipInfo("%s/RECORD" % info, date_time=(2020, 1, 1, 0, 0, 0)), "\n".join(records) + "\n")
    return wheel


def build_sdist(sdist_directory, config_settings=None):
    import tarfile
    name = "%s-%s" % (DIST, VERSION)
    path = os.path.join(sdist_directory, name + ".tar.gz")
    with tarfile.open(path, "w:gz") as t:
        for rel in ["pyproject.toml", "_build/msetl_build.py"] + [a for a, _ in _files()]:
            t.add(os.path.join(ROOT, rel), arcname="%s/%s" % (name, rel))
    return name + ".tar.gz"
