def risky():
    return {}["key"]
try:
    risky()
except KeyError:
    print("handling KeyError")
    fallback = [][0]
