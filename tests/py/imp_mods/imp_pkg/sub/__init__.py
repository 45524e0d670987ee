print("imp_pkg.sub init")
