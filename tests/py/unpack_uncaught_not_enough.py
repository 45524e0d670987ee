def parse(line):
    key, value = line.split("=")
    return key, value
print(parse("a=1"))
print(parse("novalue"))
