class Weird:
    def __lt__(self, o):
        return "lt-string"
    def __eq__(self, o):
        return [1]
    def __bool__(self):
        return False
w = Weird()
print(w < 1, w == 1, bool(w == 1), 1 > w)
if w < 1:
    print("truthy string")
print(not w, (w and "x") is w, w or "fallback")
print([w] == [w], [Weird()] == [Weird()])
