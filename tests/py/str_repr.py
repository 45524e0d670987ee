for s in ["plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "nl\n", "\x00\x07\x7f", "é", "\u200b", "\U0001f600", "\\", "\ud800"]:
    print(repr(s), ascii(s))
print(str(b"x"), repr("a" * 3))
