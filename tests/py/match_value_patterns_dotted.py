class Status:
    OK = 200
    NOT_FOUND = 404
class Http:
    status = Status
def describe(code):
    match code:
        case Status.OK:
            return "ok"
        case Http.status.NOT_FOUND:
            return "not found"
        case 500 | 502 | 503 as server:
            return f"server error {server}"
        case int() if 400 <= code < 500:
            return "client error"
        case _:
            return "unknown"
for c in [200, 404, 502, 418, 999, 200.0]:
    print(c, describe(c))
