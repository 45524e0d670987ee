import sys
import os
base = sys.path[0] + "/io_text_newlines_and_encoding_tmpdir"
os.mkdir(base)
path = base + "/n.txt"
try:
    with open(path, "wb") as f:
        f.write(b"unix\nwindows\r\nmac\rend")
    with open(path) as f:
        print(repr(f.read()))
    with open(path, newline="") as f:
        print(repr(f.read()))
    with open(path, "rb") as f:
        print(f.read())
    with open(path, "w", encoding="latin-1") as f:
        f.write("café\n")
    with open(path, "rb") as f:
        print(f.read())
    with open(path, encoding="latin-1") as f:
        print(f.read().strip())
    try:
        with open(path, encoding="utf-8") as f:
            f.read()
    except UnicodeDecodeError as e:
        print("UnicodeDecodeError", e.reason)
    with open(path, "w") as f:
        print("via print", 1, 2, file=f)
        f.writelines(["a\n", "b\n"])
    with open(path) as f:
        print([line for line in f])
finally:
    for name in os.listdir(base):
        os.remove(base + "/" + name)
    os.rmdir(base)
print("cleaned")
