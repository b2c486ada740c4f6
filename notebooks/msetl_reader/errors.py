"""The one error type of the reader, and the formats and versions it reads.

Damage, truncation and files of another format or version all become a ``ShardError`` whose
message names the file (and the sample when one is being read), never a bare ``struct.error``
or ``zlib.error``.
"""
import os


MANIFEST_FORMAT = "msetl-export"
SQLITE_FORMAT = "msetl-sqlite-shard"
LIGHTDB_FORMAT = "msetl-lightdb-shard"

# One version for the manifest and both shard formats: they change together.
FORMAT_VERSION = 2

# feature_schema_version values whose arrays this reader knows how to lay out.
FEATURE_SCHEMA_VERSIONS = ("1.0.0",)


class ShardError(ValueError):
    """A manifest or shard that cannot be read as it should (damaged, truncated, other format)."""

    def __init__(self, path, message, sample=None):
        self.path = path
        self.sample = sample
        where = path if sample is None else "%s: sample %d" % (path, sample)
        super().__init__("%s: %s" % (where, message))


def check_header(path, what, fmt, version, want_format, feature_schema_version=None,
                 want_feature_schema_version=None):
    """Refuses a file whose format, format_version or feature_schema_version this reader does not read."""
    if fmt != want_format:
        raise ShardError(path, "%s format is %r, this reader reads %r" % (what, fmt, want_format))
    try:
        v = int(version)
    except (TypeError, ValueError):
        v = version
    if v != FORMAT_VERSION:
        raise ShardError(path, "%s format_version is %r, this reader reads version %d (re-export the tables, "
                               "or use the reader of that version)" % (what, version, FORMAT_VERSION))
    if want_feature_schema_version is not None and feature_schema_version != want_feature_schema_version:
        raise ShardError(path, "%s feature_schema_version is %r, the manifest says %r"
                         % (what, feature_schema_version, want_feature_schema_version))


def check_feature_schema(path, schema):
    """The manifest's feature_schema_version, refused unless this reader knows it."""
    version = schema.get("feature_schema_version") if isinstance(schema, dict) else None
    if version not in FEATURE_SCHEMA_VERSIONS:
        raise ShardError(path, "feature_schema_version is %r, this reader knows %s"
                         % (version, ", ".join(FEATURE_SCHEMA_VERSIONS)))
    return version


# Bumped in every forked child: a shard whose connection or map was opened under another
# generation reopens it (one list read per access instead of a getpid() system call).
FORK_GENERATION = [0]


def _forked():
    FORK_GENERATION[0] += 1


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forked)
