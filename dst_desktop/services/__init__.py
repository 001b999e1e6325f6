"""The workflows of the seed (booking, mission, availability, capacity) and reference data.

Services see the storage only through the :mod:`dst_desktop.services.store` protocols and
answer with result objects whose ``to_dict()`` is the seed's camelCase JSON.
"""
