"""The scan panel: acquiring pages, their thumbnails, order, materials and refusals."""
