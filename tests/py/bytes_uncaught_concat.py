header = b"HDR:"
body = "payload"
print(header + body.encode())
print(header + body)
