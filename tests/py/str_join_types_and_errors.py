print(", ".join(map(str, [1, 2.5, None, True])), "".join(("a", "b")), "-".join("xyz"), "|".join({"k": 1}), " ".join(x for x in ["g", "e", "n"]))
class S(str):
    pass
print("+".join([S("a"), S("b")]), type("+".join([S("a")])).__name__)
for bad in [[1, 2], ["a", None], [b"x"]]:
    try:
        ",".join(bad)
    except TypeError as e:
        print(e)
