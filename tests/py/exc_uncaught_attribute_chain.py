class Config:
    def __init__(self):
        self.db = None
cfg = Config()
print(cfg.db)
print(cfg.db.host.upper())
