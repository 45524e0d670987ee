# NameError for a standard-library module's name: "Did you forget to import"; with a near
# local name too, both hints.
def area(r):
    mathh = 3
    return math.pi * r * r


area(2)
