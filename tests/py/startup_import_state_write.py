# Writing sys.meta_path before any import made the import system's objects: the value written
# is the one the next import uses.
import sys
sys.meta_path = []
try:
    import math
except ImportError as e:
    print(type(e).__name__, e)
print(sys.meta_path)
