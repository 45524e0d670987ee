for key in ["a", 1, (1, 2), None, "", "with 'quote'", KeyError("nested")]:
    e = KeyError(key)
    print(repr(str(e)), repr(e))
