"""The dashboard's presentation: Jinja2 templates, static files and the geometry of its SVG pictures.

`templates/` and `static/` ship with the package (no build step; vendored assets are listed in
`static/vendor/README.md`). `highlight` cuts a document into highlighted segments, `charts` lays
out the escalation chart and the actor network, `worldmap` projects the bundled country shapes.
"""
