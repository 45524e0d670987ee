print(repr(print), repr(len), repr(int), repr(type), repr(object), repr(None), repr(NotImplemented), repr(Ellipsis))
print(repr(int.__add__)[:35], repr([].append)[:35], repr(str.upper)[:30], repr(dict.fromkeys)[:35])
import sys
print(repr(sys)[:20], type(sys).__name__, repr(type(sys)))
