for v in ["abc", "é", "日本", "\n", "😀", ["é", 1], {"ü": b"\xff"}]:
    print(ascii(v), repr(v))
class R:
    def __repr__(self):
        return "Rép"
print(ascii(R()), repr(R()))
