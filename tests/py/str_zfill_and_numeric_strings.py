for s in ["42", "-42", "+42", "", "abc", "-", "3.14", "-0.5", "1e5"]:
    print(repr(s), repr(s.zfill(6)), repr(s.rjust(6, "0")))
