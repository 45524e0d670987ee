for ch in "aA1 _\t\n.éÉ٣½€😀\u0301\u200d\x00":
    print(hex(ord(ch)), ch.isalpha(), ch.isdigit(), ch.isnumeric(), ch.isspace(), ch.isprintable(), ch.isupper(), ch.islower(), repr(ch))
