import os
import sys
print(os.sep, os.pathsep, os.curdir, os.pardir, os.name, repr(os.linesep), os.altsep)
print(os.path.join("a", "b", "c"), os.path.join("a/", "b"), os.path.join("a", "/abs", "c"), os.path.join("", "x"), os.path.join("a", ""))
print(os.path.basename("/x/y/z.txt"), os.path.dirname("/x/y/z.txt"), os.path.basename("/x/y/"), os.path.dirname("z.txt"), os.path.dirname("/"), os.path.dirname("//a"))
print(os.path.split("/x/y/z"), os.path.split("z"), os.path.split("/"), os.path.splitext("a/b.tar.gz"), os.path.splitext(".bashrc"), os.path.splitext("a/..b"), os.path.splitext("noext"))
print(os.path.isabs("/a"), os.path.isabs("a"), os.path.normpath("a//b/./c/../d"), os.path.normpath("/../x"), os.path.normpath(""), os.path.normpath("../../a"), os.path.normpath("//a/b"))
here = sys.path[0]
print(os.path.exists(here), os.path.isdir(here), os.path.isfile(here), os.path.isfile(here + "/imp_os_path.py"), os.path.exists(here + "/nope"))
print(os.path.abspath("x") == os.path.join(os.getcwd(), "x"), os.path.abspath("/a/./b/..") , os.getcwd() == os.path.abspath("."))
print(type(os.getpid()).__name__, type(os.environ).__name__ in ("dict", "_Environ"), os.getenv("IMP_SURELY_UNSET_VAR"), os.getenv("IMP_SURELY_UNSET_VAR", "dflt"))
print(sorted(os.listdir(here + "/imp_mods/imp_pkg/sub")))
print(os.path.getsize(here + "/imp_mods/imp_pkg/sub/sibling.py"))
for f, arg in [(os.listdir, here + "/nope"), (os.rmdir, here + "/nope"), (os.remove, here + "/nope"), (os.mkdir, here)]:
    try:
        f(arg)
    except OSError as e:
        print(type(e).__name__, e.errno, str(e).split(": '")[0])
try:
    os.path.join("a", 5)
except TypeError as e:
    print("TypeError", type(e).__name__)
print(os.path is sys.modules["os.path"])
