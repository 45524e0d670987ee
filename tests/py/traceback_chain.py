try:
    {}["missing"]
except KeyError:
    raise ValueError("bad value")
