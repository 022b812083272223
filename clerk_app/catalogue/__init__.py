"""The service-item catalogue: items, situations, materials, versions, search.

Callers use :class:`clerk_app.catalogue.service.CatalogueService`; the file format is in
``docs/catalogue-format.md``.
"""
