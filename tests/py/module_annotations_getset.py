import math, sys
print(math.__annotations__, "__annotations__" in vars(math))
m = type(sys)("m")
print(m.__annotations__)
m.__annotations__ = {"a": 1}
print(m.__annotations__)
del m.__annotations__
print(m.__annotations__)
print(type(sys).__dict__.get("__annotations__"))
x: int = 1
print(__annotations__, __import__("__main__").__annotations__)
