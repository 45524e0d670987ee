import sys
for errno_, name in [(2, "ENOENT"), (17, "EEXIST"), (13, "EACCES"), (21, "EISDIR"), (20, "ENOTDIR"), (32, "EPIPE"), (11, "EAGAIN"), (110, "ETIMEDOUT"), (111, "ECONNREFUSED"), (999, "unknown")]:
    e = OSError(errno_, "message")
    print(name, type(e).__name__, e.errno, str(e))
print(str(OSError("only message")), str(OSError()), OSError(1, 2, 3, 4, 5).args)
