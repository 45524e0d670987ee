import sys
print(sys.path[0].endswith("py"), isinstance(sys.path, list), all(isinstance(p, str) for p in sys.path))
