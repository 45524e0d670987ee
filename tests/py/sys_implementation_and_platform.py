import sys
impl = sys.implementation
print(isinstance(impl.name, str), impl.version[:2] >= (3, 13) or impl.name != "cpython", hasattr(impl, "cache_tag"), isinstance(sys.platform, str))
print(sys.platform.startswith(("linux", "darwin", "win")), isinstance(sys.executable, str), sys.stdin is not None, sys.stderr is not sys.stdout)
