# unexpected keyword arguments of int() and list.sort()/sorted(): CPython 3.13's 'Did you mean' suggestions
for f in [lambda: [].sort(REVERSE=1), lambda: [].sort(Reverse=1), lambda: int('1', bas=2), lambda: int('1', Base=2), lambda: [].sort(kye=1), lambda: [].sort(ky=1), lambda: sorted([], revers=True)]:
    try:
        f()
    except TypeError as e:
        print(e)
