"""maillage: the platform of technology parks and their networks."""
