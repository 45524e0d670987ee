a = {"x": 1, "y": 2}
b = {"y": 2, "x": 1}
print(a == b, list(a) == list(b), a.items() == b.items(), list(a.values()) == list(b.values()), a.keys() == b.keys())
print({1: [1]} == {1: [1]}, {1: 1} == {1.0: 1.0}, {} == dict(), {"a": 1} != {"a": 1, "b": 2})
try:
    a < b
except TypeError as e:
    print(e)
