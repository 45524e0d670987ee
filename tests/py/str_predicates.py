for s in ["abc", "ABC", "Abc Def", "123", "12.3", "", " ", "\t\n", "abc123", "ɑβγ", "٣", "½", "Ⅻ", "a_b", "_id", "1x", "class"]:
    print(repr(s), s.isalpha(), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isalnum(), s.isspace(), s.islower(), s.isupper(), s.istitle(), s.isidentifier(), s.isascii(), s.isprintable())
