"""One module per command; each is a few lines over a library function."""
