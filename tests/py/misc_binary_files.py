import io
import os
import sys

base = sys.path[0] + "/misc_binary_files_tmpdir"
os.mkdir(base)
path = base + "/data.bin"
try:
    with open(path, "wb") as f:
        print(type(f).__name__, f.mode, f.name == path, f.writable(), f.readable(), f.seekable())
        print(f.write(b"line one\n"), f.write(bytearray(b"line two\n")), f.write(memoryview(b"three")))
        print(f.tell())
        try:
            f.read()
        except io.UnsupportedOperation as e:
            print("UnsupportedOperation", e)
        try:
            f.write("text")
        except TypeError as e:
            print(e)
    print(f.closed)
    for op in (lambda: f.write(b"x"), lambda: f.read(), lambda: f.seek(0), lambda: f.tell()):
        try:
            op()
        except (ValueError, io.UnsupportedOperation) as e:
            print(type(e).__name__, e)
    with open(path, "rb") as f:
        print(type(f).__name__, f.readline(), f.readline(4), f.readline(), f.readline(), f.readline())
        print(f.seek(0), f.read(4), f.tell(), f.seek(-5, 2), f.read(), f.read(), f.seek(2, 1), f.tell())
        f.seek(0)
        print(list(f))
        f.seek(0)
        print(f.readlines(), f.read(-1), f.read(None))
        try:
            f.write(b"no")
        except io.UnsupportedOperation as e:
            print("UnsupportedOperation", e)
        try:
            f.seek(0, 7)
        except ValueError as e:
            print(e)
        try:
            f.seek(-1)
        except OSError as e:
            print(type(e).__name__, e)
    with open(path, "r+b") as f:
        print(type(f).__name__, f.read(4), f.write(b"ONE"), f.tell())
        f.seek(0)
        print(f.read(12))
        f.seek(0, 2)
        f.write(b"\x00\xff")
        print(f.tell(), f.truncate(10), f.tell())
    with open(path, "ab") as f:
        print(f.tell(), f.write(b"+appended"))
    with open(path, "rb", buffering=0 if False else -1) as f:
        print(f.read())
    with open(path, "w+b") as f:
        f.write(b"abc" * 5000)
        print(f.tell(), f.seek(0), len(f.read()), f.seek(14999), f.read(5))
    f = open(path, "rb")
    print(repr(f) == f"<_io.BufferedReader name={path!r}>", f.fileno() > 2)
    f.close()
    f.close()
    print(f.closed)
    try:
        open(path, "xb")
    except FileExistsError as e:
        print("FileExistsError", e.errno)
    with open(path, "xb" if False else "wb") as f:
        pass
    print(os.path.getsize(path) if hasattr(os, "path") else 0)
finally:
    for name in os.listdir(base):
        os.remove(base + "/" + name)
    os.rmdir(base)
