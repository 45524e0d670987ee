class BaseError(Exception):
    pass
class NetworkError(BaseError):
    pass
class TimeoutErr(NetworkError):
    def __init__(self, seconds):
        super().__init__(f"timed out after {seconds}s")
        self.seconds = seconds
handlers = []
for exc in [TimeoutErr(5), NetworkError("down"), BaseError("generic"), ValueError("other")]:
    try:
        try:
            raise exc
        except TimeoutErr as e:
            handlers.append(("timeout", e.seconds, str(e)))
        except NetworkError as e:
            handlers.append(("network", str(e)))
        except BaseError as e:
            handlers.append(("base", str(e)))
    except Exception as e:
        handlers.append(("outer", type(e).__name__))
for h in handlers:
    print(h)
