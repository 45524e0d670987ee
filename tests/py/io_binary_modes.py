import sys
import os
base = sys.path[0] + "/io_binary_modes_tmpdir"
os.mkdir(base)
path = base + "/b.bin"
try:
    with open(path, "wb") as f:
        print(f.write(bytes(range(10))), f.write(b"\xff\x00"))
    with open(path, "rb") as f:
        data = f.read()
        print(data, len(data), type(data).__name__)
    with open(path, "rb") as f:
        print(f.read(3), f.tell(), f.seek(-2, 2), f.read(), f.read())
    with open(path, "ab") as f:
        f.write(b"tail")
    with open(path, "rb") as f:
        print(f.read()[-6:])
    with open(path, "wb") as f:
        f.write("é\n".encode())
    with open(path) as f:
        print(repr(f.read()))
    try:
        with open(path, "wb") as f:
            f.write("text")
    except TypeError as e:
        print(e)
    try:
        with open(path, "w") as f:
            f.write(b"bytes")
    except TypeError as e:
        print(e)
    try:
        open(path, "rw")
    except ValueError as e:
        print(e)
finally:
    for name in os.listdir(base):
        os.remove(base + "/" + name)
    os.rmdir(base)
print("cleaned", "io_binary_modes_tmpdir" not in os.listdir(sys.path[0]))
