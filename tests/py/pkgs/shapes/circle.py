from .util.consts import PI
print("shapes.circle loading")
def area(r):
    return PI * r * r
