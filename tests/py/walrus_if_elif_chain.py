def classify(s):
    if (n := len(s)) == 0:
        return "empty"
    elif (first := s[0]).isdigit():
        return f"starts with digit {first}, len {n}"
    elif (upper := s.upper()) == s:
        return f"all caps ({upper})"
    return f"other len {n}"
for s in ["", "1abc", "ABC", "abc"]:
    print(classify(s))
