print("shapes.square loading, __name__ =", __name__, "__package__ =", __package__)
class Square:
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s * self.s
