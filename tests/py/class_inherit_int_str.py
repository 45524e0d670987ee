class Celsius(float):
    def __new__(cls, v):
        return super().__new__(cls, round(v, 1))
    def __repr__(self):
        return f"{float(self)}°C"
c = Celsius(21.456)
print(c, c + 1, type(c + 1).__name__, isinstance(c, float))
class MyInt(int):
    def __add__(self, o):
        return MyInt(int(self) + int(o) + 1000)
print(MyInt(5) + 1, 1 + MyInt(5), MyInt(7) * 2, type(MyInt(7) * 2).__name__, MyInt(3) == 3, hash(MyInt(3)) == hash(3))
class Name(str):
    def shout(self):
        return self.upper() + "!"
n = Name("bob")
print(n.shout(), n + "x", type(n + "x").__name__, n == "bob", {n: 1}["bob"], repr(n), len(n))
class Flag(int):
    pass
print(Flag(1) is not 1, Flag(0) or "falsy", bool(Flag(2)))
