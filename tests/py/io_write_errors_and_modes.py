import sys
import os
base = sys.path[0] + "/io_write_errors_and_modes_tmpdir"
os.mkdir(base)
path = base + "/w.txt"
try:
    with open(path, "w") as f:
        f.write("abc")
        try:
            f.read()
        except Exception as e:
            print(type(e).__name__, e)
    with open(path) as f:
        try:
            f.write("x")
        except Exception as e:
            print(type(e).__name__, e)
    with open(path, "a+") as f:
        f.write("def")
        f.seek(0)
        print(f.read())
    with open(path, "w+") as f:
        print(repr(f.read()))
        f.write("new")
        f.seek(0)
        print(f.read())
    for mode in ["z", "rw", "rbt", ""]:
        try:
            open(path, mode)
        except ValueError as e:
            print(repr(mode), e)
    try:
        open(base)
    except IsADirectoryError as e:
        print(type(e).__name__, e.errno)
finally:
    for name in os.listdir(base):
        os.remove(base + "/" + name)
    os.rmdir(base)
print("cleaned")
