data = b"key1=val1;key2=val2;;key3="
print(data.split(b";"), data.split(b";", 1), data.rsplit(b"=", 1), data.partition(b"="), data.count(b"key"), data.find(b"val2"), data.rindex(b"key"))
print([p.split(b"=") for p in data.split(b";") if p], b" a  b ".split(), b"a\nb\r\nc".splitlines(), b"abc".find(98))
print(b"abcdef".removeprefix(b"ab"), b"abcdef".removesuffix(b"ef"), b"Hello World".swapcase(), b"hello".capitalize(), b"  x".isspace(), b"".isalnum())
