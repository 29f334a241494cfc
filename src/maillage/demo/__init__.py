"""The demo data set: real parks, networks and events with invented people, loaded by
`python -m maillage demo` (`make run`). It sits above every domain app: it imports them and
calls their services, and no domain app imports it. Needs the `demo` extra (faker)."""
