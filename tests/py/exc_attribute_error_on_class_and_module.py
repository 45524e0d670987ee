import sys
try:
    sys.no_such_attribute
except AttributeError as e:
    print(e)
class K:
    pass
try:
    K.missing
except AttributeError as e:
    print(e)
try:
    int.nope
except AttributeError as e:
    print(e)
try:
    (lambda: 0).nope
except AttributeError as e:
    print(e)
try:
    type.nope
except AttributeError as e:
    print(e)
try:
    sys.exitt
except AttributeError as e:
    print(e)
