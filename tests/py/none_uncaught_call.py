handlers = {"a": print}
handler = handlers.get("b")
handler("event")
