"""Reports: key figures of a park or a network for a period, the dashboard and the yearly report."""
