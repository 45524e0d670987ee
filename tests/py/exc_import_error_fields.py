e = ImportError('x', name='n')
print(e.__dict__, e.name, e.path, e.msg)
e.__init__()
print(e.args, e.msg, e.name, e.path)
m = ModuleNotFoundError('y', name='q', path='/p')
print(m.name, m.path, vars(m))
print(m.__reduce__())
m.extra = 1
print(m.__reduce__())
print(ImportError('z').__reduce__())
m.name = None
print(m.name, m.__reduce__())
try:
    import no_such_module_here
except ImportError as err:
    print(type(err).__name__, err.name, err.path, err.msg, vars(err))
try:
    from sys import no_such_name
except ImportError as err:
    print(err.name, err.name_from, err.msg)
try:
    ImportError(bad=1)
except TypeError as err:
    print(err)
