for s in ["hello world", "HELLO WORLD", "they're bill's friends", "hello-world_foo bar2baz", "ǆungla", "ßig", "1st place", "o'neil mcdonald", "élan vital", ""]:
    print(repr(s.title()), repr(s.capitalize()), s.istitle())
