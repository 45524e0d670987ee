class MyList(list):
    pass
class MyStr(str):
    pass
class MyDict(dict):
    pass
ml = MyList([3, 1, 2])
print(type(ml + ml).__name__, type(ml * 2).__name__, type(ml[:]).__name__, type(sorted(ml)).__name__, type(ml.copy()).__name__)
ms = MyStr("ab")
print(type(ms.upper()).__name__, type(ms + "c").__name__, type(ms[0]).__name__, type(str(ms)).__name__, type(ms * 2).__name__)
md = MyDict(a=1)
print(type(md.copy()).__name__, type(md | {}).__name__, type(dict(md)).__name__, type(MyDict.fromkeys("a")).__name__)
