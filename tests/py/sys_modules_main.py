import sys
main = sys.modules["__main__"]
print(main.__name__, type(main).__name__, hasattr(main, "sys"))
secret = 42
print(main.secret, getattr(sys.modules[__name__], "secret"))
print("builtins" in sys.modules, sys.modules["sys"] is sys)
