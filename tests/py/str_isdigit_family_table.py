for s in ["0", "٠", "۳", "१", "²", "½", "Ⅳ", "一", "፩", "𝟘", "⑦", "0x", "-1", " 1"]:
    print(repr(s), s.isdecimal(), s.isdigit(), s.isnumeric(), end=" ")
    try:
        print(int(s))
    except ValueError:
        print("no int")
