import sys
import os
base = sys.path[0] + "/io_readline_iteration_and_seek_tmpdir"
os.mkdir(base)
path = base + "/r.txt"
try:
    with open(path, "w") as f:
        for i in range(5):
            f.write(f"line {i}\n")
    with open(path) as f:
        print(f.readline().rstrip(), f.tell())
        print(f.readline(3), f.readline())
        f.seek(0)
        print(next(f).rstrip(), len(f.readlines()))
        print(repr(f.readline()), repr(f.read()))
    with open(path) as f:
        print(sum(1 for _ in f), f.closed)
    with open(path, "rb") as f:
        print(f.readline(), f.read(4), f.seek(0), f.read(6))
finally:
    for name in os.listdir(base):
        os.remove(base + "/" + name)
    os.rmdir(base)
print("cleaned")
