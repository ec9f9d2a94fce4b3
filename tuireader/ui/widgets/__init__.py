"""The reader's widgets: the panes and the search bar."""
