class Fancy(Exception):
    def __str__(self):
        return "fancy message\nwith two lines"
raise Fancy()
