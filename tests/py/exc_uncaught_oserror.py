import sys
def open_config():
    return open("definitely_missing_dir/config.ini")
open_config()
