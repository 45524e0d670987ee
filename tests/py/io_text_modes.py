import sys
import os
base = sys.path[0] + "/io_text_modes_tmpdir"
os.mkdir(base)
path = base + "/t.txt"
try:
    with open(path, "w") as f:
        n = f.write("line one\nline two\n")
        f.write("héllo\n")
        print("wrote", n, f.closed, f.mode, f.name.endswith("t.txt"))
    print(f.closed)
    with open(path) as f:
        print(repr(f.read()))
    with open(path) as f:
        print(f.readline(), end="")
        print(f.readlines())
    with open(path, "a") as f:
        print("appended", file=f)
    with open(path, encoding="utf-8") as f:
        for i, line in enumerate(f):
            print(i, line.rstrip("\n"))
    with open(path, "r+") as f:
        f.seek(0)
        f.write("LINE")
    print(open(path).read().splitlines())
    try:
        open(base + "/missing.txt")
    except FileNotFoundError as e:
        print(type(e).__name__, e.errno, e.strerror)
    try:
        with open(path, "x"):
            pass
    except FileExistsError as e:
        print(type(e).__name__, e.strerror)
finally:
    for name in os.listdir(base):
        os.remove(base + "/" + name)
    os.rmdir(base)
print("removed", "io_text_modes_tmpdir" not in os.listdir(sys.path[0]))
