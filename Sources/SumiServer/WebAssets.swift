enum WebAssets { static let indexHTML = "<!DOCTYPE html><html lang=\"ja\"><title>Sumi</title></html>"; static let appJS = ""; static let appCSS = "" }
