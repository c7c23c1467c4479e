"""The shape of a built site: files, bytes, pages, and where they go (for compare_hugo.py)."""
import os


def walk(root, prefix=""):
    """(relative path, stat) of every regular file under root."""
    try:
        entries = list(os.scandir(root))
    except FileNotFoundError:
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            yield from walk(entry.path, prefix + entry.name + "/")
        elif entry.is_file(follow_symlinks=False):
            yield prefix + entry.name, entry.stat(follow_symlinks=False)


def snapshot(root):
    """Identity of every file (inode, mtime, size): what a rebuild rewrote is what changed here."""
    return {path: (st.st_ino, st.st_mtime_ns, st.st_size) for path, st in walk(str(root))}


class OutputShape:
    def __init__(self):
        self.files = self.bytes = self.pages = 0
        self.folders = {}    # top-level folder → [files, bytes, pages]
        self.largest = []    # (bytes, path) of HTML pages

    @classmethod
    def of(cls, root):
        shape = cls()
        for path, st in walk(str(root)):
            folder = path.split("/", 1)[0] + "/" if "/" in path else "(top level)"
            counts = shape.folders.setdefault(folder, [0, 0, 0])
            counts[0] += 1
            counts[1] += st.st_size
            shape.files += 1
            shape.bytes += st.st_size
            if path.endswith(".html"):
                counts[2] += 1
                shape.pages += 1
                shape.largest.append((st.st_size, path))
        shape.largest = sorted(shape.largest, reverse=True)[:5]
        return shape

    def describe(self):
        lines = [f"{self.pages:,} pages, {self.files:,} files ({self.files / max(1, self.pages):.2f} files a page), "
                 f"{self.bytes / 1e6:.1f} MB. Largest pages: "
                 + ", ".join(f"{path} {size / 1e6:.2f} MB" for size, path in self.largest) + ".", "",
                 "| folder | files | pages | MB | share of bytes |", "|---|---:|---:|---:|---:|"]
        for folder, (files, size, pages) in sorted(self.folders.items(), key=lambda item: -item[1][1]):
            lines.append(f"| {folder} | {files:,} | {pages:,} | {size / 1e6:.1f} | {100 * size / max(1, self.bytes):.1f}% |")
        return "\n".join(lines)
