settings = {"server": {"port": 80}}
print(settings["server"]["port"])
print(settings["server"]["host"])
