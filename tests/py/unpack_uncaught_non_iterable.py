def coords():
    return 42
x, y = coords()
