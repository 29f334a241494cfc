"""The yearly report of a park or a network: ``services`` (start it, write its paragraphs,
ask for its PDF), ``generation`` (the worker's side: render the PDF and make it the report's),
``document`` (its content and rendering, HTML and PDF), ``charts`` (the dashboard's charts as
SVG), ``forms`` and ``views`` (its pages). Dependencies run one way:
views -> forms -> services -> reports.tasks -> generation -> document -> charts."""
