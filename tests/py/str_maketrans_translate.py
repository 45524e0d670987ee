table = str.maketrans({"a": "4", "e": "3", "o": None, "ü": "ue"})
print("hello über aeo".translate(table), sorted(table.items()))
t2 = str.maketrans("abc", "xyz")
print("aabbcc".translate(t2), t2)
class Lookup:
    def __getitem__(self, k):
        if k == ord("!"):
            raise LookupError
        return chr(k).upper()
print("hi!".translate(Lookup()))
try:
    str.maketrans("ab", "c")
except ValueError as e:
    print(e)
