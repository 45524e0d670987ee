import types
print(types.FunctionType, types.GeneratorType, types.CoroutineType, types.AsyncGeneratorType, types.MethodType)
print(types.ModuleType, types.NoneType, types.EllipsisType, types.NotImplementedType, types.CellType, types.CodeType)
print(types.BuiltinFunctionType, types.TracebackType, types.FrameType, types.GenericAlias, types.UnionType)
def f(): pass
print(isinstance(f, types.FunctionType), isinstance(len, types.BuiltinFunctionType), isinstance(types, types.ModuleType))
m = types.ModuleType("mymod", "doc")
print(m, m.__name__, m.__doc__)
ns = types.SimpleNamespace(a=1, b=[2])
print(ns, ns.a, ns == types.SimpleNamespace(b=[2], a=1), ns != types.SimpleNamespace())
ns.c = ns
print(ns)
del ns.c
print(vars(ns), types.SimpleNamespace({"x": 1}, y=2), types.SimpleNamespace([("p", 1)]))
for bad in [lambda: types.SimpleNamespace(1, 2), lambda: types.SimpleNamespace({1: 2})]:
    try: bad()
    except TypeError as e: print(e)
try: ns.zzz
except AttributeError as e: print(e)
C = types.new_class("C", (int,), {}, lambda ns: ns.update(x=5))
print(C.__name__, C.__bases__, C.x, C(7) + 1)
print(types.resolve_bases((int, list[int])), types.prepare_class("D", (int,)))
class Meta(type):
    @classmethod
    def __prepare__(m, name, bases, **kw): return {"prepared": True}
D = types.new_class("D", (), {"metaclass": Meta})
print(type(D).__name__, D.prepared)
E = types.new_class("E", (list[int],))
print(E.__orig_bases__, E.__bases__, types.get_original_bases(E))
bm = types.MethodType(f, 42)
print(bm.__self__, bm.__func__ is f)
print(types.MappingProxyType({"a": 1}))
print([n for n in ("FunctionType", "new_class", "SimpleNamespace", "_f") if n in types.__all__])
for a in [(), (1,2), (len, None)]:
    try: types.MethodType(*a)
    except TypeError as e: print(e)
