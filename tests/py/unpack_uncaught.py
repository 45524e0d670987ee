def pair():
    return (1, 2, 3)
first, second = pair()
