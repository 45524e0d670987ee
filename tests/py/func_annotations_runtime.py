def f(x: int, y: "str" = "a", *args: float, z: list[int] = None, **kw: dict) -> bool:
    return True
print(f.__annotations__)
class C:
    a: int
    b: str = "x"
    def m(self) -> None:
        pass
print(C.__annotations__, C.b, hasattr(C, "a"), C.m.__annotations__)
x: int = 5
print(__annotations__ if "__annotations__" in dir() else "none", x)
