payload = b"caf\xc3\xa9 \xff"
print(payload[:6].decode())
print(payload.decode())
