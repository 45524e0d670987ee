def parse(tokens, depth=0):
    if not tokens:
        raise SyntaxError("unexpected end of input")
    head = tokens[0]
    if head == "(":
        return parse(tokens[1:], depth + 1)
    return head, depth
print(parse(["(", "(", "x"]))
print(parse(["(", "("]))
