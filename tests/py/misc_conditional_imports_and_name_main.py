import sys
if __name__ == "__main__":
    print("running as main")
else:
    print("imported")
try:
    import nonexistent_module_abc
except ImportError:
    nonexistent_module_abc = None
print(nonexistent_module_abc, "sys" in globals())
