def parse_port(s):
    return int(s)
print(parse_port("80"))
print(parse_port("eighty"))
