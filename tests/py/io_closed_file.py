import sys
import os
base = sys.path[0] + "/io_closed_file_tmpdir"
os.mkdir(base)
try:
    f = open(base + "/x.txt", "w")
    f.write("abc")
    f.close()
    try:
        f.write("more")
    except ValueError as e:
        print(e)
    with open(base + "/x.txt") as g:
        print(g.read(1), g.read(), repr(g.read()))
    try:
        g.read()
    except ValueError as e:
        print(e)
finally:
    os.remove(base + "/x.txt")
    os.rmdir(base)
