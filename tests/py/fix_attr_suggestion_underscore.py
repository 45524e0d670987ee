# AttributeError suggestions search dir(obj); underscored names only for underscored typos.
class Box:
    _content = 1
    content_size = 2


b = Box()
try:
    b.content_sise
except AttributeError as e:
    print(e, e.name, e.obj is b)
b._contnt
