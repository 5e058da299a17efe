"""The built site put in place of the old one in one step, so that no reader (and no killed build) ever
finds a half-written site or none at all.

On Linux, ``renameat2(RENAME_EXCHANGE)`` swaps the two folders atomically: ``site/`` stays a real folder
(what hosts' upload steps and web servers expect), and the old site lands in the build's folder, removed only
afterwards. Where the call is missing (another system, a file system without it), two renames are used, and
the old site stays under ``.site-old-<pid>`` until the new one is in place: ``restore_backup`` puts it back if
a build was killed between the two.
"""
from __future__ import annotations

import ctypes
import errno
import os
import shutil
from pathlib import Path

OLD_PREFIX = ".site-old-"
RENAME_EXCHANGE = 2     # linux/fs.h
AT_FDCWD = -100


def exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically with renameat2; False when this system or file system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def swap_into(work: Path, target: Path) -> None:
    """Replace ``target`` by ``work``; the old site is removed only once the new one is in place."""
    os.chmod(work, 0o755)
    if not target.exists():
        work.rename(target)
        return
    if exchange(work, target):
        shutil.rmtree(work, ignore_errors=True)  # the old site, now at the build folder's name
        return
    old = target.with_name(f"{OLD_PREFIX}{os.getpid()}")
    target.rename(old)
    try:
        work.rename(target)
    except OSError:
        old.rename(target)
        raise
    shutil.rmtree(old, ignore_errors=True)


def restore_backup(target: Path) -> Path | None:
    """If a build was killed between the two renames (no ``target``, a backup beside it), put the newest backup
    back; the backup restored, or None."""
    if target.exists():
        return None
    backups = sorted(target.parent.glob(f"{OLD_PREFIX}*"), key=lambda path: path.stat().st_mtime)
    if not backups:
        return None
    backups[-1].rename(target)
    return target
