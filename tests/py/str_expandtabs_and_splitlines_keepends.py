print(repr("a\tbc\tdef\tg".expandtabs()), repr("a\tb".expandtabs(0)), repr("\t\t".expandtabs(3)), repr("ab\ncd\tx".expandtabs(4)))
print("one\ntwo\r\nthree\rfour\x0bfive\x0csix\x1cseven".splitlines(keepends=True))
print("".splitlines(), "\n".splitlines(), "x\n\n".splitlines())
