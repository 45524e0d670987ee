import sys
import os
base = sys.path[0] + "/imp_open_files_tmpdir"
os.mkdir(base)
path = base + "/data.txt"
try:
    with open(path, "w") as f:
        print(f.write("first line\n"), f.write("second\r\nthird\rfourth"), f.name == path, f.mode, f.closed)
        f.writelines(["\nfive", "\n"])
    print(f.closed)
    with open(path) as f:
        print(repr(f.read()))
    with open(path, "r") as f:
        print(repr(f.readline()), repr(f.readline(3)), repr(f.readline()))
        print(f.readlines())
        print(repr(f.readline()), repr(f.read()))
    f = open(path, encoding="utf-8")
    lines = [line for line in f]
    f.close()
    print(len(lines), lines[0], end="")
    with open(path) as f:
        print(repr(f.read(5)), repr(f.read(0)), f.tell())
        f.seek(0)
        print(repr(f.read(5)))
    with open(path, "a") as f:
        print("appended", 1, file=f)
    with open(path) as f:
        print(f.read().split("\n")[-2:])
    with open(path, "w") as f:
        f.write("héllo wörld ✓\n")
    with open(path) as f:
        print(f.read(), end="")
    try:
        open(base + "/missing.txt")
    except FileNotFoundError as e:
        print(type(e).__name__, e.errno, e.strerror, e.filename.endswith("missing.txt"), str(e).startswith("[Errno 2] No such file or directory: '"))
    try:
        open(path, "x")
    except FileExistsError as e:
        print(type(e).__name__, e.errno, e.strerror)
    try:
        open(base)
    except IsADirectoryError as e:
        print(type(e).__name__, e.errno)
    with open(base + "/new.txt", "x") as f:
        f.write("created")
    with open(base + "/new.txt", "r+") as f:
        f.write("C")
        f.seek(0)
        print(f.read())
    for mode in ["q", "rr", "rw", "", "rtb"]:
        try:
            open(path, mode)
        except ValueError as e:
            print(repr(mode), e)
    try:
        open(path, encoding="no-such-codec")
    except LookupError as e:
        print(type(e).__name__, e)
    try:
        open(5.5)
    except TypeError as e:
        print("TypeError", e)
    with open(path, "w") as f:
        try:
            f.read()
        except OSError as e:
            print(type(e).__name__, e)
    with open(path) as f:
        try:
            f.write("x")
        except OSError as e:
            print(type(e).__name__, e)
    f = open(path)
    f.close()
    f.close()
    for op in [f.read, f.readline, f.flush]:
        try:
            op()
        except ValueError as e:
            print("ValueError", e)
    try:
        iter(f)
    except ValueError as e:
        print("ValueError", e)
    print(repr(open(path)).startswith("<_io.TextIOWrapper name='"))
finally:
    for name in sorted(os.listdir(base)):
        os.remove(base + "/" + name)
    os.rmdir(base)
print("cleaned up", os.path.exists(base))
