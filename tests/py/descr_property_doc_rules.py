class C(object):
    foo = property(doc="hello")
    @foo.getter
    def foo(self):
        return self._foo
    @foo.setter
    def foo(self, value):
        self._foo = abs(value)
    @foo.deleter
    def foo(self):
        del self._foo
print(C.foo.__doc__)
class D(C):
    @C.foo.deleter
    def foo(self):
        del self._foo
print(D.foo.__doc__)
class E(object):
    @property
    def foo(self):
        """getter doc"""
        return 1
    @foo.setter
    def foo(self, v): pass
print(E.foo.__doc__)
class F:
    p = property(lambda s: 1, doc=None)
print(F.p.__doc__)
class Sub(property):
    """sub doc"""
class G:
    @Sub
    def f(self):
        "fdoc"
print(G.f.__doc__)
class H:
    @Sub
    def f(self): pass
print(H.f.__doc__)
