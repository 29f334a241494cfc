"""Making the schedule: build the solver's instance from the database (build), plans as plain
data (plans), optimiser runs on a worker (runs), the independent check of a solution
(verification), publishing a version (release) and the on-the-day repair (repair)."""
