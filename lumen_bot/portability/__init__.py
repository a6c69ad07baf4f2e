"""A person's archive: their whole history as a sealed ZIP they can keep and bring back."""
