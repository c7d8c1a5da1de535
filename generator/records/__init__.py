"""Reading the records: YAML with places (file:line:col), problems and their Norwegian messages, the
vocabulary, the pydantic model and the catalog that checks records against each other."""
