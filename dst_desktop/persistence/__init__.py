"""Storage: Peewee models, opening a database from a URL, schema versions, the store."""
